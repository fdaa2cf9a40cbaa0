// A clinician breaks the rules file in several places at once and gets every problem, each at its line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadRules } from '../../src/rules/load.ts';
import { MAIN_RULES_FILE, ROOT } from '../helpers.ts';

const mini = () => readFileSync(`${ROOT}tests/fixtures/mini-rules.yaml`, 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function problems(text: string) {
  const result = loadRules(text, 'rules/broken.yaml');
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('loading a broken rules file', () => {
  it('lists every problem at once, each with its line, field path and message', () => {
    const text = mini()
      .replace('  version: 0.0.1', '  verison: 0.0.1') // typo: extra field and missing field
      .replace('    type: scale', '    type: slider') // wrong value
      .replace("{ id: big, when: { question: rf_big, is: 'yes' }", "{ id: big, when: { question: rf_bigg, is: 'yes' }") // unknown question
      .replace("{ id: deadlifts, when: { question: lift_kind, is: deadlift }, weight: 3 }", "{ id: deadlifts, when: { question: lift_kind, is: deadlifts }, weight: three }") // unknown option + wrong type
      .replace('{ id: small, when:', '{ id: big_unsure, when:'); // duplicate rule id
    const found = problems(text);
    const lines = found.map(formatProblem);
    const expectAt = (needle: string, path: string, message: RegExp) => {
      const line = lineOf(text, needle);
      expect(lines, `expected ${path} at line ${line}`).toContainEqual(expect.stringMatching(new RegExp(`^rules/broken\\.yaml:${line}:\\d+  ${path.replace(/\./g, '\\.')}  `)));
      expect(found.find((p) => p.path === path)?.message).toMatch(message);
    };
    expectAt('verison', 'meta.verison', /unknown field: verison/);
    expectAt('meta:', 'meta.version', /missing required field/);
    expectAt('type: slider', 'questions.5.type', /single|multi|scale/);
    expectAt('rf_bigg', 'redFlags.0.when.question', /unknown question "rf_bigg" \(did you mean "rf_big"\?\)/);
    expectAt('weight: three', 'causes.0.evidence.0.weight', /expected number, got "three"/);
    expectAt('is: deadlifts', 'causes.0.evidence.0.when.is', /question "lift_kind" has no option "deadlifts"/);
    expectAt('{ id: big_unsure, when: { question: rf_small', 'redFlags.2.id', /duplicate rule id "big_unsure"/);
    expect(found.length).toBeGreaterThanOrEqual(7);
  });

  it("says in plain words how to fix the YAML reader's commonest complaints: a tab, a stray indent", () => {
    const tab = problems(mini().replace('  version: 0.0.1', '\tversion: 0.0.1')).map((p) => p.message);
    expect(tab).toContainEqual(expect.stringMatching(/\(indent with spaces, not tabs\)/));
    const indent = problems(mini().replace('  version: 0.0.1', '     version: 0.0.1')).map((p) => p.message);
    expect(indent.some((m) => /check the indentation/.test(m))).toBe(true);
  });

  it('reports one slip once, not each line the reader then stumbles on, and two slips far apart each', () => {
    const main = readFileSync(MAIN_RULES_FILE, 'utf8');
    const at = main.indexOf('  - id: compartment\n') + '  - id: compartment\n'.length;
    const oneTab = problems(main.slice(0, at) + '\tbad: 1\n' + main.slice(at));
    expect(oneTab).toHaveLength(1);
    expect(oneTab[0]).toMatchObject({ line: lineOf(main, '  - id: compartment') + 1 });
    expect(oneTab[0]?.message).toMatch(/indent with spaces, not tabs\)\. The reader then stumbles \d+ more times up to line \d+, most likely because of this: fix it first and check again$/);

    const text = mini();
    const twoTabs = problems(text.replace('  version: 0.0.1', '\tversion: 0.0.1').replace('causes:\n', 'causes:\n\tx: 1\n'));
    expect(twoTabs.map((p) => p.line)).toEqual([lineOf(text, 'version: 0.0.1'), lineOf(text, 'causes:') + 1]);
  });

  it("checks the anti-inflammatory list's notWhen like any condition, at its line", () => {
    const main = readFileSync(MAIN_RULES_FILE, 'utf8');
    const text = main.replace('notWhen: { question: pregnancy,', 'notWhen: { question: pregnancyy,');
    expect(problems(text)).toContainEqual(
      expect.objectContaining({ line: lineOf(text, 'pregnancyy'), path: 'results.antiInflammatory.notWhen.question', message: 'unknown question "pregnancyy" (did you mean "pregnancy"?)' }),
    );
  });

  it('names where the first of two questions with the same id is', () => {
    const text = mini().replace('  - id: rf_small', '  - id: rf_big');
    expect(problems(text).map((p) => p.message)).toContainEqual(expect.stringMatching(/^duplicate question id "rf_big" \(the first is questions\.0\)$/));
  });

  it('refuses a colour sample that is not #rrggbb, at its line', () => {
    const text = mini().replace("{ id: child, label: { en: Under 16 } }", "{ id: child, label: { en: Under 16 }, swatch: yellow }");
    const found = problems(text);
    expect(found).toContainEqual(
      expect.objectContaining({ line: lineOf(text, 'swatch: yellow'), path: 'questions.2.options.0.swatch', message: expect.stringContaining('#rrggbb') }),
    );
  });

  it('reports a type error and an unknown question id in the same run', () => {
    const text = mini()
      .replace('    min: 0', '    min: zero')
      .replace('{ question: pain, atLeast: 7 }', '{ question: pian, atLeast: 7 }');
    const paths = problems(text).map((p) => `${p.path}: ${p.message}`);
    expect(paths).toContainEqual(expect.stringMatching(/^questions\.5\.min: expected number/));
    expect(paths).toContainEqual('consultSigns.0.when.question: unknown question "pian"');
  });

  it('reports a duplicate YAML key (which would silently win) together with other problems', () => {
    const text = mini().replace('  id: mini\n', '  id: mini\n  id: other\n').replace('  locales: [en]', '  locales: [en, fr]');
    const found = problems(text);
    expect(found).toContainEqual(expect.objectContaining({ line: lineOf(text, 'id: other'), message: expect.stringContaining('duplicate key "id"') }));
    expect(found).toContainEqual(expect.objectContaining({ path: 'meta.locales.1' }));
  });

  it('reports a YAML syntax error at its line', () => {
    const text = mini().replace('sections:\n', 'sections:\n  - { id: flags, title: { en: Warning signs }\n');
    const found = problems(text);
    expect(found[0]).toMatchObject({ file: 'rules/broken.yaml', line: expect.any(Number), path: '' });
    expect(found[0]?.line).toBeGreaterThanOrEqual(lineOf(text, 'sections:'));
  });

  /** Where the hydration cause sits in the shipped file's list of causes. */
  const hydrationCauseIndex = (text: string) => {
    const causes = text.slice(text.indexOf('\ncauses:\n'));
    return [...causes.matchAll(/^  - id: (\w+)$/gm)].findIndex((m) => m[1] === 'hydration');
  };

  it('reports a missing result text for an urgency and an unknown cause', () => {
    const original = readFileSync(MAIN_RULES_FILE, 'utf8');
    // The last "- id: hydration" is the cause (the first is its section); then cut the self-care texts.
    const at = original.lastIndexOf('  - id: hydration\n');
    const text = `${original.slice(0, at)}  - id: thirst\n${original.slice(at + '  - id: hydration\n'.length)}`.replace(/\n    self-care:\n[\s\S]*$/, '\n');
    const found = problems(text).map((p) => `${p.path}: ${p.message}`);
    const index = hydrationCauseIndex(original);
    expect(found).toContainEqual(expect.stringMatching(new RegExp(`^causes\\.${index}\\.id: must be one of: "posture", "overuse", "core", "hydration", "soreness"`)));
    expect(found).toContainEqual(expect.stringMatching(/^results\.urgency\.self-care: missing required field/));
  });
});
