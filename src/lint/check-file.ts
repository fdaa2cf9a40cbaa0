// One rules file, checked end to end: load (every schema problem with its line) and, when it loads, lint (every
// finding with its line). Pure apart from the timer, so the CLI only reads files and prints this.
import { loadRulesSource, type RulesProblem } from '../rules/load.ts';
import type { Finding, Severity } from './finding.ts';
import { lintRules } from './lint.ts';

export interface LocatedFinding extends Finding {
  file: string;
  line: number;
  column: number;
}

export interface FileCheck {
  file: string;
  /** Problems that stop the file from loading at all (then there are no findings). */
  problems: RulesProblem[];
  findings: LocatedFinding[];
  questions: number;
  rules: number;
  ms: number;
}

export function checkRulesText(text: string, file: string): FileCheck {
  const started = performance.now();
  const loaded = loadRulesSource(text, file);
  if (!loaded.ok) return { file, problems: loaded.problems, findings: [], questions: 0, rules: 0, ms: performance.now() - started };
  const { rules, locate } = loaded;
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const findings = lintRules(rules)
    .map((f): LocatedFinding => ({ ...f, file, ...locate(f.path) }))
    .sort((a, b) => order[a.severity] - order[b.severity] || a.line - b.line);
  const ruleCount =
    rules.redFlags.length + rules.consultSigns.length + rules.scopeExits.length + rules.causes.reduce((n, c) => n + c.evidence.length, 0);
  return { file, problems: [], findings, questions: rules.questions.length, rules: ruleCount, ms: performance.now() - started };
}

export function failed(check: FileCheck): boolean {
  return check.problems.length > 0 || check.findings.some((f) => f.severity === 'error');
}

const LABEL: Record<Severity, string> = { error: 'error  ', warning: 'warning', info: 'info   ' };

/** The readable report: one line per problem as `file:line:column  path  severity [check] message`, then totals. */
export function formatCheckReport(checks: readonly FileCheck[], options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const c of checks) {
    if (c.problems.length > 0) {
      lines.push(`${c.file}: does not load, ${c.problems.length} problem${c.problems.length === 1 ? '' : 's'} (fix these first; the safety checks run once it loads):`);
      for (const p of c.problems) lines.push(`  ${p.file}:${p.line}:${p.column}  ${p.path || '(file)'}  error   ${p.message}`);
      errors += c.problems.length;
      continue;
    }
    const shown = c.findings.filter((f) => options.verbose || f.severity !== 'info');
    errors += c.findings.filter((f) => f.severity === 'error').length;
    warnings += c.findings.filter((f) => f.severity === 'warning').length;
    lines.push(`${c.file}: ${c.questions} questions, ${c.rules} rules, checked in ${Math.round(c.ms)} ms${shown.length === 0 ? ': no problems' : ''}`);
    for (const f of shown) {
      lines.push(`  ${f.file}:${f.line}:${f.column}  ${f.path.join('.') || '(file)'}  ${LABEL[f.severity]} [${f.check}] ${f.message}`);
    }
  }
  const total = checks.reduce((ms, c) => ms + c.ms, 0);
  lines.push(
    `${errors === 0 ? 'OK' : 'FAILED'}: ${checks.length} file${checks.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${Math.round(total)} ms`,
  );
  return lines.join('\n');
}
