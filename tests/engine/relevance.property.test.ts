// "Nothing is asked that cannot change the result", proved over random answer sets on the real rules: walk the
// check as a person with these answers would; every question it leaves out, answered any way at all, gives the
// same result as leaving it unanswered. Each left-out question is tried with every answer it has, and all of them
// together with random answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from '../../src/engine/answers.ts';
import { pathFor } from '../../src/engine/burden.ts';
import { evaluate, type Result } from '../../src/engine/evaluate.ts';
import { countedAnswers } from '../../src/engine/navigation.ts';
import { canChangeResult, focusOf } from '../../src/engine/relevance.ts';
import type { Question, Rules } from '../../src/rules/schema.ts';
import { mainRules, miniScreenRules } from '../helpers.ts';
import { answerArb, answersArb } from './arbitraries.ts';

/**
 * What a person is told. Before any red flag or scope exit: the urgency, the scope exit, each red flag and consult
 * sign, each cause's likelihood band. After one: the urgency (the check then only asks what could raise it, as it
 * always has).
 */
function outcome(result: Result, whole: boolean): string {
  if (!whole) return JSON.stringify({ urgency: result.urgency });
  return JSON.stringify({
    urgency: result.urgency,
    exit: result.outOfScope?.id ?? null,
    redFlags: result.redFlags.map((r) => r.id).sort(),
    consultSigns: result.consultSigns.map((r) => r.id).sort(),
    bands: result.causes.map((c) => `${c.id}:${c.likelihood}`).sort(),
  });
}

/** Every answer a question has: each option, each set of ticks, each number. */
function everyAnswer(q: Question): AnswerValue[] {
  if (q.type === 'scale') return Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
  if (q.type === 'single') return q.options.map((o) => o.id);
  const real = q.options.filter((o) => o.kind !== 'none').map((o) => o.id);
  const sets: AnswerValue[] = q.options.filter((o) => o.kind === 'none').map((o) => [o.id]);
  for (let mask = 1; mask < 1 << real.length; mask++) sets.push(real.filter((_, i) => mask & (1 << i)));
  return sets;
}

function checkLeftOut(rules: Rules, truth: Answers, extra: Answers): { leftOut: string[] } {
  const path = pathFor(rules, truth);
  const asked = countedAnswers(rules, path.answers);
  const base = evaluate(rules, asked);
  const whole = focusOf(rules, asked).kind === 'everything';
  const expected = outcome(base, whole);
  const leftOut = rules.questions.filter((q) => asked[q.id] === undefined);
  for (const q of leftOut) {
    for (const value of everyAnswer(q)) {
      const got = outcome(evaluate(rules, { ...asked, [q.id]: value }), whole);
      expect(got, `"${q.id}" = ${JSON.stringify(value)} was not asked, yet changes the result (answers: ${JSON.stringify(asked)})`).toBe(expected);
    }
  }
  const together: Answers = Object.fromEntries(leftOut.flatMap((q) => { const v = extra[q.id]; return v === undefined ? [] : [[q.id, v]]; }));
  expect(outcome(evaluate(rules, { ...asked, ...together }), whole), `left-out answers ${JSON.stringify(together)} change the result`).toBe(expected);
  return { leftOut: leftOut.map((q) => q.id) };
}

describe.each([
  ['the real rules', mainRules()],
  ['the mini rules on screens', miniScreenRules()],
])('questions left out cannot change the result (%s)', (_, rules) => {
  const warnings = rules.redFlags.map((r) => r.when);
  const truths = fc.oneof(
    answersArb(rules),
    answersArb(rules, { quietFor: warnings, quietness: 0.97 }),
    answersArb(rules, { quietFor: warnings, quietness: 0.85 }),
  );
  // Answers for every question, hidden ones too: whatever the person might have said to what was left out.
  const anything = fc.record(Object.fromEntries(rules.questions.map((q) => [q.id, answerArb(q)])));

  it('for random answer sets, each left-out question and all of them together', () => {
    let leftOutSomething = 0;
    fc.assert(
      fc.property(truths, anything, (truth, extra) => {
        if (checkLeftOut(rules, truth, extra).leftOut.length > 0) leftOutSomething++;
      }),
      { numRuns: 250 },
    );
    // Not vacuous: questions were left out in many of the walks.
    expect(leftOutSomething).toBeGreaterThan(50);
  });
});

describe('what is left out, on the real rules', () => {
  const rules = mainRules();
  const q = (id: string) => {
    const found = rules.questions.find((x) => x.id === id);
    if (!found) throw new Error(id);
    return found;
  };
  const order = (id: string) => rules.questions.findIndex((x) => x.id === id);
  const everything = { kind: 'everything' } as const;

  it('a question no rule reads is never asked', () => {
    expect(canChangeResult(rules, q('pain_onset'), {}, everything, order('pain_onset'))).toBe(false);
  });

  it('a warning question is asked while it could raise the urgency', () => {
    for (const flag of rules.redFlags) {
      const leaf = flag.when;
      // Single-question flags on questions everyone is asked (the others depend on earlier answers).
      if (!('question' in leaf) || q(leaf.question).showIf) continue;
      expect(canChangeResult(rules, q(leaf.question), {}, everything, order(leaf.question)), flag.id).toBe(true);
    }
  });

  it('once a cause is settled as likely whatever else is answered, its remaining questions are not asked', () => {
    // Rounded back (+3) and a sudden twist (+3): posture is likely (4) even with a recent form check (-1).
    const given = { form_rounded_back: 'yes', form_sudden_twist: 'yes' };
    const question = q('form_breakdown');
    // form_breakdown only feeds posture; its screen comes after the two answers in this test's framing.
    expect(canChangeResult(rules, question, given, everything, order('form_breakdown'))).toBe(false);
    expect(canChangeResult(rules, question, { form_rounded_back: 'no', form_sudden_twist: 'no' }, everything, order('form_breakdown'))).toBe(true);
  });

  it('after an urgent red flag only emergency questions are asked', () => {
    const afterUrgent = focusOf(rules, { rf_fever: 'yes' });
    expect(afterUrgent).toEqual({ kind: 'urgency', above: 'urgent' });
    expect(canChangeResult(rules, q('rf_cancer_history'), { rf_fever: 'yes' }, afterUrgent, order('rf_cancer_history'))).toBe(false);
    expect(canChangeResult(rules, q('urine_colour'), { rf_fever: 'yes' }, afterUrgent, order('urine_colour'))).toBe(true);
  });
});
