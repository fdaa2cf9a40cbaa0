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

/**
 * The next question to ask after `currentId` (or from the start), or null when there is none left to ask.
 * Once a red flag or a scope exit has fired, only the questions that could still raise the urgency are asked:
 * an urgent answer still asks every remaining emergency question, an out-of-scope answer every red flag.
 */
export function nextQuestion(
  rules: Rules,
  rawAnswers: Answers,
  position: { after?: string; unansweredOnly?: boolean } = {},
): Question | null {
  const currentId = position.after;
  const answers = pruneAnswers(rules, rawAnswers);
  const order = rules.questions.map((q) => q.id);
  const from = currentId === undefined ? -1 : order.indexOf(currentId);
  const ahead = (q: Question) => order.indexOf(q.id) > from;
  const visibleAhead = visibleQuestions(rules, answers).filter(ahead);

  const fired = rules.redFlags.filter((r) => matches(r.when, answers));
  if (fired.some((r) => r.level === 'emergency')) return null;
  const exit = rules.scopeExits.some((r) => matches(r.when, answers));
  if (fired.length === 0 && !exit) {
    return (position.unansweredOnly ? visibleAhead.filter((q) => answers[q.id] === undefined) : visibleAhead)[0] ?? null;
  }

  const levels = fired.length > 0 ? ['emergency'] : ['emergency', 'urgent'];
  const safetyQuestions = new Set(
    rules.redFlags.filter((r) => levels.includes(r.level)).flatMap((r) => questionsIn(r.when)),
  );
  // Only unanswered ones: the person already told us the rest.
  const pending = new Set(pendingQuestions(rules, answers).map((q) => q.id));
  return rules.questions.find((q) => safetyQuestions.has(q.id) && pending.has(q.id)) ?? null;
}

