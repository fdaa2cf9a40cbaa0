// The clinicians' scenarios as answer sets for the impact analysis: each scenario's answers (its file's defaults
// first), and the answers after each of its changes, with what the scenario expects of them. Follow-up scenarios
// (with `previous`) are left out: the impact analysis compares first checks, and rules:test runs those.
import type { ScenarioFile } from '../scenarios/schema.ts';
import type { ScenarioCase } from './impact.ts';

export function scenarioCases(file: ScenarioFile, source: string): ScenarioCase[] {
  const defaults = file.defaults?.answers ?? {};
  return file.scenarios.filter((s) => !s.previous).flatMap((s) => {
    let known = { ...defaults, ...s.answers };
    const cases: ScenarioCase[] = [{ name: s.name, source, answers: known, expect: s.expect }];
    s.changes?.forEach((c, i) => {
      known = { ...known, ...(c.answers ?? {}), ...c.change };
      const { dropped: _dropped, ...expect } = c.expect;
      cases.push({ name: `${s.name}, after change ${i + 1}`, source, answers: known, expect });
    });
    return cases;
  });
}
