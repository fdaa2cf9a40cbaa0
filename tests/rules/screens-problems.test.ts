// Screens are checked like the rest of the file: every question on exactly one screen, in asking order, no screen
// mixing sections, and grouped checks made only of yes / no / not-sure warning questions with a short label. Each
// problem at its line, every problem at once. And readable words: long text is a warning at its own line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRulesText } from '../../src/lint/check-file.ts';
import { formatProblem, loadRules } from '../../src/rules/load.ts';
import { ROOT } from '../helpers.ts';

const source = () => readFileSync(`${ROOT}tests/fixtures/mini-screens.yaml`, 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function problems(text: string) {
  const result = loadRules(text, 'rules/screens.yaml');
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('screens in a rules file', () => {
  it('the fixture with a grouped check and a shared screen loads', () => {
    expect(loadRules(source(), 'ok.yaml').ok).toBe(true);
  });

  it('lists every screen problem at once, each at its line', () => {
    const text = source()
      // age on no screen; lifts on two; a group with a question no red flag reads; a screen mixing sections.
      .replace('  - { id: about, questions: [age] }', '  - { id: about, questions: [lifts] }')
      .replace('questions: [rf_big, rf_small] }', 'questions: [rf_big, rf_small, late_flag] }');
    const found = problems(text);
    const lines = found.map(formatProblem);
    const at = (needle: string, message: RegExp) => {
      const line = lineOf(text, needle);
      expect(lines.filter((l) => l.startsWith(`rules/screens.yaml:${line}:`) && message.test(l)), `${message} at line ${line}\n${lines.join('\n')}`).toHaveLength(1);
    };
    at('  - id: age', /question "age" is on no screen/);
    at('id: lifting', /question "lifts" is already on screen "about"/);
    at('questions: [rf_big, rf_small, late_flag]', /mixes sections "flags" and "habits"/);
    at('questions: [rf_big, rf_small, late_flag]', /"late_flag" is in grouped check "signs", but only single-choice questions with the options "yes", "no" and one "not_sure"/);
  });

  it('refuses a grouped check over a question no red flag reads, or one without a short label', () => {
    const text = source()
      .replace("  - { id: small, when: { question: rf_small, is: 'yes' }, level: urgent, reason: { en: Small. }, rationale: test, source: test }\n", '')
      .replace('    short: { en: Small sign }\n', '');
    const messages = problems(text).map((p) => p.message);
    expect(messages).toContainEqual(expect.stringMatching(/"rf_small" is in grouped check "signs", but no red flag or consult sign uses it/));
    expect(messages).toContainEqual(expect.stringMatching(/"rf_small" is in grouped check "signs" and needs a "short" label/));
  });

  it('refuses a screen out of asking order, a question shown by one on its own screen, a group of more than 5, and a facts group of more than 6 or with a self-check', () => {
    const text = source()
      .replace('  - { id: about, questions: [age] }\n  - { id: lifting, title: { en: Lifting }, questions: [lifts] }', '  - { id: lifting, title: { en: Lifting }, questions: [lifts] }\n  - { id: about, questions: [age] }')
      .replace('questions: [lift_kind, pain, late_flag]', 'questions: [lift_kind, pain, late_flag]');
    expect(problems(text).map((p) => p.message)).toContainEqual(expect.stringMatching(/question "age" comes before "lifts" in questions, but after it on the screens/));
    const sameScreen = source()
      .replace("  - { id: lifting, title: { en: Lifting }, questions: [lifts] }\n", '')
      .replace('questions: [lift_kind, pain, late_flag]', 'questions: [lifts, lift_kind, pain, late_flag]');
    expect(problems(sameScreen).map((p) => p.message)).toContainEqual(expect.stringMatching(/"lift_kind" is shown only depending on "lifts", which is on the same screen/));
    const six = source().replace('questions: [rf_big, rf_small] }', 'questions: [rf_big, rf_small, rf_big, rf_small, rf_big, rf_small] }');
    expect(problems(six).map((p) => p.message)).toContainEqual(expect.stringMatching(/lists 6 questions; at most 5/));
    const facts = (list: string) => source().replace('questions: [rf_big, rf_small] }', `facts: true, questions: [${list}] }`);
    expect(problems(facts('rf_big, rf_small, rf_big, rf_small, rf_big, rf_small')).map((p) => p.message)).not.toContainEqual(expect.stringMatching(/at most/));
    expect(problems(facts('rf_big, rf_small, rf_big, rf_small, rf_big, rf_small, rf_big')).map((p) => p.message)).toContainEqual(expect.stringMatching(/grouped check of history facts "\w+" lists 7 questions; at most 6/));
    expect(problems(facts('rf_big, rf_small')).map((p) => p.message)).toContainEqual(expect.stringMatching(/"rf_big" has a self-check \("check"\), so it is a sign, not a history fact/));
  });

  it('rules:check warns about long words per language, at their line', () => {
    const long = 'Is this a very long question that goes on and on with many words so that nobody reads it at a glance?';
    const text = source().replace('    text: { en: Small warning sign? }', `    text: { en: "${long}" }`);
    const check = checkRulesText(text, 'long.yaml');
    const finding = check.findings.find((f) => f.check === 'readability');
    expect(finding).toMatchObject({ severity: 'warning', line: lineOf(text, long), path: ['questions', 1, 'text', 'en'] });
    expect(finding?.message).toMatch(/question "rf_small" has 22 words in "en"; keep it to about 20/);
  });

  it('rules:check warns about a result\'s top card too long to read in ten seconds, at its action', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const text = source().replace('action: { en: Rest. }', `action: { en: "${long}" }`);
    const finding = checkRulesText(text, 'card.yaml').findings.find((f) => f.check === 'readability');
    expect(finding).toMatchObject({ severity: 'warning', line: lineOf(text, long), path: ['results', 'urgency', 'self-care', 'action', 'en'] });
    expect(finding?.message).toMatch(/the self-care result's top card .* has 6\d words in "en"; keep it to about 55/);
  });
});
