// `npm run rules:check` from a clinician's point of view: an unsafe edit is rejected with its line and a non-zero
// exit; a file that does not load lists every problem; the report states its running time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRulesText, formatCheckReport } from '../../src/lint/check-file.ts';
import { ROOT } from '../helpers.ts';

const mini = () => readFileSync(`${ROOT}tests/fixtures/mini-rules.yaml`, 'utf8');
/** The command as a clinician runs it: `npm run rules:check -- [file]`. */
const rulesCheck = (...files: string[]) =>
  spawnSync('npm', ['run', '--silent', 'rules:check', '--', ...files], { cwd: ROOT, encoding: 'utf8' });
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('rules:check', () => {
  it('rejects a red flag that an answer in another section could switch off, at its line, with exit code 1', { timeout: 30_000 }, () => {
    const text = mini().replace(
      "{ id: small, when: { question: rf_small, is: 'yes' }",
      "{ id: small, when: { all: [{ question: rf_small, is: 'yes' }, { not: { question: lifts, is: 'yes' } }] }",
    );
    const file = join(mkdtempSync(join(tmpdir(), 'backcheck-check-')), 'downgrade.yaml');
    writeFileSync(file, text);
    const run = rulesCheck(file);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`downgrade.yaml:${lineOf(text, '{ id: small,')}:`);
    expect(run.stdout).toMatch(/redFlags\.2\.when {2}error {3}\[red-flag dominance\] red flag "small" has a "not" over "lifts"/);
    expect(run.stdout).toMatch(/FAILED: 1 file, \d+ errors?, \d+ warnings? in \d+ ms/);
  });

  it('passes the shipped rules with exit code 0 and says how long it took', { timeout: 30_000 }, () => {
    const run = rulesCheck();
    expect(run.stdout).toMatch(/rules\/lower-back-after-workout\.yaml: \d+ questions, \d+ rules, checked in \d+ ms/);
    expect(run.stdout).toMatch(/^OK: 1 file, 0 errors/m);
    expect(run.status).toBe(0);
  });

  it('lists every loading problem of a broken file before any analysis', () => {
    const text = mini().replace('    type: scale', '    type: slider').replace('rf_small, is:', 'rf_smal, is:');
    const report = formatCheckReport([checkRulesText(text, 'broken.yaml')]);
    expect(report).toContain('broken.yaml: does not load, 2 problems');
    expect(report).toContain(`broken.yaml:${lineOf(text, 'type: slider')}:5  questions.5.type  error`);
    expect(report).toMatch(/redFlags\.2\.when\.question {2}error {3}unknown question "rf_smal"/);
  });
});
