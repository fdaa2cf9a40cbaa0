// A person's answers as a FHIR R4 QuestionnaireResponse. Only ever built when the host page opted in to
// receiving answers (`share-answers`); nothing is sent anywhere by this module.
import type { QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from 'fhir/r4';
import type { Answers } from '../engine/answers.ts';
import { pruneAnswers } from '../engine/visibility.ts';
import { layoutOf } from '../engine/screens.ts';
import type { Question, Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import { optionCoding, questionnaireUrl } from './questionnaire.ts';

export function toQuestionnaireResponse(
  rules: Rules,
  rawAnswers: Answers,
  options: { authored: Date; complete: boolean; locale?: Locale },
): QuestionnaireResponse {
  const locale = options.locale ?? 'en';
  const answers = pruneAnswers(rules, rawAnswers);
  const answered = (q: Question): QuestionnaireResponseItem[] => {
    const value = answers[q.id];
    if (value === undefined) return [];
    const answer: QuestionnaireResponseItemAnswer[] =
      q.type === 'scale'
        ? [{ valueInteger: Number(value) }]
        : (Array.isArray(value) ? value : [String(value)]).map((id) => ({ valueCoding: optionCoding(rules, q, id, locale) }));
    return [{ linkId: q.id, text: localize(q.text, locale), answer }];
  };
  // The same nesting as the Questionnaire: sections, and grouped checks inside them.
  const groups: QuestionnaireResponseItem[] = [];
  for (const section of rules.sections) {
    const items = layoutOf(rules)
      .screens.filter((screen) => screen.section === section.id)
      .flatMap((screen): QuestionnaireResponseItem[] => {
        const inner = screen.questions.flatMap(answered);
        if (screen.kind !== 'group' || inner.length === 0) return inner;
        return [{ linkId: screen.id, text: screen.title ? localize(screen.title, locale) : screen.id, item: inner }];
      });
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
