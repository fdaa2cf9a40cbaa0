// The answers a clinic receives with `share-answers`: only the answers that still apply (a changed answer can hide
// questions answered earlier), plus the same as a FHIR R4 QuestionnaireResponse matching `npm run fhir`'s
// Questionnaire (a follow-up's: its own, and its response names the earlier check's by the id kept with the follow-up).
// Loaded lazily, and only when the host opted in.
import { rules } from '../ui/check-rules.ts';
import type { Answers } from '../engine/answers.ts';
import { pruneAnswers } from '../engine/visibility.ts';
import { formRules } from '../fhir/questionnaire.ts';
import { toQuestionnaireResponse } from '../fhir/response.ts';
import type { Locale } from '../rules/text.ts';
import type { ShareAnswers } from './events.ts';

/** `locale()`: the language the person is using when they finish, for the question texts in the response. */
export function shareAnswersIn(locale: () => Locale): ShareAnswers {
  // A follow-up's answers are those it asked (the check reports no other), pruned by its own layout.
  return (answers: Answers, link) => ({
    answers: pruneAnswers(formRules(rules, link.form), answers),
    questionnaireResponse: toQuestionnaireResponse(rules, answers, { authored: new Date(), complete: true, locale: locale(), ...link }),
  });
}
