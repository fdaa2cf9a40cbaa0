// "Nothing is asked that cannot change the result", proved over random answer sets on the real rules: walk the
// check as a person with these answers would; every question it leaves out, answered any way at all, gives the
// same result as leaving it unanswered. Each left-out question is tried with every answer it has, and all of them
// together with random answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from '../../src/engine/answers.ts';
import { pathFor } from '../../src/engine/burden.ts';
import { evaluate, type Result } from '../../src/engine/evaluate.ts';
import { questionsIn } from '../../src/engine/conditions.ts';
import { countedAnswers } from '../../src/engine/navigation.ts';
import { canChangeResult, focusOf } from '../../src/engine/relevance.ts';
import { isVisible } from '../../src/engine/visibility.ts';
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
    // Every answer of every left-out question is tried (a tick list of ten options has 1,024): a slow test.
  }, 120_000);
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
    // The same file with one more question that no rule looks at.
    const base = q('pain_trend');
    const unread = { ...base, id: 'unread_question' };
    const extended = { ...rules, questions: [...rules.questions, unread] };
    // Nothing answered yet and every question free: the question it was copied from matters, the copy never does.
    expect(canChangeResult(extended, unread, {}, everything, 0)).toBe(false);
    expect(canChangeResult(extended, base, {}, everything, 0)).toBe(true);
  });

  it('a warning question is asked while it could raise the urgency', () => {
    for (const flag of rules.redFlags) {
      const leaf = flag.when;
      // Single-question flags on questions everyone is asked (the others depend on earlier answers).
      if (!('question' in leaf) || q(leaf.question).showIf) continue;
      expect(canChangeResult(rules, q(leaf.question), {}, everything, order(leaf.question)), flag.id).toBe(true);
    }
  });

  it('once earlier answers settle what a question could change, it is not asked', () => {
    // Whether the pain is getting better only matters after 3 days (worsening), after a week (not improving) or
    // over 50 (a first episode): for a 30-year-old whose pain began under 3 days ago it cannot change anything.
    const fresh = { age_band: 'age_20_to_50', pain_duration: 'under_3_days' };
    expect(canChangeResult(rules, q('pain_trend'), fresh, everything, order('pain_trend'))).toBe(false);
    const weekOld = { age_band: 'age_20_to_50', pain_duration: 'weeks_1_to_6' };
    expect(canChangeResult(rules, q('pain_trend'), weekOld, everything, order('pain_trend'))).toBe(true);
  });

  it('after an urgent red flag only questions that could make it an emergency are asked', () => {
    const given = { rf_fever: 'yes', rf_leg_gives_way: 'no' };
    const afterUrgent = focusOf(rules, given);
    expect(afterUrgent).toEqual({ kind: 'urgency', above: 'urgent' });
    // A lump is an urgent sign at most: nothing to add.
    expect(canChangeResult(rules, q('rf_lump'), given, afterUrgent, order('rf_lump'))).toBe(false);
    // Kidney signs with a fever are an emergency.
    expect(canChangeResult(rules, q('rf_kidney'), given, afterUrgent, order('rf_kidney'))).toBe(true);
  });
});

describe('screens asked after an urgent sign too (askAfterUrgent: the pain the doctor needs)', () => {
  const rules = mainRules();
  const flagged = rules.screens!.filter((s) => s.askAfterUrgent);
  const flaggedQuestions = new Set(flagged.flatMap((s) => s.questions));
  const askedIds = (truth: Answers) => new Set(pathFor(rules, truth).steps.flatMap((s) => s.questions.map((q) => q.id)));
  const calm: Answers = Object.fromEntries(rules.questions.map((q) => [q.id, q.type === 'scale' ? 2 : q.type === 'multi' ? [q.options.find((o) => o.kind === 'none')?.id ?? q.options[0]!.id] : (q.options.find((o) => o.id === 'no') ?? q.options[0]!).id]));
  const base: Answers = { ...calm, age_band: 'age_20_to_50', pain_onset: 'during_workout', pain_duration: 'under_3_days' };

  it('the shipped rules flag the screen of score, onset, duration and where it hurts', () => {
    expect(flagged.map((s) => s.id)).toEqual(['pain_now']);
    expect([...flaggedQuestions].sort()).toEqual(['pain_duration', 'pain_onset', 'pain_score', 'pain_where']);
  });

  it('after an urgent sign, the flagged questions are asked; with a lump alone only the flag asks them', () => {
    const truth = { ...base, rf_lump: 'yes' };
    expect(evaluate(rules, countedAnswers(rules, pathFor(rules, truth).answers)).urgency).toBe('urgent');
    for (const id of flaggedQuestions) expect(askedIds(truth).has(id), id).toBe(true);
    // Without the flag, and without the emergencies that read the flagged screen (since 2.5.0 a numb leg on a blood
    // thinner with severe pain is one, for anyone, so the walk asks the screen for it anyway), the same person is not
    // asked the pain score: nothing else it says can make a lump an emergency.
    const readsFlagged = (r: (typeof rules.redFlags)[number]) => questionsIn(r.when).some((id) => flaggedQuestions.has(id));
    const unflagged = {
      ...rules,
      screens: rules.screens!.map((s) => ({ ...s, askAfterUrgent: undefined })),
      redFlags: rules.redFlags.filter((r) => r.level !== 'emergency' || !readsFlagged(r)),
    };
    const asked = new Set(pathFor(unflagged, truth).steps.flatMap((s) => s.questions.map((q) => q.id)));
    expect(asked.has('pain_score')).toBe(false);
  });

  it('after an emergency sign nothing more is asked, the flagged screen included', () => {
    const truth = { ...base, rf_saddle_numbness: 'yes' };
    const path = pathFor(rules, truth);
    expect(path.end).toBe('result');
    for (const id of flaggedQuestions) expect(askedIds(truth).has(id), id).toBe(false);
  });

  it('over random answer sets: asked after an urgent sign that came first, never after an emergency one', () => {
    const warnings = rules.redFlags.map((r) => r.when);
    let urgentFirst = 0;
    fc.assert(
      fc.property(answersArb(rules, { quietFor: warnings, quietness: 0.9 }), (truth) => {
        const path = pathFor(rules, truth);
        const counted = countedAnswers(rules, path.answers);
        const asked = new Set(path.steps.flatMap((s) => s.questions.map((q) => q.id)));
        // What the answers before the flagged screen had already decided.
        const first = Math.min(...[...flaggedQuestions].map((id) => rules.questions.findIndex((q) => q.id === id)));
        const before = evaluate(rules, Object.fromEntries(Object.entries(counted).filter(([id]) => rules.questions.findIndex((q) => q.id === id) < first)));
        const shown = [...flaggedQuestions].filter((id) => isVisible(rules.questions.find((q) => q.id === id)!, counted));
        if (before.urgency === 'urgent') {
          urgentFirst++;
          for (const id of shown) expect(asked.has(id), `${id} after an urgent sign`).toBe(true);
        }
        if (before.urgency === 'emergency') for (const id of flaggedQuestions) expect(asked.has(id), `${id} after an emergency`).toBe(false);
      }),
      { numRuns: 200 },
    );
    // Not vacuous: an urgent sign came first in many of the walks.
    expect(urgentFirst).toBeGreaterThan(10);
  });
});
