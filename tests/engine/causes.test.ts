// The four causes: each can be made likely by its own section's answers, and by nothing else. The answers used
// are derived from the evidence rules in the YAML, so the tests follow the clinicians' file as it changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from '../../src/engine/answers.ts';
import { matches, questionsIn } from '../../src/engine/conditions.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { pruneAnswers } from '../../src/engine/visibility.ts';
import type { Cause, Rules } from '../../src/rules/schema.ts';
import { mainRules } from '../helpers.ts';
import { allValid, answersArb, mergeAnswers, satisfyingArb } from './arbitraries.ts';

const rules = mainRules();
const sectionOf = new Map(rules.questions.map((q) => [q.id, q.section]));

/** The sections a cause's evidence looks at. */
const evidenceSections = (cause: Cause) =>
  new Set(cause.evidence.flatMap((e) => questionsIn(e.when)).map((id) => sectionOf.get(id)));

/**
 * The strongest answers for a cause: its positive evidence, heaviest first, each made true by answers that keep
 * the heavier ones true (a single-choice question can only support one evidence rule).
 */
function strongestAnswers(rules: Rules, cause: Cause): Answers {
  let answers: Answers = {};
  const firing: typeof cause.evidence = [];
  for (const ev of [...cause.evidence].filter((e) => e.weight > 0).sort((a, b) => b.weight - a.weight)) {
    const candidates = fc.sample(satisfyingArb(rules, ev.when), { numRuns: 30, seed: 42 });
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

describe.each(rules.causes.map((c) => [c.id, c] as const))('cause %s', (causeId, cause) => {
  const strongest = strongestAnswers(rules, cause);

  it('its evidence looks only at the questions of one section of its own', () => {
    const own = evidenceSections(cause);
    expect(own.size).toBe(1);
    const others = rules.causes.filter((c) => c.id !== causeId).flatMap((c) => [...evidenceSections(c)]);
    expect(others).not.toContain([...own][0]);
  });

  it('becomes likely from its own section\'s strongest answers alone', () => {
    const own = [...evidenceSections(cause)][0];
    expect(Object.keys(strongest).every((id) => sectionOf.get(id) === own)).toBe(true);
    const result = evaluate(rules, strongest);
    expect(result.redFlags).toEqual([]);
    expect(result.causes[0]?.id).toBe(causeId);
    expect(result.causes[0]?.likelihood).toBe('likely');
    // The person is told which of their answers point to it.
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

  it('stays likely whatever is answered in the other causes\' sections (property)', () => {
    const own = [...evidenceSections(cause)][0];
    fc.assert(
      fc.property(answersArb(rules, { quietFor: rules.redFlags.map((r) => r.when), quietness: 1 }), (random) => {
        const otherSections = Object.fromEntries(
          Object.entries(random).filter(([id]) => sectionOf.get(id) !== own && !isSafetySection(id)),
        );
        const result = evaluate(rules, { ...otherSections, ...strongest });
        fc.pre(result.redFlags.length === 0);
        expect(result.causes.find((c) => c.id === causeId)?.likelihood).toBe('likely');
      }),
      { numRuns: 200 },
    );
  });
});

// Red flags and scope exits end the questionnaire before causes are weighed; the properties below are about causes.
const safetyQuestions = new Set([...rules.redFlags, ...rules.scopeExits].flatMap((r) => questionsIn(r.when)));
const safetySections = new Set(rules.questions.filter((q) => safetyQuestions.has(q.id) && !rules.causes.some((c) => evidenceSections(c).has(q.section))).map((q) => q.section));
function isSafetySection(questionId: string): boolean {
  return safetySections.has(sectionOf.get(questionId) ?? '');
}

describe('causes, over random answer sets', () => {
  const noRedFlags = answersArb(rules, { quietFor: [...rules.redFlags, ...rules.scopeExits].map((r) => r.when), quietness: 1 });

  it('a cause\'s score depends only on the answers in its own section', () => {
    fc.assert(
      fc.property(noRedFlags, (answers) => {
        const result = evaluate(rules, answers);
        fc.pre(result.redFlags.length === 0 && result.outOfScope === null);
        for (const cause of rules.causes) {
          const own = evidenceSections(cause);
          const ownOnly = Object.fromEntries(Object.entries(answers).filter(([id]) => own.has(sectionOf.get(id))));
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
    const causeSections = new Set(rules.causes.flatMap((c) => [...evidenceSections(c)]));
    expect(unsureOptions.filter(({ question }) => causeSections.has(question.section)).length).toBeGreaterThan(3);
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
