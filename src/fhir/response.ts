// A person's answers as a FHIR R4 QuestionnaireResponse. Only ever built when the host page opted in to
// receiving answers (`share-answers`); nothing is sent anywhere by this module.
import type { QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from 'fhir/r4';
import type { Answers } from '../engine/answers.ts';
import { pruneAnswers } from '../engine/visibility.ts';
import type { Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import { optionCoding, questionnaireUrl } from './questionnaire.ts';

export function toQuestionnaireResponse(
  rules: Rules,
  rawAnswers: Answers,
  options: { authored: Date; complete: boolean; locale?: Locale },
): QuestionnaireResponse {
  const locale = options.locale ?? 'en';
  const answers = pruneAnswers(rules, rawAnswers);
  const groups: QuestionnaireResponseItem[] = [];
  for (const section of rules.sections) {
    const items: QuestionnaireResponseItem[] = [];
    for (const q of rules.questions) {
      const value = answers[q.id];
      if (q.section !== section.id || value === undefined) continue;
      const answer: QuestionnaireResponseItemAnswer[] =
        q.type === 'scale'
          ? [{ valueInteger: Number(value) }]
          : (Array.isArray(value) ? value : [String(value)]).map((id) => ({
              valueCoding: optionCoding(rules, q, id, locale),
            }));
      items.push({ linkId: q.id, text: localize(q.text, locale), answer });
    }
    if (items.length > 0) groups.push({ linkId: section.id, text: localize(section.title, locale), item: items });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${questionnaireUrl(rules)}|${rules.meta.version}`,
    status: options.complete ? 'completed' : 'in-progress',
    authored: options.authored.toISOString(),
    item: groups,
  };
}
