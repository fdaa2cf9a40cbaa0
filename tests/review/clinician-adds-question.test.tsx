// The "done when": a clinician adds a question with skip logic and an evidence rule to a copy of the rules,
// without touching src/, and sees it load, pass rules:check, be asked by the questionnaire, count in the result,
// appear on the review page and pass a scenario.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.ts';
import { checkRulesText } from '../../src/lint/check-file.ts';
import { loadRules } from '../../src/rules/load.ts';
import { RulesSections } from '../../src/review/RulesSections.tsx';
import { formatScenarioReport, testScenarioFile } from '../../src/scenarios/report.ts';
import { MAIN_RULES_FILE, ROOT } from '../helpers.ts';

const NEW_QUESTION = `  - id: warm_up
    section: training
    type: single
    showIf: { question: pain_onset, is: during_workout }
    text: { en: "Did you warm up before your heavy lifts?", es: "¿Calentaste antes de levantar peso pesado?" }
    options:
      - { id: "yes", label: { en: "Yes", es: "Sí" } }
      - { id: "no", label: { en: "No", es: "No" } }

`;
const NEW_EVIDENCE = `      - id: posture_no_warm_up
        when: { question: warm_up, is: "no" }
        weight: 2
        rationale: "Lifting heavy without a warm-up: stiff tissues and poorer control of the spine."

`;

function clinicianCopy(): { dir: string; text: string } {
  const original = readFileSync(MAIN_RULES_FILE, 'utf8');
  // A new question in the training section (after the training tick list, before the drinks section), on the
  // training screen, and a new evidence rule for posture.
  const text = original
    .replace('  - id: urine_colour\n', `${NEW_QUESTION}  - id: urine_colour\n`)
    .replace('questions: [training_signs]', 'questions: [training_signs, warm_up]')
    .replace('      - id: posture_form_broke_down\n', `${NEW_EVIDENCE}      - id: posture_form_broke_down\n`);
  expect(text).not.toBe(original);
  const dir = mkdtempSync(join(tmpdir(), 'backcheck-clinician-'));
  writeFileSync(join(dir, 'lower-back-after-workout.yaml'), text);
  copyFileSync(`${ROOT}rules/rules.schema.json`, join(dir, 'rules.schema.json'));
  return { dir, text };
}

describe('a clinician adds a question with skip logic and an evidence rule', () => {
  it('loads, passes rules:check, counts in the result, shows on the review page and passes a scenario', { timeout: 60_000 }, () => {
    const { dir, text } = clinicianCopy();

    const loaded = loadRules(text, 'copy.yaml');
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    const rules = loaded.rules;
    expect(rules.questions.map((q) => q.id)).toContain('warm_up');

    const check = checkRulesText(text, 'copy.yaml');
    expect(check.findings.filter((f) => f.severity === 'error')).toEqual([]);

    // The new supporting sign with the cause's key sign makes it more likely (key + supporting).
    const answers = { pain_onset: 'during_workout', warm_up: 'no', training_signs: ['back_rounded'] };
    const result = evaluate(rules, answers);
    expect(result.trace).toContainEqual(expect.objectContaining({ id: 'posture_no_warm_up', weight: 2 }));
    expect(result.causes.find((c) => c.id === 'posture')?.likelihood).toBe('likely');
    // Skip logic: without a heavy lift the answer does not count.
    expect(evaluate(rules, { ...answers, pain_onset: 'hours_after' }).trace.map((r) => r.id)).not.toContain('posture_no_warm_up');

    render(<RulesSections rules={rules} signoff={check.signoff ?? { state: 'unsigned', contentHash: '' }} />);
    const flow = screen.getByRole('list', { name: 'Question flow, in asking order' });
    const question = within(flow).getByText('Did you warm up before your heavy lifts?').closest('li') as HTMLElement;
    expect(question).toHaveTextContent(/Asked only when pain_onset is "During the workout"/);
    const posture = screen.getByRole('table', { name: /\(posture\)/ });
    expect(within(posture).getByRole('rowheader', { name: 'posture_no_warm_up' }).closest('tr')).toHaveTextContent('posture +2');

    // A scenario in the copy's own scenarios folder, run through the questionnaire: it must answer the new
    // question, because the questionnaire now asks it.
    mkdirSync(join(dir, 'scenarios'));
    const defaults = readFileSync(`${ROOT}rules/scenarios/causes.yaml`, 'utf8').split('\nscenarios:')[0] ?? '';
    const scenarioFile = join(dir, 'scenarios', 'warm-up.yaml');
    writeFileSync(
      scenarioFile,
      `${defaults}
scenarios:
  - name: "No warm-up, back rounded under the weight"
    answers: { pain_onset: during_workout, warm_up: "no", training_signs: [back_rounded] }
    expect: { urgency: self-care, likely: [posture] }
  - name: "Forgetting the new question fails"
    answers: { pain_onset: during_workout }
    expect: { urgency: self-care }
`,
    );
    const text2 = formatScenarioReport([testScenarioFile(scenarioFile, '/')]);
    expect(text2).toContain('PASS  No warm-up, back rounded under the weight');
    expect(text2).toContain('the questionnaire asked "warm_up", but the scenario has no answer for it');
  });
});
