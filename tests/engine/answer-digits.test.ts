// Packed answers (answer-digits.ts) are memo keys for the impact analysis's relevance tests: equal keys must mean
// equal answers, every key must be below the span (the array memo is that long), and an answer no digit holds
// (an unknown option, ticks out of order, a value out of range) must give -1, never another answer's key. Packed by
// the options the rules name (as the population's walks pack them), equal keys must mean answers every condition
// reads alike.
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/engine/answers.ts';
import { digitsOf, KeyMemo, namedOptions } from '../../src/engine/answer-digits.ts';
import { matches } from '../../src/engine/conditions.ts';
import { leaves } from '../../src/engine/solver.ts';
import type { Slots } from '../../src/engine/answer-slots.ts';
import { randomAnswer, seededRandom } from '../../src/engine/random-answers.ts';
import type { Condition, Question } from '../../src/rules/schema.ts';
import { mainRules } from '../helpers.ts';

const rules = mainRules();

/** An answer, or none, or one no digit holds. */
function anyAnswer(question: Question, random: () => number): AnswerValue | undefined {
  const pick = random();
  if (pick < 0.15) return undefined;
  if (pick < 0.22) {
    if (question.type === 'scale') return random() < 0.5 ? question.max + 1 : question.min + 0.5;
    if (question.type === 'single') return random() < 0.5 ? 'no_such_option' : [question.options[0]!.id];
    const ids = question.options.map((o) => o.id);
    return random() < 0.5 ? [...ids].reverse() : 'not_a_list';
  }
  return randomAnswer(question, random);
}

describe('packed answers', () => {
  it('give equal keys to equal answers only, below the span, and -1 to answers no digit holds', { timeout: 60_000 }, () => {
    const random = seededRandom(17);
    for (let round = 0; round < 60; round++) {
      // A few questions of each kind, at their positions, as the relevance memo packs them.
      const picked = rules.questions
        .map((question, at) => ({ question, at }))
        .filter(() => random() < 0.12)
        .slice(0, 5);
      const digits = digitsOf(picked);
      if (!digits) continue;
      const byKey = new Map<number, string>();
      for (let person = 0; person < 300; person++) {
        const slots: Slots = new Array<AnswerValue | undefined>(rules.questions.length);
        for (const { question, at } of picked) slots[at] = anyAnswer(question, random);
        const key = digits.key(slots);
        const valid = picked.every(({ question, at }) => valid1(question, slots[at]));
        if (!valid) {
          expect(key).toBe(-1);
          continue;
        }
        expect(key).toBeGreaterThanOrEqual(0);
        expect(key).toBeLessThan(digits.span);
        const answers = JSON.stringify(picked.map(({ at }) => slots[at] ?? null));
        const known = byKey.get(key);
        if (known === undefined) byKey.set(key, answers);
        else expect(answers).toBe(known);
      }
      // And different answers, different keys: as many keys as distinct answer sets.
      expect(new Set(byKey.values()).size).toBe(byKey.size);
    }
  });

  it('packed by the named options only, give equal keys to answers every condition of the rules reads alike', { timeout: 60_000 }, () => {
    const random = seededRandom(23);
    const named = namedOptions(rules);
    const conditions: Condition[] = [
      ...[...rules.redFlags, ...rules.consultSigns, ...rules.scopeExits, ...rules.advice].map((r) => r.when),
      ...rules.causes.flatMap((c) => c.evidence.map((e) => e.when)),
      ...rules.questions.flatMap((q) => (q.showIf ? [q.showIf] : [])),
    ];
    const allLeaves = conditions.flatMap(leaves);
    let merged = 0;
    for (let round = 0; round < 60; round++) {
      const picked = rules.questions
        .map((question, at) => ({ question, at }))
        .filter(() => random() < 0.12)
        .slice(0, 5);
      const digits = digitsOf(picked, named);
      if (!digits) continue;
      const own = allLeaves.filter((l) => picked.some(({ question }) => question.id === l.question));
      const byKey = new Map<number, { reads: string; answers: string }>();
      for (let person = 0; person < 300; person++) {
        const slots: Slots = new Array<AnswerValue | undefined>(rules.questions.length);
        const answers: Record<string, AnswerValue> = {};
        for (const { question, at } of picked) {
          const value = anyAnswer(question, random);
          slots[at] = value;
          if (value !== undefined) answers[question.id] = value;
        }
        const key = digits.key(slots);
        if (key < 0) continue;
        expect(key).toBeLessThan(digits.span);
        // How every leaf on these questions reads the answers: the same for every answer set with this key.
        const reads = own.map((l) => (matches(l, answers) ? 1 : 0)).join('');
        const text = JSON.stringify(answers);
        const known = byKey.get(key);
        if (known === undefined) byKey.set(key, { reads, answers: text });
        else {
          expect(reads).toBe(known.reads);
          if (text !== known.answers) merged++;
        }
      }
    }
    // Answers the conditions cannot tell apart did share keys (a "No" no condition names, and no answer).
    expect(merged).toBeGreaterThan(100);
  });
});

/** Whether a digit can hold the answer: none, an option, a scale value in range, or ticks in the options' order. */
function valid1(question: Question, value: AnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (question.type === 'scale') return typeof value === 'number' && Number.isInteger(value) && value >= question.min && value <= question.max;
  const ids = question.options.map((o) => o.id);
  if (question.type === 'single') return typeof value === 'string' && ids.includes(value);
  if (!Array.isArray(value)) return false;
  const places = value.map((id) => ids.indexOf(id));
  return places.every((p, i) => p >= 0 && (i === 0 || p > (places[i - 1] as number)));
}

describe('the memo by packed key', () => {
  it('remembers what a Map would, for keys small and past 2^32, through growing', () => {
    const random = seededRandom(5);
    const memo = new KeyMemo();
    const expected = new Map<number, boolean>();
    // Keys up to 2^53 whose low 32 bits often agree (the same answers to the last questions), and small ones.
    for (let i = 0; i < 20_000; i++) {
      const high = Math.floor(random() * 64) * 2 ** 32;
      const key = random() < 0.3 ? Math.floor(random() * 5000) : high + Math.floor(random() * 8);
      const known = expected.get(key);
      expect(memo.get(key)).toBe(known === undefined ? 0 : known ? 2 : 1);
      if (known === undefined) {
        const answer = random() < 0.5;
        memo.set(key, answer);
        expected.set(key, answer);
      }
    }
    expect(expected.size).toBeGreaterThan(1000);
    expect(memo.get(Number.MAX_SAFE_INTEGER)).toBe(0);
    memo.set(Number.MAX_SAFE_INTEGER, true);
    expect(memo.get(Number.MAX_SAFE_INTEGER)).toBe(2);
  });
});
