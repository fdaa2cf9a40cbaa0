// A person's answers as a FHIR R4 QuestionnaireResponse. Only ever built when the host page opted in to
// receiving answers (`share-answers`); nothing is sent anywhere by this module.
import type { Extension, Identifier, QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from 'fhir/r4';
import type { Answers } from '../engine/answers.ts';
import { pruneAnswers } from '../engine/visibility.ts';
import { layoutOf } from '../engine/screens.ts';
import type { Question, Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import { FOLLOW_UP_OF_EXTENSION, RESPONSE_ID_SYSTEM } from './namespace.ts';
import { formRules, optionCoding, questionnaireUrl, type QuestionnaireForm } from './questionnaire.ts';

export interface ResponseOptions {
  authored: Date;
  complete: boolean;
  locale?: Locale;
  /** The questionnaire answered: the whole check (default) or the follow-up's screens. */
  form?: QuestionnaireForm;
  /** This response's random id (src/fhir/response-id.ts), its `identifier`: what a later follow-up refers to. */
  id?: string | undefined;
  /** A follow-up's: the earlier check's response id, kept on the device with the follow-up. */
  followUpOf?: string | undefined;
}

export function toQuestionnaireResponse(given: Rules, rawAnswers: Answers, options: ResponseOptions): QuestionnaireResponse {
  const locale = options.locale ?? 'en';
  const form = options.form ?? 'check';
  const rules = formRules(given, form);
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
    ...(options.id ? { identifier: responseIdentifier(options.id) } : {}),
    ...(options.followUpOf ? { extension: [followUpOf(options.followUpOf)] } : {}),
    questionnaire: `${questionnaireUrl(rules, form)}|${rules.meta.version}`,
    status: options.complete ? 'completed' : 'in-progress',
    authored: options.authored.toISOString(),
    item: groups,
  };
}

function responseIdentifier(value: string): Identifier {
  return { system: RESPONSE_ID_SYSTEM, value };
}

/**
 * The earlier check's response, by its identifier only: the clinic's system holds it under whatever id it gave it,
 * so a literal reference could not resolve, and a logical one (Reference.identifier) is what FHIR offers for that.
 */
function followUpOf(id: string): Extension {
  return {
    url: FOLLOW_UP_OF_EXTENSION,
    valueReference: { type: 'QuestionnaireResponse', identifier: responseIdentifier(id), display: 'The earlier check this follow-up compares with' },
  };
}
