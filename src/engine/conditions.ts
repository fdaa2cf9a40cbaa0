// Conditions are plain data (see Condition in the schema); this is their one interpreter.
import type { Condition } from '../rules/schema.ts';
import type { AnswerValue, Answers } from './answers.ts';

type Predicate = (answers: Answers) => boolean;

// Conditions are compiled once into closures (rules are frozen, so caching on the object is safe): evaluating a
// condition is the engine's innermost loop, and re-reading its shape on every call was most of `evaluate`'s time.
const compiled = new WeakMap<Condition, Predicate>();

/** True when the answers satisfy the condition. An unanswered question satisfies no leaf condition. */
export function matches(condition: Condition, answers: Answers): boolean {
  return predicateFor(condition)(answers);
}

/** The condition as a function of the answers, compiled once: for loops that test the same conditions many times. */
export function predicate(condition: Condition): Predicate {
  return predicateFor(condition);
}

function predicateFor(condition: Condition): Predicate {
  let predicate = compiled.get(condition);
  if (!predicate) compiled.set(condition, (predicate = compile(condition)));
  return predicate;
}

function compile(condition: Condition): Predicate {
  return compileCondition<Answers>(condition, predicateFor, (leaf) => {
    const id = leaf.question;
    const test = answerTest(leaf);
    return (answers) => test(answers[id]);
  });
}

/** A condition on one question: the leaves of the condition tree. */
export type LeafCondition = Extract<Condition, { question: string }>;

/**
 * The condition as a function of answers held as `T` (a record by id here; slots by position in answer-slots.ts):
 * `sub` compiles the parts, `leaf` reads a leaf's answer. The one place the combinators' meaning is written.
 */
export function compileCondition<T>(condition: Condition, sub: (c: Condition) => (input: T) => boolean, leaf: (c: LeafCondition) => (input: T) => boolean): (input: T) => boolean {
  // Plain loops: `every`/`some` would make a closure per call, in the engine's innermost loop.
  if ('all' in condition) {
    const parts = condition.all.map(sub);
    return (input) => {
      for (const p of parts) if (!p(input)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(sub);
    return (input) => {
      for (const p of parts) if (p(input)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = sub(condition.not);
    return (input) => !inner(input);
  }
  if ('of' in condition) {
    const parts = condition.of.map(sub);
    const need = condition.atLeast;
    return (input) => {
      let count = 0;
      for (const p of parts) if (p(input) && ++count >= need) return true;
      return false;
    };
  }
  return leaf(condition);
}

/** A leaf's test of the one answer it reads. An unanswered question satisfies no leaf. */
export function answerTest(leaf: LeafCondition): (value: AnswerValue | undefined) => boolean {
  if ('atLeast' in leaf) {
    const min = leaf.atLeast;
    return (value) => typeof value === 'number' && value >= min;
  }
  if ('atMost' in leaf) {
    const max = leaf.atMost;
    return (value) => typeof value === 'number' && value <= max;
  }
  // `is`/`isAny` only ever name options of choice questions (the schema checks), so values are option ids.
  if ('is' in leaf) {
    const wanted = leaf.is;
    return (value) => value === wanted || (Array.isArray(value) && value.includes(wanted));
  }
  // A list, not a Set: it names two or three options, and hashing the answer was a twentieth of `evaluate`'s time.
  // The same matches (both SameValueZero).
  const wanted = leaf.isAny;
  return (value) => (typeof value === 'string' ? wanted.includes(value) : Array.isArray(value) && ticksAny(value, wanted));
}

/**
 * Whether a tick list ticks any of `wanted` (`value.some((v) => wanted.includes(v))`, written out: that made a
 * closure on every test of a tick list, and the test was a twenty-fifth of `evaluate`'s time).
 */
export function ticksAny(value: readonly string[], wanted: readonly string[]): boolean {
  for (let i = 0; i < value.length; i++) if (wanted.includes(value[i] as string)) return true;
  return false;
}

/** The question ids a condition looks at, for traces, the linter and "because you answered". */
export function questionsIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(questionsIn);
  if ('any' in condition) return condition.any.flatMap(questionsIn);
  if ('not' in condition) return questionsIn(condition.not);
  if ('of' in condition) return condition.of.flatMap(questionsIn);
  return [condition.question];
}
