// Where the questionnaire goes next. Pure functions of the rules and answers, used by the state machine's guards
// and by the linter. Safety rule: the questionnaire may stop early, but never before every question that could
// still raise the urgency has been asked.
import type { Question, Rules } from '../rules/schema.ts';
import type { Answers } from './answers.ts';
import { matches, questionsIn } from './conditions.ts';
import { pendingQuestions, pruneAnswers, visibleQuestions } from './visibility.ts';

export type Stop = 'emergency' | 'urgent' | 'out_of_scope';

/** Why the questionnaire should go straight to the result, if it should. */
export function stopReason(rules: Rules, rawAnswers: Answers): Stop | null {
  const answers = pruneAnswers(rules, rawAnswers);
  const fired = rules.redFlags.filter((r) => matches(r.when, answers));
  if (fired.some((r) => r.level === 'emergency')) return 'emergency';
  const pending = new Set(pendingQuestions(rules, answers).map((q) => q.id));
  const stillAsks = (levels: string[]) =>
    rules.redFlags.some((r) => levels.includes(r.level) && questionsIn(r.when).some((id) => pending.has(id)));
  if (fired.length > 0) return stillAsks(['emergency']) ? null : 'urgent';
  if (rules.scopeExits.some((r) => matches(r.when, answers))) {
    return stillAsks(['emergency', 'urgent']) ? null : 'out_of_scope';
  }
  return null;
}

/** What is still asked: everything, only some safety questions (after a red flag or scope exit), or nothing. */
type AskingPolicy = { kind: 'everything' } | { kind: 'safety'; questionIds: Set<string> } | { kind: 'nothing' };

function askingPolicy(rules: Rules, answers: Answers): AskingPolicy {
  const fired = rules.redFlags.filter((r) => matches(r.when, answers));
  if (fired.some((r) => r.level === 'emergency')) return { kind: 'nothing' };
  const exit = rules.scopeExits.some((r) => matches(r.when, answers));
  if (fired.length === 0 && !exit) return { kind: 'everything' };
  // An urgent answer still asks every emergency question; an out-of-scope answer every red-flag question.
  const levels: string[] = fired.length > 0 ? ['emergency'] : ['emergency', 'urgent'];
  return {
    kind: 'safety',
    questionIds: new Set(rules.redFlags.filter((r) => levels.includes(r.level)).flatMap((r) => questionsIn(r.when))),
  };
}

/** Whether the questionnaire would still ask this (unanswered, applicable) question, given these answers. */
export function stillAsks(rules: Rules, rawAnswers: Answers): (question: Question) => boolean {
  const policy = askingPolicy(rules, pruneAnswers(rules, rawAnswers));
  if (policy.kind === 'safety') return (q) => policy.questionIds.has(q.id);
  return () => policy.kind === 'everything';
}

/**
 * The next question to ask after `position.after` (or from the start), or null when there is none left to ask.
 * Walking forward normally passes through answered questions too (after "back", they show their answers); with
 * `unansweredOnly`, or once a red flag or scope exit has fired, only unanswered questions are asked.
 */
export function nextQuestion(
  rules: Rules,
  rawAnswers: Answers,
  position: { after?: string; unansweredOnly?: boolean } = {},
): Question | null {
  const answers = pruneAnswers(rules, rawAnswers);
  const policy = askingPolicy(rules, answers);
  const visible = visibleQuestions(rules, answers);
  if (policy.kind === 'nothing') return null;
  if (policy.kind === 'safety') {
    return visible.find((q) => policy.questionIds.has(q.id) && answers[q.id] === undefined) ?? null;
  }
  const order = rules.questions.map((q) => q.id);
  const from = position.after === undefined ? -1 : order.indexOf(position.after);
  return (
    visible.find(
      (q) => order.indexOf(q.id) > from && (!position.unansweredOnly || answers[q.id] === undefined),
    ) ?? null
  );
}
