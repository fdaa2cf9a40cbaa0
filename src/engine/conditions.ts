// Conditions are plain data (see Condition in the schema); this is their one interpreter.
import type { Condition } from '../rules/schema.ts';
import type { Answers } from './answers.ts';

/** True when the answers satisfy the condition. An unanswered question satisfies no leaf condition. */
export function matches(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => matches(c, answers));
  if ('any' in condition) return condition.any.some((c) => matches(c, answers));
  if ('not' in condition) return !matches(condition.not, answers);
  const value = answers[condition.question];
  if (value === undefined) return false;
  if ('atLeast' in condition) return typeof value === 'number' && value >= condition.atLeast;
  if ('atMost' in condition) return typeof value === 'number' && value <= condition.atMost;
  const wanted = 'is' in condition ? [condition.is] : condition.isAny;
  return Array.isArray(value) ? value.some((v) => wanted.includes(v)) : wanted.includes(String(value));
}

/** The question ids a condition looks at, for traces, the linter and "because you answered". */
export function questionsIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(questionsIn);
  if ('any' in condition) return condition.any.flatMap(questionsIn);
  if ('not' in condition) return questionsIn(condition.not);
  return [condition.question];
}
