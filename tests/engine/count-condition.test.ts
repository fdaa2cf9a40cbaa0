// "At least N of these": the counting condition, for combinations of answers (two or more unsure signs) that would
// otherwise be listed pair by pair. Checked in the engine, the loader, the solver, the linter and in words.
import { describe, expect, it } from 'vitest';
import { answerText } from '../../src/engine/because.ts';
import { describeCondition } from '../../src/engine/condition-words.ts';
import { matches } from '../../src/engine/conditions.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { indexRules, solve } from '../../src/engine/solver.ts';
import { lintRules } from '../../src/lint/lint.ts';
import { formatProblem, loadRules } from '../../src/rules/load.ts';
import type { Condition } from '../../src/rules/schema.ts';
import { editedRules, miniData } from '../lint/edit-rules.ts';
import { stringify } from 'yaml';

const twoOfThree: Condition = {
  atLeast: 2,
  of: [
    { question: 'rf_big', is: 'not_sure' },
    { question: 'rf_small', is: 'yes' },
    { question: 'late_flag', is: 'yes' },
  ],
};

/** The mini rules with a red flag that needs two of three answers. */
const withCountingFlag = () =>
  editedRules((data) => {
    data.redFlags.push({ id: 'two_of_three', when: twoOfThree, level: 'emergency', reason: { en: 'Two signs together.' }, rationale: 'test', source: 'test' });
  });

describe('the counting condition "at least N of"', () => {
  it('holds from N true parts on, and not below', () => {
    expect(matches(twoOfThree, { rf_big: 'not_sure' })).toBe(false);
    expect(matches(twoOfThree, { rf_big: 'not_sure', rf_small: 'yes' })).toBe(true);
    expect(matches(twoOfThree, { rf_big: 'not_sure', rf_small: 'no', late_flag: 'yes' })).toBe(true);
    expect(matches(twoOfThree, { rf_big: 'no', rf_small: 'no', late_flag: 'yes' })).toBe(false);
  });

  it('sets the urgency in evaluate, and "because" quotes only the parts that held', () => {
    const rules = withCountingFlag();
    const answers = { rf_big: 'not_sure', rf_small: 'yes', age: 'adult', lifts: 'no', pain: 2, late_flag: 'no' };
    const result = evaluate(rules, answers);
    expect(result.urgency).toBe('emergency');
    const flag = result.redFlags.find((f) => f.id === 'two_of_three');
    expect(flag?.because.map((b) => b.questionId)).toEqual(['rf_big', 'rf_small']);
    expect(answerText(rules, answers, twoOfThree, 'en').map((b) => b.questionId)).not.toContain('late_flag');
  });

  it('is refused at its line when N is more than the parts listed', () => {
    const data = miniData();
    data.redFlags.push({ id: 'never', when: { atLeast: 4, of: twoOfThree.of }, level: 'urgent', reason: { en: 'Never.' }, rationale: 'test' });
    const text = stringify(data);
    const result = loadRules(text, 'rules/count.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('atLeast: 4')) + 1;
    expect(result.problems.map(formatProblem)).toContainEqual(
      expect.stringMatching(new RegExp(`^rules/count\\.yaml:${line}:\\d+  redFlags\\.4\\.when\\.atLeast  .*only 3 conditions`)),
    );
  });

  it('is refused when it lists a single part or counts from zero', () => {
    for (const when of [{ atLeast: 1, of: [twoOfThree.of[0]] }, { atLeast: 0, of: twoOfThree.of }]) {
      const data = miniData();
      data.redFlags.push({ id: 'odd', when, level: 'urgent', reason: { en: 'Odd.' }, rationale: 'test' });
      expect(loadRules(stringify(data), 'odd.yaml').ok).toBe(false);
    }
  });

  it('is solved exactly: the solver finds the answers that make it hold, and proves two-part impossibilities', () => {
    const index = indexRules(withCountingFlag());
    const found = solve(index, { require: [twoOfThree], forbid: [{ question: 'rf_small', is: 'yes' }] });
    expect(found.status).toBe('found');
    if (found.status === 'found') expect(found.answers).toMatchObject({ rf_big: 'not_sure', late_flag: 'yes' });
    const impossible = solve(index, {
      require: [twoOfThree],
      forbid: [{ question: 'rf_small', is: 'yes' }, { question: 'late_flag', is: 'yes' }],
    });
    expect(impossible.status).toBe('impossible');
  });

  it('passes the linter when written from its own answers, and is caught when a "not" inside it could switch it off', () => {
    const errors = (rules: ReturnType<typeof withCountingFlag>) => lintRules(rules).filter((f) => f.severity === 'error');
    expect(errors(withCountingFlag())).toEqual([]);
    const switchable = editedRules((data) => {
      const of = [twoOfThree.of[0], { not: { question: 'lifts', is: 'yes' } }, twoOfThree.of[2]];
      data.redFlags.push({ id: 'two_of_three', when: { atLeast: 2, of }, level: 'emergency', reason: { en: 'T.' }, rationale: 'test', source: 'test' });
    });
    expect(errors(switchable)).toContainEqual(
      expect.objectContaining({ check: 'red-flag dominance', message: expect.stringContaining('"not" over "lifts"') }),
    );
  });

  it('reads as words on the review page and in rules:diff', () => {
    expect(describeCondition(withCountingFlag(), twoOfThree, { ids: true })).toBe(
      'at least 2 of (rf_big is not_sure; rf_small is yes; late_flag is yes)',
    );
  });
});
