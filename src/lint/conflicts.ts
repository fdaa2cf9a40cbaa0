// Conflicts: rules that say different things about the same answers, or that can never make a difference.
// (Rules that can never fire at all are found with the completeness checks, where the solver already ran.)
import { urgencyRank } from '../engine/evaluate.ts';
import { canonical, KIND_WORDS, ruleEntries, type Finding, type RuleEntry } from './finding.ts';
import { touching } from './completeness.ts';
import { solve, type RulesIndex } from '../engine/solver.ts';
import { answerModel } from './population.ts';
import { personWith } from './person-with.ts';
import { matches } from '../engine/conditions.ts';

export function conflictFindings(index: RulesIndex): Finding[] {
  const { rules } = index;
  const findings: Finding[] = [];
  const add = (severity: Finding['severity'], r: RuleEntry, message: string) =>
    findings.push({ severity, check: 'conflicts', path: [...r.path, 'when'], message });
  const name = (r: RuleEntry) => `${KIND_WORDS[r.kind]} "${r.id}"`;

  // Urgency rules (red flags, consult signs): the same condition twice, or one always outranked by another.
  const urgency = ruleEntries(rules).filter((r) => r.kind === 'redFlag' || r.kind === 'consultSign');
  const sameCondition = groupBy(urgency, (r) => canonical(r.when));
  for (const group of sameCondition.values()) {
    const [first, ...rest] = group;
    if (!first) continue;
    for (const r of rest) {
      if (r.level === first.level) add('warning', r, `${name(r)} has the same condition as ${name(first)}: one of them is redundant`);
      else add('error', r, `${name(r)} (${r.level}) and ${name(first)} (${first.level}) have the same condition but different levels: say which one is meant`);
    }
  }
  // The most common answers tried first: most pairs are told apart by one ordinary person who fires a but not b,
  // found in half the steps. The order cannot change a finding: only a search that tried everything says
  // "impossible", and a found or unfinished one says nothing.
  const prefer = answerModel(rules).common;
  const canonicalOf = new Map(urgency.map((r) => [r, canonical(r.when)]));
  for (const a of urgency) {
    // One person with a: a rule they do not fire is not implied by a, with no search (see personWith).
    const person = personWith(index, a.when, prefer);
    for (const b of touching(index, [a.when], urgency)) {
      if (a === b || canonicalOf.get(a) === canonicalOf.get(b)) continue;
      if (urgencyRank(a.level ?? 'self-care') > urgencyRank(b.level ?? 'self-care')) continue;
      if (person && !matches(b.when, person)) continue;
      // a never raises the urgency if every answer set firing a also fires b at the same or a higher level.
      if (solve(index, { require: [a.when], forbid: [b.when] }, { prefer }).status === 'impossible') {
        add(
          'warning',
          a,
          `${name(a)} (${a.level}) never changes the urgency: whenever it fires, ${name(b)} (${b.level}) fires too. Its reason is still shown; remove it if that is not needed`,
        );
      }
    }
  }

  // Evidence: counted twice, or pulling two ways on the same answers.
  rules.causes.forEach((cause, ci) => {
    const evidence = cause.evidence.map(
      (e, i): RuleEntry => ({ kind: 'evidence', id: e.id, when: e.when, cause: cause.id, weight: e.weight, path: ['causes', ci, 'evidence', i] }),
    );
    for (const group of groupBy(evidence, (e) => canonical(e.when)).values()) {
      const [first, ...rest] = group;
      if (!first) continue;
      for (const e of rest) {
        const opposite = Math.sign(e.weight ?? 0) !== Math.sign(first.weight ?? 0);
        if (opposite) add('error', e, `${name(e)} (weight ${e.weight}) and ${name(first)} (weight ${first.weight}) have the same condition but pull "${cause.id}" in opposite directions`);
        else add('warning', e, `${name(e)} has the same condition as ${name(first)}: the same answers are counted twice for "${cause.id}"`);
      }
    }
  });

  // Scope exits with the same condition: only the first is ever shown.
  for (const group of groupBy(ruleEntries(rules).filter((r) => r.kind === 'scopeExit'), (r) => canonical(r.when)).values()) {
    const [first, ...rest] = group;
    for (const r of rest) if (first) add('warning', r, `${name(r)} has the same condition as ${name(first)}, which comes first: its message is never shown`);
  }
  return findings;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
