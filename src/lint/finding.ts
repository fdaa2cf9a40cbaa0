// What the linter reports: one finding per problem, with the field path it is about so the CLI can show its line.
import type { Condition, Rules, Urgency } from '../rules/schema.ts';

export type Severity = 'error' | 'warning' | 'info';
export type Check = 'completeness' | 'red-flag dominance' | 'conflicts' | 'text' | 'readability' | 'sign-off' | 'follow-up';

export interface Finding {
  severity: Severity;
  check: Check;
  path: (string | number)[];
  message: string;
  /** The red flag whose clinician accepted this finding in its `accepted` list (the finding is then information). */
  acceptedFor?: string;
}

export type RuleKind = 'redFlag' | 'consultSign' | 'scopeExit' | 'evidence' | 'advice';

/** Any rule of the file, with where it is and what it does, so checks can treat the lists alike. */
export interface RuleEntry {
  kind: RuleKind;
  id: string;
  when: Condition;
  path: (string | number)[];
  /** The urgency the rule sets at least (scope exits send people on, so they count as consult). */
  level?: Urgency;
  cause?: string;
  weight?: number;
}

export function ruleEntries(rules: Rules): RuleEntry[] {
  return [
    ...rules.redFlags.map((r, i): RuleEntry => ({ kind: 'redFlag', id: r.id, when: r.when, level: r.level, path: ['redFlags', i] })),
    ...rules.consultSigns.map(
      (r, i): RuleEntry => ({ kind: 'consultSign', id: r.id, when: r.when, level: r.level, path: ['consultSigns', i] }),
    ),
    ...rules.scopeExits.map((r, i): RuleEntry => ({ kind: 'scopeExit', id: r.id, when: r.when, level: r.level, path: ['scopeExits', i] })),
    ...rules.advice.map((r, i): RuleEntry => ({ kind: 'advice', id: r.id, when: r.when, path: ['advice', i] })),
    ...rules.causes.flatMap((c, ci) =>
      c.evidence.map(
        (e, i): RuleEntry => ({
          kind: 'evidence',
          id: e.id,
          when: e.when,
          cause: c.id,
          weight: e.weight,
          path: ['causes', ci, 'evidence', i],
        }),
      ),
    ),
  ];
}

export const KIND_WORDS: Record<RuleKind, string> = {
  redFlag: 'red flag',
  consultSign: 'consult sign',
  scopeExit: 'scope exit',
  evidence: 'evidence',
  advice: 'advice',
};

/** A stable text form of a condition, so that two rules written differently but meaning the same compare equal. */
export function canonical(condition: Condition): string {
  if ('all' in condition) return `all(${condition.all.map(canonical).sort().join(',')})`;
  if ('any' in condition) return `any(${condition.any.map(canonical).sort().join(',')})`;
  if ('not' in condition) return `not(${canonical(condition.not)})`;
  if ('of' in condition) return `atLeast${condition.atLeast}(${condition.of.map(canonical).sort().join(',')})`;
  if ('is' in condition) return `${condition.question}∈{${condition.is}}`;
  if ('isAny' in condition) return `${condition.question}∈{${[...new Set(condition.isAny)].sort().join(',')}}`;
  if ('atLeast' in condition) return `${condition.question}>=${condition.atLeast}`;
  return `${condition.question}<=${condition.atMost}`;
}
