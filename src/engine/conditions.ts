// Conditions are plain data (see Condition in the schema); this is their one interpreter.
import type { Condition } from '../rules/schema.ts';
import type { Answers } from './answers.ts';

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
  // Plain loops: `every`/`some` would make a closure per call, in the engine's innermost loop.
  if ('all' in condition) {
    const parts = condition.all.map(predicateFor);
    return (answers) => {
      for (const p of parts) if (!p(answers)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(predicateFor);
    return (answers) => {
      for (const p of parts) if (p(answers)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = predicateFor(condition.not);
    return (answers) => !inner(answers);
  }
  if ('of' in condition) {
    const parts = condition.of.map(predicateFor);
    const need = condition.atLeast;
    return (answers) => {
      let count = 0;
      for (const p of parts) if (p(answers) && ++count >= need) return true;
      return false;
    };
  }
  const id = condition.question;
  if ('atLeast' in condition) {
    const min = condition.atLeast;
    return (answers) => {
      const value = answers[id];
      return typeof value === 'number' && value >= min;
    };
  }
  if ('atMost' in condition) {
    const max = condition.atMost;
    return (answers) => {
      const value = answers[id];
      return typeof value === 'number' && value <= max;
    };
  }
  // `is`/`isAny` only ever name options of choice questions (the schema checks), so values are option ids.
  if ('is' in condition) {
    const wanted = condition.is;
    return (answers) => {
      const value = answers[id];
      return value === wanted || (Array.isArray(value) && value.includes(wanted));
    };
  }
  const wanted = new Set(condition.isAny);
  return (answers) => {
    const value = answers[id];
    if (typeof value === 'string') return wanted.has(value);
    return Array.isArray(value) && value.some((v) => wanted.has(v));
  };
}

/** The question ids a condition looks at, for traces, the linter and "because you answered". */
export function questionsIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(questionsIn);
  if ('any' in condition) return condition.any.flatMap(questionsIn);
  if ('not' in condition) return questionsIn(condition.not);
  if ('of' in condition) return condition.of.flatMap(questionsIn);
  return [condition.question];
}
