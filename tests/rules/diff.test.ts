// rules:diff: what changed between two versions of a rules file, in words a reviewing clinician can check.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diffRules } from '../../src/lint/diff.ts';
import { ROOT, miniRules } from '../helpers.ts';
import { editedRules, miniData } from '../lint/edit-rules.ts';

describe('rules:diff', () => {
  it('says nothing changed for the same file', () => {
    expect(diffRules(miniRules(), miniRules())).toEqual([]);
  });

  it('lists questions, options, skip logic, rules, levels, conditions, weights and texts that changed', () => {
    const after = editedRules((d) => {
      d.meta.version = '0.0.2';
      d.questions.push({ id: 'sleep', section: 'habits', type: 'single', showIf: { question: 'lifts', is: 'yes' }, text: { en: 'Do you sleep well?' }, options: [{ id: 'yes', label: { en: 'Yes' } }, { id: 'no', label: { en: 'No' } }] });
      const liftKind = d.questions.find((q) => q.id === 'lift_kind') as { options: unknown[]; showIf?: unknown };
      liftKind.options.splice(1, 1);
      liftKind.showIf = { question: 'age', is: 'adult' };
      d.redFlags[2] = { ...d.redFlags[2], level: 'emergency' };
      d.redFlags.splice(3, 1);
      d.consultSigns[0] = { ...d.consultSigns[0], when: { question: 'pain', atLeast: 6 } };
      const evidence = d.causes[0]?.evidence[0];
      if (evidence) evidence.weight = 4;
      d.causes[0]?.evidence.splice(1, 1); // it named the removed option
      d.results = { ...(d.results as object), disclaimer: { en: 'This is not a diagnosis.' } };
    });
    const lines = diffRules(miniRules(), after);
    expect(lines).toEqual(
      expect.arrayContaining([
        'meta.version changed from "0.0.1" to "0.0.2"',
        'question "sleep" added in section "habits": "Do you sleep well?", asked only when lifts is "Yes"',
        'question "lift_kind": option "squat" removed',
        'question "lift_kind" skip logic changed: asked only when lifts is "Yes" -> only when age is "16 or over"',
        'red flag "small" level changed from urgent to emergency',
        'red flag "late" removed (was emergency)',
        'consult sign "bad_pain" condition changed from "pain is 7 or more" to "pain is 6 or more"',
        'cause "posture": evidence "deadlifts" weight changed from 3 to 4',
        'cause "posture": evidence "squats" removed (was weight 1)',
        'disclaimer changed from "Not a diagnosis." to "This is not a diagnosis."',
      ]),
    );
  });

  it('prints the changes from the command line', { timeout: 30_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'backcheck-diff-'));
    const data = miniData();
    writeFileSync(join(dir, 'old.yaml'), stringify(data));
    data.redFlags[1] = { ...data.redFlags[1], level: 'emergency' };
    writeFileSync(join(dir, 'new.yaml'), stringify(data));
    const run = spawnSync('npx', ['tsx', 'src/cli/rules-diff.ts', join(dir, 'old.yaml'), join(dir, 'new.yaml')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/1 change\n {2}- red flag "big_unsure" level changed from urgent to emergency/);
  });
});
