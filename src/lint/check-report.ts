// A rules file's check results and how rules:check prints them. Kept apart from the checking itself (check-file.ts)
// so the review page can show results without loading the linter, the YAML parser or zod into the page: the worker
// checks, the page only formats.
import type { SignoffStatus } from '../rules/content-hash.ts';
import type { RulesProblem } from '../rules/load.ts';
import type { Rules } from '../rules/schema.ts';
import type { Check, Finding, Severity } from './finding.ts';

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
  /** The loaded rules (when the file loads), for tools that go on to show or compare them. */
  loaded?: Rules;
  /** Whether a clinician's sign-off matches the content (when the file loads). */
  signoff?: SignoffStatus;
}

export function failed(check: FileCheck): boolean {
  return check.problems.length > 0 || check.findings.some((f) => f.severity === 'error');
}

const LABEL: Record<Severity, string> = { error: 'error  ', warning: 'warning', info: 'info   ' };

/** One problem as rules:check prints it, and its parts, so the review page shows exactly the same findings. */
export interface ReportLine {
  severity: Severity;
  /** `file:line:column` */
  location: string;
  /** Dotted field path, or `(file)`. */
  field: string;
  /** The linter check that found it; none for a problem that stops the file from loading. */
  check: Check | null;
  message: string;
  /** The whole line: `file:line:column  field  severity [check] message`. */
  text: string;
}

/** Every problem of one file, loading problems first (then nothing else is checked), infos only when verbose. */
export function reportLines(check: FileCheck, options: { verbose?: boolean } = {}): ReportLine[] {
  if (check.problems.length > 0) {
    return check.problems.map((p) => line('error', `${p.file}:${p.line}:${p.column}`, p.path || '(file)', null, p.message));
  }
  return check.findings
    .filter((f) => options.verbose || f.severity !== 'info')
    .map((f) => line(f.severity, `${f.file}:${f.line}:${f.column}`, f.path.join('.') || '(file)', f.check, f.message));
}

function line(severity: Severity, location: string, field: string, check: Check | null, message: string): ReportLine {
  const text = `${location}  ${field}  ${check ? `${LABEL[severity]} [${check}]` : LABEL[severity]} ${message}`;
  return { severity, location, field, check, message, text };
}

/** The one-line heading of a file's report: what loaded and how long it took, or that it does not load. */
export function fileHeadline(c: FileCheck, shown: number): string {
  if (c.problems.length > 0) {
    return `${c.file}: does not load, ${c.problems.length} problem${c.problems.length === 1 ? '' : 's'} (fix these first; the safety checks run once it loads):`;
  }
  return `${c.file}: ${c.questions} questions, ${c.rules} rules, checked in ${Math.round(c.ms)} ms${shown === 0 ? ': no problems' : ''}`;
}

/** The readable report: one line per problem as `file:line:column  path  severity [check] message`, then totals. */
export function formatCheckReport(checks: readonly FileCheck[], options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const c of checks) {
    const shown = reportLines(c, options);
    lines.push(fileHeadline(c, shown.length));
    for (const l of shown) lines.push(`  ${l.text}`);
    // Exceptions a clinician accepted are not problems, but never invisible: each is named, with how to read why.
    const accepted = [...new Set(c.findings.flatMap((f) => (f.acceptedFor && f.severity === 'info' ? [`${f.acceptedFor} (${f.check})`] : [])))];
    if (accepted.length > 0 && !options.verbose) {
      lines.push(`  accepted by a clinician, not counted as problems: ${accepted.join(', ')}; rules:check --verbose gives each reason`);
    }
    errors += c.problems.length + c.findings.filter((f) => f.severity === 'error').length;
    warnings += c.findings.filter((f) => f.severity === 'warning').length;
  }
  const total = checks.reduce((ms, c) => ms + c.ms, 0);
  lines.push(
    `${errors === 0 ? 'OK' : 'FAILED'}: ${checks.length} file${checks.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${Math.round(total)} ms`,
  );
  return lines.join('\n');
}
