// Scenario files from disk -> outcomes -> the report rules:test prints. Each failure shows where the scenario is,
// what was expected against what came out, and the rules that fired, so a clinician can see why.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describeTrace } from '../engine/trace-words.ts';
import { loadRules, type RulesProblem } from '../rules/load.ts';
import type { Locate } from '../rules/positions.ts';
import { loadScenarioFile } from './load.ts';
import { runScenarioFile, scenarioReferenceProblems, type ScenarioOutcome } from './run.ts';
import { DEFAULT_RULES } from './schema.ts';

export interface ScenarioFileReport {
  file: string;
  rulesFile: string | null;
  /** Problems with the scenario file or its rules file: nothing was run. */
  problems: RulesProblem[];
  outcomes: (ScenarioOutcome & { line: number; column: number })[];
}

const shown = (path: string, cwd: string) => relative(cwd, path) || path;

export function testScenarioFile(path: string, cwd: string = process.cwd()): ScenarioFileReport {
  const absolute = resolve(cwd, path);
  const file = shown(absolute, cwd);
  const report = (problems: RulesProblem[], rulesFile: string | null = null): ScenarioFileReport => ({ file, rulesFile, problems, outcomes: [] });
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    return report([{ file, line: 1, column: 1, path: '', message: `cannot read: ${String(error)}` }]);
  }
  const loaded = loadScenarioFile(text, file);
  if (!loaded.ok) return report(loaded.problems);
  const rulesPath = resolve(dirname(absolute), loaded.file.rules ?? DEFAULT_RULES);
  const rulesFile = shown(rulesPath, cwd);
  let rulesText: string;
  try {
    rulesText = readFileSync(rulesPath, 'utf8');
  } catch {
    return report([{ file, ...loaded.locate(['rules']), path: 'rules', message: `cannot read the rules file ${rulesFile}` }], rulesFile);
  }
  const rules = loadRules(rulesText, rulesFile);
  if (!rules.ok) return report(rules.problems, rulesFile);
  const refs = scenarioReferenceProblems(rules.rules, loaded.file);
  if (refs.length > 0) {
    return report(refs.map((p) => ({ file, ...loaded.locate(p.path), path: p.path.join('.'), message: p.message })), rulesFile);
  }
  return { file, rulesFile, problems: [], outcomes: located(runScenarioFile(rules.rules, loaded.file), loaded.locate) };
}

function located(outcomes: ScenarioOutcome[], locate: Locate) {
  return outcomes.map((o) => ({ ...o, ...locate(['scenarios', o.index]) }));
}

export function formatScenarioReport(reports: readonly ScenarioFileReport[]): string {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  // A file that could not run is not one failure among hundreds of passes: it is said apart, with its scenarios
  // untested (a review saw "232 passed, 3 failed" for three files, about 550 scenarios, never run).
  const notRun: string[] = [];
  for (const r of reports) {
    if (r.problems.length > 0) {
      lines.push(`${r.file}: NOT RUN, ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} (none of its scenarios was tested):`);
      for (const p of r.problems) lines.push(`  ${p.file}:${p.line}:${p.column}  ${p.path || '(file)'}  ${p.message}`);
      notRun.push(r.file);
      continue;
    }
    lines.push(`${r.file} (rules: ${r.rulesFile})`);
    for (const o of r.outcomes) {
      if (o.passed) {
        passed += 1;
        lines.push(`  PASS  ${o.name}`);
        continue;
      }
      failed += 1;
      lines.push(`  FAIL  ${o.name}  (${r.file}:${o.line}:${o.column})`);
      for (const step of o.steps.filter((s) => s.failures.length > 0)) {
        lines.push(`        after ${step.label}:`);
        for (const f of step.failures) lines.push(`          ${f}`);
        lines.push(`          rules that fired: ${step.trace.length === 0 ? 'none' : describeTrace(step.trace, step.because).join('; ')}`);
      }
    }
  }
  const unrun = notRun.length === 0 ? '' : `, and ${notRun.length} file${notRun.length === 1 ? '' : 's'} NOT RUN (${notRun.join(', ')})`;
  lines.push(`${failed === 0 && notRun.length === 0 ? 'OK' : 'FAILED'}: ${passed} passed, ${failed} failed${unrun}`);
  return lines.join('\n');
}

export function reportsFailed(reports: readonly ScenarioFileReport[]): boolean {
  return reports.some((r) => r.problems.length > 0 || r.outcomes.some((o) => !o.passed));
}
