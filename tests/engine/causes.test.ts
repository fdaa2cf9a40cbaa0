// The causes: each needs a key sign before it can be "likely", no single answer counts for two causes, each can be
// made likely by its own strongest answers and not by another cause's. The answers used are derived from the
// evidence rules in the YAML, so the tests follow the clinicians' file as it changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from '../../src/engine/answers.ts';
import { leaves } from '../../src/engine/solver.ts';
import { matches, questionsIn } from '../../src/engine/conditions.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { pruneAnswers } from '../../src/engine/visibility.ts';
import type { Cause, Rules } from '../../src/rules/schema.ts';
import { mainRules } from '../helpers.ts';
import { allValid, answersArb, mergeAnswers, satisfyingArb } from './arbitraries.ts';

const rules = mainRules();

/** The questions a cause's evidence looks at, with those their skip logic depends on (a hidden answer does not count). */
const evidenceQuestions = (cause: Cause) => {
  const ids = new Set(cause.evidence.flatMap((e) => questionsIn(e.when)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const q of rules.questions) {
      if (!ids.has(q.id) || !q.showIf) continue;
      for (const id of questionsIn(q.showIf)) if (!ids.has(id)) grew = ids.add(id) !== undefined;
    }
  }
  return ids;
};

/** The answers ("question=option") a cause's positive evidence names. */
function positiveAnswers(cause: Cause): Set<string> {
  const named = new Set<string>();
  for (const ev of cause.evidence.filter((e) => e.weight > 0)) {
    for (const leaf of leaves(ev.when)) {
      const options = 'is' in leaf ? [leaf.is] : 'isAny' in leaf ? leaf.isAny : [`scale:${JSON.stringify(leaf)}`];
      for (const o of options) named.add(`${leaf.question}=${String(o)}`);
    }
  }
  return named;
}

/**
 * The strongest answers for a cause: its positive evidence, heaviest first, each made true by answers that keep
 * the heavier ones true (a single-choice question can only support one evidence rule).
 */
function strongestAnswers(rules: Rules, cause: Cause): Answers {
  let answers: Answers = {};
  const firing: typeof cause.evidence = [];
  for (const ev of [...cause.evidence].filter((e) => e.weight > 0).sort((a, b) => b.weight - a.weight)) {
    // The smallest answers first, so a tick list holds only the option this evidence names.
    const size = (a: Answers) => Object.values(a).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 1), 0);
    const candidates = fc.sample(satisfyingArb(rules, ev.when), { numRuns: 60, seed: 42 }).sort((a, b) => size(a) - size(b));
    for (const candidate of candidates) {
      const merged = pruneAnswers(rules, mergeAnswers([answers as Record<string, AnswerValue>, candidate as Record<string, AnswerValue>]));
      if (allValid(rules, merged) && [...firing, ev].every((e) => matches(e.when, merged))) {
        answers = merged;
        firing.push(ev);
        break;
      }
    }
  }
  return answers;
}

const scoreOf = (answers: Answers, causeId: string) => evaluate(rules, answers).causes.find((c) => c.id === causeId);

describe('causes as a whole', () => {
  it('no single answer counts for two causes', () => {
    const owner = new Map<string, string>();
    for (const cause of rules.causes) {
      for (const answer of positiveAnswers(cause)) {
        expect(owner.get(answer) ?? cause.id, `${answer} counts for ${owner.get(answer)} and ${cause.id}`).toBe(cause.id);
        owner.set(answer, cause.id);
      }
    }
    expect(owner.size).toBeGreaterThan(rules.causes.length);
  });
});

describe.each(rules.causes.map((c) => [c.id, c] as const))('cause %s', (causeId, cause) => {
  const strongest = strongestAnswers(rules, cause);
  const negatives = cause.evidence.filter((e) => e.weight < 0);

  it('is "more likely" only with its key sign and a supporting one; one sign alone is "possible"', () => {
    const positive = cause.evidence.filter((e) => e.weight > 0);
    const key = Math.max(...positive.map((e) => e.weight));
    const keys = positive.filter((e) => e.weight === key);
    const supporting = positive.filter((e) => e.weight < key);
    expect(keys.length).toBeGreaterThan(0);
    expect(supporting.length).toBeGreaterThan(0);
    // No single answer makes it likely; every sign alone makes it possible.
    for (const e of positive) {
      expect(e.weight, e.id).toBeLessThan(cause.thresholds.likely);
      expect(e.weight, e.id).toBeGreaterThanOrEqual(cause.thresholds.possible);
    }
    // The supporting signs together, without the key sign, do not; the key sign with any supporting one does.
    expect(supporting.reduce((sum, e) => sum + e.weight, 0)).toBeLessThan(cause.thresholds.likely);
    for (const s of supporting) expect(key + s.weight, s.id).toBeGreaterThanOrEqual(cause.thresholds.likely);
  });

  it('becomes likely from its own strongest answers alone, and says which answers point to it', () => {
    const result = evaluate(rules, strongest);
    expect(result.redFlags).toEqual([]);
    expect(result.causes[0]?.id).toBe(causeId);
    expect(result.causes[0]?.likelihood).toBe('likely');
    expect(result.causes[0]?.because.map((b) => b.questionId).sort()).toEqual(Object.keys(strongest).sort());
    for (const other of result.causes.slice(1)) expect(other.likelihood).not.toBe('likely');
  });

  it('is not made likely, or even possible, by every other cause\'s strongest answers', () => {
    const others = mergeAnswers(
      rules.causes.filter((c) => c.id !== causeId).map((c) => strongestAnswers(rules, c) as Record<string, AnswerValue>),
    );
    const result = evaluate(rules, others);
    for (const c of rules.causes.filter((c) => c.id !== causeId)) {
      expect(result.causes.find((r) => r.id === c.id)?.likelihood).toBe('likely');
    }
    const mine = result.causes.find((c) => c.id === causeId);
    expect(mine?.score).toBe(0);
    expect(mine?.likelihood).toBe('unlikely');
  });

  it('stays likely whatever else is answered, unless one of its own "against" signs applies (property)', () => {
    fc.assert(
      fc.property(answersArb(rules, { quietFor: rules.redFlags.map((r) => r.when), quietness: 1 }), (random) => {
        const answers = pruneAnswers(rules, { ...random, ...strongest });
        const result = evaluate(rules, answers);
        fc.pre(result.redFlags.length === 0 && result.outOfScope === null);
        fc.pre(!negatives.some((e) => matches(e.when, answers)));
        expect(result.causes.find((c) => c.id === causeId)?.likelihood).toBe('likely');
      }),
      { numRuns: 200 },
    );
  });
});

describe('causes, over random answer sets', () => {
  const noRedFlags = answersArb(rules, { quietFor: [...rules.redFlags, ...rules.scopeExits].map((r) => r.when), quietness: 1 });

  it('a cause\'s score depends only on the answers its evidence names', () => {
    fc.assert(
      fc.property(noRedFlags, (answers) => {
        const result = evaluate(rules, answers);
        fc.pre(result.redFlags.length === 0 && result.outOfScope === null);
        for (const cause of rules.causes) {
          const own = evidenceQuestions(cause);
          const ownOnly = Object.fromEntries(Object.entries(answers).filter(([id]) => own.has(id)));
          expect(scoreOf(ownOnly, cause.id)?.score).toBe(result.causes.find((c) => c.id === cause.id)?.score);
        }
      }),
      { numRuns: 300 },
    );
  });

  const unsureOptions = rules.questions.flatMap((q) =>
    q.type === 'scale' ? [] : q.options.filter((o) => o.kind !== 'answer').map((o) => ({ question: q, option: o })),
  );

  it('the rules offer "not sure" or "none of these" on cause questions', () => {
    const causeQuestions = new Set(rules.causes.flatMap((c) => [...evidenceQuestions(c)]));
    expect(unsureOptions.filter(({ question }) => causeQuestions.has(question.id)).length).toBeGreaterThan(1);
  });

  it('"not sure" and "none of these" never raise a cause above leaving the question unanswered', () => {
    fc.assert(
      fc.property(noRedFlags, fc.constantFrom(...unsureOptions), (answers, { question, option }) => {
        const unsure = pruneAnswers(rules, {
          ...answers,
          [question.id]: question.type === 'multi' ? [option.id] : option.id,
        });
        const { [question.id]: _dropped, ...rest } = answers;
        const without = pruneAnswers(rules, rest);
        const withUnsure = evaluate(rules, unsure);
        fc.pre(withUnsure.redFlags.length === 0 && withUnsure.outOfScope === null);
        for (const cause of withUnsure.causes) {
          expect(cause.score).toBeLessThanOrEqual(scoreOf(without, cause.id)?.score ?? Number.NaN);
          // And it is never given as a reason for a cause.
          expect(cause.because.map((b) => b.questionId)).not.toContain(question.id);
        }
      }),
      { numRuns: 500 },
    );
  });
});
