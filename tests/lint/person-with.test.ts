// The linter's shortcut before a search: one person with a rule's answers. If they lack another rule, the first does
// not imply it. These tests hold the shortcut to what makes it safe: a real answer set, and never a different verdict
// from the search it replaces.
import { describe, expect, it } from 'vitest';
import { answerProblem } from '../../src/engine/answers.ts';
import { matches, questionsIn } from '../../src/engine/conditions.ts';
import { indexRules, solve } from '../../src/engine/solver.ts';
import { pruneAnswers } from '../../src/engine/visibility.ts';
import { answerModel } from '../../src/lint/population.ts';
import { personWith } from '../../src/lint/person-with.ts';
import { mainRules } from '../helpers.ts';

const rules = mainRules();
const index = indexRules(rules);
const { common } = answerModel(rules);
const urgencyRules = [...rules.redFlags, ...rules.consultSigns];

describe('personWith', () => {
  it('gives, for every red flag and consult sign, a person the check could meet who has its answers', () => {
    let found = 0;
    for (const rule of urgencyRules) {
      const person = personWith(index, rule.when, common);
      if (!person) continue;
      found++;
      expect(matches(rule.when, person), rule.id).toBe(true);
      // Skip logic applied: no answer to a question the person would not be asked.
      expect(pruneAnswers(rules, person), rule.id).toEqual(person);
      const byId = new Map(rules.questions.map((q) => [q.id, q]));
      for (const [id, value] of Object.entries(person)) expect(answerProblem(byId.get(id)!, value), `${rule.id}: ${id}`).toBeNull();
    }
    // A shortcut that never finds anyone would pass the checks above and speed nothing up.
    expect(found).toBe(urgencyRules.length);
  });

  it('finds no one for a condition no one can meet', () => {
    const never = { all: [{ question: 'rf_fever', is: 'yes' }, { question: 'rf_fever', is: 'no' }] };
    expect(personWith(index, never, common)).toBeNull();
  });

  it('never rules out a pair the search proves: when the person lacks b, a without b can be found', () => {
    let checked = 0;
    let pairs = 0;
    for (const a of urgencyRules) {
      const person = personWith(index, a.when, common);
      if (!person) continue;
      const asked = new Set(questionsIn(a.when));
      for (const b of urgencyRules) {
        if (a === b || matches(b.when, person)) continue;
        // Every pair that shares a question (the pairs the linter searches), and one in five of the rest.
        const shares = questionsIn(b.when).some((id) => asked.has(id));
        if (!shares && pairs++ % 5 !== 0) continue;
        checked++;
        expect(solve(index, { require: [a.when], forbid: [b.when] }, { prefer: common }).status, `${a.id} without ${b.id}`).not.toBe('impossible');
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
