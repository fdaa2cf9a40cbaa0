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

const NEW_QUESTION = `  - id: form_warm_up
    section: form
    type: single
    showIf: { question: lift_types, isAny: [deadlift, squat, bent_over_row] }
    text: { en: "Did you warm up before your heavy lifts?", es: "¿Calentaste antes de levantar peso pesado?" }
    options:
      - { id: "yes", label: { en: "Yes", es: "Sí" } }
      - { id: "no", label: { en: "No", es: "No" } }

`;
const NEW_EVIDENCE = `      - id: posture_no_warm_up
        when: { question: form_warm_up, is: "no" }
        weight: 2
        rationale: "Lifting heavy without a warm-up: stiff tissues and poorer control of the spine."

`;

function clinicianCopy(): { dir: string; text: string } {
  const original = readFileSync(MAIN_RULES_FILE, 'utf8');
  // A new question in the form section (after form_checked), on the screen about how the person moved, and a
  // new evidence rule for posture.
  const text = original
    .replace('  - id: form_rounded_back\n', `${NEW_QUESTION}  - id: form_rounded_back\n`)
    .replace('questions: [form_rounded_back, form_sudden_twist, form_breakdown]', 'questions: [form_warm_up, form_rounded_back, form_sudden_twist, form_breakdown]')
    .replace('      - id: posture_back_loading_lifts\n', `${NEW_EVIDENCE}      - id: posture_back_loading_lifts\n`);
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
    expect(rules.questions.map((q) => q.id)).toContain('form_warm_up');

    const check = checkRulesText(text, 'copy.yaml');
    expect(check.findings.filter((f) => f.severity === 'error')).toEqual([]);

    const answers = { lift_types: ['deadlift'], form_warm_up: 'no', form_rounded_back: 'yes' };
    const result = evaluate(rules, answers);
    expect(result.trace).toContainEqual(expect.objectContaining({ id: 'posture_no_warm_up', weight: 2 }));
    expect(result.causes.find((c) => c.id === 'posture')?.likelihood).toBe('likely');
    // Skip logic: without a heavy lift the answer does not count.
    expect(evaluate(rules, { ...answers, lift_types: ['running'] }).trace.map((r) => r.id)).not.toContain('posture_no_warm_up');

    render(<RulesSections rules={rules} signoff={check.signoff ?? { state: 'unsigned', contentHash: '' }} />);
    const flow = screen.getByRole('list', { name: 'Question flow, in asking order' });
    const question = within(flow).getByText('Did you warm up before your heavy lifts?').closest('li') as HTMLElement;
    expect(question).toHaveTextContent(/Asked only when lift_types includes "Deadlifts" or "Squats" or "Bent-over rows"/);
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
  - name: "No warm-up before deadlifts, with a rounded back"
    answers: { lift_types: [deadlift], form_warm_up: "no", form_rounded_back: "yes" }
    expect: { urgency: self-care, likely: [posture] }
  - name: "Forgetting the new question fails"
    answers: { lift_types: [deadlift] }
    expect: { urgency: self-care }
`,
    );
    const text2 = formatScenarioReport([testScenarioFile(scenarioFile, '/')]);
    expect(text2).toContain('PASS  No warm-up before deadlifts, with a rounded back');
    expect(text2).toContain('the questionnaire asked "form_warm_up", but the scenario has no answer for it');
  });
});
