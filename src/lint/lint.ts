// The linter: every static check on a valid rules file, as a list of findings. Pure: no files, no printing.
import type { Rules } from '../rules/schema.ts';
import { completenessFindings } from './completeness.ts';
import { conflictFindings } from './conflicts.ts';
import { dominanceFindings } from './dominance.ts';
import { followUpFindings } from './follow-up.ts';
import { factsFindings } from './facts.ts';
import type { Finding, Severity } from './finding.ts';
import { indexRules } from '../engine/solver.ts';
import { readabilityFindings } from './readability.ts';
import { textFindings } from './text.ts';
import { walkFindings } from './walks.ts';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function lintRules(rules: Rules): Finding[] {
  const index = indexRules(rules);
  const findings = [
    ...completenessFindings(index),
    ...walkFindings(rules),
    ...dominanceFindings(index),
    ...conflictFindings(index),
    ...textFindings(rules),
    ...readabilityFindings(rules),
    ...followUpFindings(rules),
    ...factsFindings(index),
  ];
  // One finding per place and message: several checks can reach the same conclusion.
  const unique = new Map(findings.map((f) => [`${f.path.join('.')}|${f.message}`, withAcceptance(rules, f)]));
  return [...unique.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * A warning about a red flag that its `accepted` list answers becomes information, with the clinician's reason. A
 * red-flag dominance warning that nobody accepted is an error: a red flag that other answers can keep from firing
 * lets someone with the sign get a lower result (a clinician's review found saddle numbness made to need a pain of 5
 * passing rules:check, sign-off and the release build as a warning among word counts).
 */
function withAcceptance(rules: Rules, finding: Finding): Finding {
  const [list, index] = finding.path;
  if (finding.severity !== 'warning' || list !== 'redFlags' || typeof index !== 'number') return finding;
  const flag = rules.redFlags[index];
  const accepted = flag?.accepted?.find((a) => a.check === finding.check);
  if (accepted && flag) return { ...finding, severity: 'info', message: `${finding.message} (accepted: ${accepted.reason})`, acceptedFor: flag.id };
  return finding.check === 'red-flag dominance'
    ? {
        ...finding,
        severity: 'error',
        message: `${finding.message}. Change the rule so its own answers fire it, or, after clinical review, add to the red flag: accepted: [{ check: red-flag dominance, reason: "why no one with the sign is missed" }]`,
      }
    : finding;
}
