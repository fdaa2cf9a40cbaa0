// One rules file, checked end to end: load (every schema problem with its line) and, when it loads, lint (every
// finding with its line) and the sign-off against the content. Pure apart from the timer, so the CLI only reads
// files and prints this, and the review page runs the very same function on a file the clinician opens.
import { signoffStatus } from '../rules/content-hash.ts';
import { loadRulesSource } from '../rules/load.ts';
import type { Severity } from './finding.ts';
import { lintRules } from './lint.ts';
import type { FileCheck, LocatedFinding } from './check-report.ts';
import { signoffFindings } from './signoff-check.ts';

export function checkRulesText(text: string, file: string): FileCheck {
  const started = performance.now();
  const loaded = loadRulesSource(text, file);
  if (!loaded.ok) return { file, problems: loaded.problems, findings: [], questions: 0, rules: 0, ms: performance.now() - started };
  const { rules, locate } = loaded;
  const signoff = signoffStatus(loaded.data, rules.meta.signoff);
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const findings = [...signoffFindings(signoff, file), ...lintRules(rules)]
    .map((f): LocatedFinding => ({ ...f, file, ...locate(f.path) }))
    .sort((a, b) => order[a.severity] - order[b.severity] || a.line - b.line);
  const ruleCount =
    rules.redFlags.length + rules.consultSigns.length + rules.scopeExits.length + rules.causes.reduce((n, c) => n + c.evidence.length, 0);
  return { file, problems: [], findings, questions: rules.questions.length, rules: ruleCount, ms: performance.now() - started, loaded: rules, signoff };
}

export { failed, fileHeadline, formatCheckReport, reportLines, type FileCheck, type LocatedFinding, type ReportLine } from './check-report.ts';
