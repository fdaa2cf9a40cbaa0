// rules:test as a clinician uses it: a failing scenario says what was expected, what came out and which rules
// fired; a mistyped scenario is refused with its line instead of passing without testing anything.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScenarioReport, testScenarioFile } from '../../src/scenarios/report.ts';
import { ROOT } from '../helpers.ts';

/** A rules folder in a temp dir: the mini rules and one scenario file. */
function workspace(scenarios: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'backcheck-scenarios-'));
  mkdirSync(join(dir, 'scenarios'));
  copyFileSync(`${ROOT}tests/fixtures/mini-rules.yaml`, join(dir, 'mini.yaml'));
  const file = join(dir, 'scenarios', 'mini.yaml');
  writeFileSync(file, scenarios);
  return { dir, file };
}

const HEADER = `rules: ../mini.yaml
defaults:
  answers: { rf_big: "no", rf_small: "no", age: adult, lifts: "yes", lift_kind: [squat], pain: 2, late_flag: "no" }
scenarios:
`;

describe('rules:test', () => {
  it('prints, per failure, the expected against the actual result and the rules that fired', () => {
    const { file } = workspace(`${HEADER}  - name: Deadlifts point to posture
    answers: { lift_kind: [deadlift] }
    expect: { urgency: self-care, likely: [posture] }
  - name: Wrongly expects self-care with severe pain
    answers: { lift_kind: [deadlift], pain: 8 }
    expect: { urgency: self-care, likely: [], consultSigns: [] }
`);
    const report = testScenarioFile(file, '/');
    const text = formatScenarioReport([report]);
    expect(text).toContain('PASS  Deadlifts point to posture');
    expect(text).toMatch(/FAIL {2}Wrongly expects self-care with severe pain {2}\(.*mini\.yaml:8:5\)/);
    expect(text).toContain('urgency: expected self-care, got consult');
    expect(text).toContain('likely causes: expected none, got [posture]');
    expect(text).toContain('consult signs: expected none, got [bad_pain]');
    // Each rule with the answers that made it fire.
    expect(text).toContain('rules that fired: Consult sign bad_pain (because How bad?: 8); Evidence deadlifts: posture +3');
    expect(text).toMatch(/FAILED: 1 passed, 1 failed$/);
  });

  it('runs answer changes through the questionnaire and checks which answers were dropped', () => {
    const { file } = workspace(`${HEADER}  - name: Stops lifting
    answers: { lift_kind: [deadlift] }
    expect: { urgency: self-care, likely: [posture] }
    changes:
      - change: { lifts: "no" }
        expect: { urgency: self-care, likely: [], dropped: [lift_kind] }
      - change: { lifts: "yes" }
        answers: { lift_kind: [squat] }
        expect: { urgency: self-care, possible: [posture], dropped: [] }
  - name: Expects the wrong answers dropped
    answers: {}
    expect: { urgency: self-care }
    changes:
      - change: { lifts: "no" }
        expect: { urgency: self-care, dropped: [pain] }
`);
    const text = formatScenarioReport([testScenarioFile(file, '/')]);
    expect(text).toContain('PASS  Stops lifting');
    expect(text).toContain('after change 1 (lifts -> no):');
    expect(text).toContain('dropped answers: expected [pain], got [lift_kind]');
  });

  it('refuses a scenario file with unknown ids or bad answers, at their lines', () => {
    const { file } = workspace(`${HEADER}  - name: Typos
    answers: { lift_knd: [deadlift], age: grown_up }
    expect: { urgency: self-care, notLikely: [postur], redFlags: [bigg] }
    extra: true
`);
    const report = testScenarioFile(file, '/');
    const lines = report.problems.map((p) => `${p.line} ${p.path} ${p.message}`);
    expect(lines).toContainEqual(expect.stringMatching(/^8 scenarios\.0\.extra unknown field: extra/));
    // The schema problem is reported first; fix it and the id problems show.
    const fixed = workspace(`${HEADER}  - name: Typos
    answers: { lift_knd: [deadlift], age: grown_up }
    expect: { urgency: self-care, notLikely: [postur], redFlags: [bigg] }
`);
    const again = testScenarioFile(fixed.file, '/').problems.map((p) => `${p.line} ${p.path} ${p.message}`);
    expect(again).toContainEqual(expect.stringMatching(/^6 scenarios\.0\.answers\.lift_knd "lift_knd" is not a question in mini \(did you mean "lift_kind"\?\)/));
    expect(again).toContainEqual(expect.stringMatching(/^6 scenarios\.0\.answers\.age "grown_up" is not an option of "age"/));
    expect(again).toContainEqual(expect.stringMatching(/^7 scenarios\.0\.expect\.notLikely\.0 unknown cause "postur"/));
    expect(again).toContainEqual(expect.stringMatching(/^7 scenarios\.0\.expect\.redFlags\.0 unknown red flag "bigg"/));
    const notRun = formatScenarioReport([testScenarioFile(fixed.file, '/')]);
    expect(notRun).toMatch(/NOT RUN, 4 problems \(none of its scenarios was tested\)/);
    // Said apart in the total, not counted as one failure among the passes.
    expect(notRun).toMatch(/FAILED: 0 passed, 0 failed, and 1 file NOT RUN \(.*mini\.yaml\)$/);
  });

  it('exits non-zero from the command line when a scenario fails', { timeout: 30_000 }, () => {
    const { file } = workspace(`${HEADER}  - name: Wrong urgency
    answers: { rf_small: "yes" }
    expect: { urgency: self-care }
`);
    const run = spawnSync('npx', ['tsx', 'src/cli/rules-test.ts', file], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('urgency: expected self-care, got urgent');
    expect(run.stdout).toContain('rules that fired: Red flag small');
  });
});
