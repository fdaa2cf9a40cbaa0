// A whole set of answers that comes from outside the questionnaire (an answers file, a scenario, saved progress):
// does every answer fit the rules, and how far through the questionnaire does it get. Pure functions, so the CLI
// only reads files and prints.
import type { Rules } from '../rules/schema.ts';
import { describeCondition } from './condition-words.ts';
import { answerProblem, type AnswerValue, type Answers } from './answers.ts';
import { pendingQuestions, stopReason, type Stop } from './navigation.ts';
import { isVisible, visibleQuestions } from './visibility.ts';
import { didYouMean } from '../rules/nearest-id.ts';

export interface AnswerSetProblem {
  /** The question id as written (it may not exist in the rules). */
  questionId: string;
  kind: 'unknown_question' | 'invalid_value' | 'not_applicable';
  message: string;
}

/**
 * Every problem with an answer set, in the order of the questions (unknown ids last).
 * An answer to a question that does not apply (hidden by its `showIf`) is a problem, not silently dropped:
 * `evaluate` would ignore it, so a scenario that means "leg weakness" but forgot the answer that makes that
 * question appear would quietly lose a red flag.
 */
export function answerSetProblems(rules: Rules, raw: Readonly<Record<string, unknown>>): AnswerSetProblem[] {
  const problems: AnswerSetProblem[] = [];
  const valid: Record<string, AnswerValue> = {};
  for (const question of rules.questions) {
    if (!(question.id in raw)) continue;
    const value = raw[question.id];
    const problem = answerProblem(question, value);
    if (problem) {
      problems.push({ questionId: question.id, kind: 'invalid_value', message: problem });
      continue;
    }
    valid[question.id] = value as AnswerValue;
  }
  // Visibility is judged on the valid answers, walking in asking order like `visibleQuestions` does.
  const kept: Record<string, AnswerValue> = {};
  for (const question of rules.questions) {
    const value = valid[question.id];
    if (value === undefined) continue;
    if (!isVisible(question, kept)) {
      problems.push({
        questionId: question.id,
        kind: 'not_applicable',
        message: `"${question.id}" does not apply to these answers: it is asked only when ${question.showIf ? describeCondition(rules, question.showIf, { ids: true, answers: kept }) : 'always'}`,
      });
      continue;
    }
    kept[question.id] = value;
  }
  const known = new Set(rules.questions.map((q) => q.id));
  for (const id of Object.keys(raw)) {
    if (!known.has(id)) {
      problems.push({ questionId: id, kind: 'unknown_question', message: `"${id}" is not a question in ${rules.meta.id}${didYouMean(id, known)}` });
    }
  }
  return problems;
}

export interface PendingQuestion {
  questionId: string;
  section: string;
  /**
   * `unanswered`: the questionnaire would still ask it. `not_asked`: it applies, but the questionnaire does not
   * ask it: a red flag or scope exit ended the check first, or no answer to it could change the result.
   */
  status: 'unanswered' | 'not_asked';
}

export interface AnswerSetProgress {
  /** Every question that applies to these answers has an answer. */
  complete: boolean;
  /** Why the questionnaire would end here, if it would. */
  stop: Stop | null;
  pending: PendingQuestion[];
}

/**
 * Which applicable questions are unanswered, and whether the questionnaire would still ask them (the same walk
 * the state machine follows, `pendingQuestions`).
 */
export function answerSetProgress(rules: Rules, answers: Answers): AnswerSetProgress {
  const unanswered = visibleQuestions(rules, answers).filter((q) => answers[q.id] === undefined);
  const stop = stopReason(rules, answers);
  const asked = new Set(pendingQuestions(rules, answers).map((q) => q.id));
  return {
    complete: unanswered.length === 0,
    stop,
    pending: unanswered.map((q) => ({
      questionId: q.id,
      section: q.section,
      status: stop === null && asked.has(q.id) ? 'unanswered' : 'not_asked',
    })),
  };
}
