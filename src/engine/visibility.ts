// Which questions apply to these answers, in the order they are asked. Skip logic only looks back (the schema
// checks that), so walking the list once in order is enough.
import type { Question, Rules } from '../rules/schema.ts';
import type { Answers } from './answers.ts';
import { matches, predicate } from './conditions.ts';

export function isVisible(question: Question, answers: Answers): boolean {
  return question.showIf === undefined || matches(question.showIf, answers);
}

/** The questions that apply, in asking order. A hidden question's answer never makes a later one visible. */
export function visibleQuestions(rules: Rules, answers: Answers): Question[] {
  const kept: Record<string, Answers[string]> = {};
  const visible: Question[] = [];
  for (const q of rules.questions) {
    if (!isVisible(q, kept)) continue;
    visible.push(q);
    const value = answers[q.id];
    if (value !== undefined) kept[q.id] = value;
  }
  return visible;
}

/** Drop answers to questions that no longer apply (after an earlier answer changed) and to unknown ids. */
export function pruneAnswers(rules: Rules, answers: Answers): Answers {
  const pruned: Record<string, Answers[string]> = {};
  for (const q of visibleQuestions(rules, answers)) {
    const value = answers[q.id];
    if (value !== undefined) pruned[q.id] = value;
  }
  return pruned;
}

/**
 * The answers that count: like `pruneAnswers`, but returns the answers themselves when no answer is hidden by
 * skip logic (the usual case), since `evaluate` runs on every step and copying was most of its cost. Answers to
 * unknown ids may stay: no condition can name them (the schema checks every reference).
 */
export function applicableAnswers(rules: Rules, answers: Answers): Answers {
  for (const { id, shown } of skipLogicOf(rules)) {
    // Skip logic only looks back, so if the first answered question that pruning would drop existed, every
    // answer before it is kept and its showIf is false against the full set too: checking each alone suffices.
    if (answers[id] !== undefined && !shown(answers)) return pruneAnswers(rules, answers);
  }
  return answers;
}

/**
 * The questions with skip logic, in asking order, each with its showIf compiled once per rules object. Kept here
 * rather than in the rules index: `evaluate` now applies skip logic by slot (answer-slots.ts), so only this function
 * needs it, and the browser, which never calls it, no longer builds it.
 */
const skipLogics = new WeakMap<Rules, readonly { id: string; shown: (answers: Answers) => boolean }[]>();

function skipLogicOf(rules: Rules): readonly { id: string; shown: (answers: Answers) => boolean }[] {
  let skipLogic = skipLogics.get(rules);
  if (!skipLogic) skipLogics.set(rules, (skipLogic = rules.questions.flatMap((q) => (q.showIf ? [{ id: q.id, shown: predicate(q.showIf) }] : []))));
  return skipLogic;
}
