// Seeded random answer sets, for the linter's sampled cross-checks, the burden figures and the bench: the same
// rules file always gets the same samples, so a failure can be reproduced.
import type { AnswerValue, Answers } from './answers.ts';
import { matches } from './conditions.ts';
import type { Question, Rules } from '../rules/schema.ts';

export type Random = () => number;

/** mulberry32: tiny, fast and good enough to spread samples. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}

export function randomAnswer(question: Question, random: Random): AnswerValue {
  if (question.type === 'scale') return question.min + Math.floor(random() * (question.max - question.min + 1));
  if (question.type === 'single') return pick(random, question.options)?.id ?? '';
  const none = question.options.filter((o) => o.kind === 'none');
  if (none.length > 0 && random() < 0.2) return [pick(random, none)?.id ?? ''];
  const real = question.options.filter((o) => o.kind !== 'none');
  const ticked = real.filter(() => random() < 0.35).map((o) => o.id);
  return ticked.length > 0 ? ticked : [pick(random, real)?.id ?? ''];
}

/**
 * A complete, consistent answer set: every shown question answered, hidden ones not. Answers in `fixed` are kept
 * where their question is shown; the rest are random.
 */
export function randomAnswers(rules: Rules, random: Random, fixed: Answers = {}): Answers {
  const answers: Record<string, AnswerValue> = {};
  for (const q of rules.questions) {
    if (q.showIf && !matches(q.showIf, answers)) continue;
    answers[q.id] = fixed[q.id] ?? randomAnswer(q, random);
  }
  return answers;
}
