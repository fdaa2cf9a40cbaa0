// One concrete person for whom a condition holds, to settle "does a imply b?" without a search when it does not.
// The linter asks that question thousands of times (does this rule ever fire without that one?), and nearly always
// the answer is no: one ordinary person with `a` and without `b` shows it. Such a person is a real answer set, so a
// search could only have found one too; only when this person has `b` as well is the search needed to prove "always".
import type { Answers } from '../engine/answers.ts';
import { matches } from '../engine/conditions.ts';
import { solve, type RulesIndex } from '../engine/solver.ts';
import { pruneAnswers } from '../engine/visibility.ts';
import type { Condition } from '../rules/schema.ts';

/**
 * The solver's example of `when` (most common answers tried first), every other question answered with its most
 * common answer, and the check's own skip logic applied: a person the app could meet. Null when the solver finds no
 * example, or when the filled-in answers lose `when` (then nothing is claimed and callers search as before).
 */
export function personWith(index: RulesIndex, when: Condition, common: Answers): Answers | null {
  const example = solve(index, { require: [when] }, { prefer: common });
  if (example.status !== 'found') return null;
  const person = pruneAnswers(index.rules, { ...common, ...example.answers });
  return matches(when, person) ? person : null;
}
