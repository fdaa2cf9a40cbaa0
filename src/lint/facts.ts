// A grouped check marked `facts: true` may list one more item than a check of warning signs (src/rules/schema.ts),
// because what a person knows (a diagnosis, a medicine, an operation) is read quickly. That allowance must not reach a
// list of signs that need the emergency number: for each item, one ordinary person who answers it Yes (with whatever
// makes it shown) must not already be an emergency. The schema cannot ask this (it knows no answers); the linter can.
import { matches } from '../engine/conditions.ts';
import type { RulesIndex } from '../engine/solver.ts';
import { GROUP_MAX_ITEMS } from '../rules/schema.ts';
import type { Finding } from './finding.ts';
import { personWith } from './person-with.ts';
import { answerModel } from './population.ts';

export function factsFindings(index: RulesIndex): Finding[] {
  const { rules } = index;
  const common = answerModel(rules).common;
  const emergencies = rules.redFlags.filter((r) => r.level === 'emergency');
  const findings: Finding[] = [];
  (rules.screens ?? []).forEach((screen, si) => {
    if (screen.kind !== 'group' || !screen.facts) return;
    screen.questions.forEach((id, k) => {
      const person = personWith(index, { question: id, is: 'yes' }, common);
      const flag = person ? emergencies.find((r) => matches(r.when, person)) : undefined;
      if (!flag) return;
      findings.push({
        severity: 'error',
        check: 'completeness',
        path: ['screens', si, 'questions', k],
        message: `"${id}" in the facts check "${screen.id}" is an emergency on its own (red flag "${flag.id}"): warning signs that need the emergency number belong in a grouped check of signs, of at most ${GROUP_MAX_ITEMS}`,
      });
    });
  });
  return findings;
}
