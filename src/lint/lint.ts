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

/** A warning about a red flag that its `accepted` list answers becomes information, with the clinician's reason. */
function withAcceptance(rules: Rules, finding: Finding): Finding {
  const [list, index] = finding.path;
  if (finding.severity !== 'warning' || list !== 'redFlags' || typeof index !== 'number') return finding;
  const accepted = rules.redFlags[index]?.accepted?.find((a) => a.check === finding.check);
  return accepted ? { ...finding, severity: 'info', message: `${finding.message} (accepted: ${accepted.reason})` } : finding;
}
