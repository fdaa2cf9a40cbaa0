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

  it('names a changed short label, "does not count" text or self-check of a question, and an option\'s "does not count"', () => {
    const before = editedRules((d) => {
      const q = d.questions.find((x) => x.id === 'lift_kind') as { short?: unknown; exclude?: unknown; check?: unknown; options: { exclude?: unknown }[] };
      q.short = { en: 'What you lifted' };
      q.exclude = { en: 'A warm-up set does not count.' };
      q.check = { en: 'Look at your log.' };
    });
    const after = editedRules((d) => {
      const q = d.questions.find((x) => x.id === 'lift_kind') as { id: string; short?: unknown; exclude?: unknown; check?: unknown; options: { id: string; exclude?: unknown }[] };
      q.short = { en: 'Main lift' };
      q.exclude = { en: 'Warm-ups do not count.' };
      q.check = { en: 'Look at your training log.' };
      const option = q.options[0] as { id: string; exclude?: unknown };
      option.exclude = { en: 'Not a light one.' };
    });
    const option = (after.questions.find((x) => x.id === 'lift_kind') as { options: { id: string }[] }).options[0]?.id;
    expect(diffRules(before, after)).toEqual(
      expect.arrayContaining([
        'question "lift_kind" short label changed from "What you lifted" to "Main lift"',
        'question "lift_kind" "does not count" changed from "A warm-up set does not count." to "Warm-ups do not count."',
        'question "lift_kind" self-check changed from "Look at your log." to "Look at your training log."',
        `question "lift_kind": option "${option}" "does not count" changed from (none) to "Not a light one."`,
      ]),
    );
  });

  it('names advice added, removed or reworded: words a person reads on the result, which a clinician reviews', () => {
    const tip = { id: 'tip', when: { question: 'pain', atLeast: 5 }, upTo: 'consult', text: { en: 'Rest a day.' }, rationale: 'Why.' };
    const before = editedRules((d) => {
      d.advice = [tip, { id: 'old_tip', when: { question: 'lifts', is: 'yes' }, text: { en: 'Warm up.' }, rationale: 'Why.' }];
    });
    const after = editedRules((d) => {
      d.advice = [{ ...tip, upTo: 'urgent', text: { en: 'Rest two days.' } }, { id: 'new_tip', when: { question: 'lifts', is: 'yes' }, upTo: 'consult', text: { en: 'Lift lighter.' }, rationale: 'Why.' }];
    });
    expect(diffRules(before, after)).toEqual([
      'advice "tip" shown up to consult -> urgent',
      'advice "tip" text changed from "Rest a day." to "Rest two days."',
      'advice "old_tip" removed',
      'advice "new_tip" added (shown up to consult): when lifts is "Yes": "Lift lighter."',
    ]);
  });

  it('names changes to the result page: the top card, the safety net tiers, the caution, the emergency numbers', () => {
    const after = editedRules((d) => {
      const results = d.results as Record<string, unknown> & { urgency: Record<string, Record<string, unknown>> };
      results.urgency['self-care']!.callIf = { en: 'Call {number} if a warning sign appears.' };
      results.safetyNetToday = { title: { en: 'See a doctor today if' }, items: [{ en: 'A fever.' }] };
      results.emergencyNumbers = { default: '112', regions: { GB: '999' } };
    });
    expect(diffRules(miniRules(), after)).toEqual([
      'self-care result callIf changed from (none) to "Call {number} if a warning sign appears."',
      'result list "safetyNetToday" added',
      'emergency numbers changed: default (none) -> 112, GB (none) -> 999',
    ]);
  });

  it('prints the changes from the command line', { timeout: 30_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'backcheck-diff-'));
    const data = miniData();
    writeFileSync(join(dir, 'old.yaml'), stringify(data));
    data.redFlags[1] = { ...data.redFlags[1], level: 'emergency' };
    writeFileSync(join(dir, 'new.yaml'), stringify(data));
    const run = spawnSync('npx', ['tsx', 'src/cli/rules-diff.ts', join(dir, 'old.yaml'), join(dir, 'new.yaml')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    // The mini rules keep their version: changed content under the same number is said before the changes.
    expect(run.stdout).toMatch(/1 change\n {2}Note: both files say version 0\.0\.1; give the new one its own \(meta\.version\) before it ships\.\n {2}- red flag "big_unsure" level changed from urgent to emergency/);
  });

  it('with --impact prints what the change does to people, a lowered urgency first and marked, reproducibly', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'backcheck-impact-'));
    const data = miniData();
    writeFileSync(join(dir, 'old.yaml'), stringify(data));
    data.redFlags.splice(0, 1); // "big" (emergency) removed: numbness no longer ends the check
    data.consultSigns.push({ id: 'any_pain', when: { question: 'pain', atLeast: 2 }, level: 'consult', reason: { en: 'Pain.' }, rationale: 'test' });
    writeFileSync(join(dir, 'new.yaml'), stringify(data));
    const run = () =>
      spawnSync('npx', ['tsx', 'src/cli/rules-diff.ts', join(dir, 'old.yaml'), join(dir, 'new.yaml'), '--impact', '--sets', '5000', '--scenarios', join(dir, 'none')], { cwd: ROOT, encoding: 'utf8' });
    const first = run();
    expect(first.status, first.stderr).toBe(1);
    expect(first.stderr).toContain('Cannot read the scenario folder');
    const scenarios = join(ROOT, 'tests/fixtures/governance/scenarios');
    const go = () =>
      spawnSync('npx', ['tsx', 'src/cli/rules-diff.ts', join(dir, 'old.yaml'), join(dir, 'new.yaml'), '--impact', '--sets', '5000', '--scenarios', scenarios], { cwd: ROOT, encoding: 'utf8' });
    const a = go();
    expect(a.status, a.stderr).toBe(0);
    const out = a.stdout;
    expect(out).toContain('red flag "big" removed (was emergency)');
    expect(out).toContain('Both versions were run on 5,000 generated answer sets');
    // Lowered urgency before anything else about the impact, with the marked kind and a minimal example.
    const mark = out.indexOf('⚠ LOWERS URGENCY for');
    expect(mark).toBeGreaterThan(-1);
    expect(mark).toBeLessThan(out.indexOf('Urgency before (rows) and after (columns)'));
    expect(out).toMatch(/⚠ LOWERS URGENCY: urgency lowered: emergency -> [a-z-]+: .*\n\s+e\.g\. rf_big = "Yes" \(every other answer: the most common one\)/);
    expect(out).toMatch(/urgency raised: self-care -> consult/);
    expect(out).toContain('⚠ LOWERS URGENCY: "Big warning sign" (tests/fixtures/governance/scenarios/mini-scenarios.yaml): emergency (big) -> self-care');
    expect(out).toContain('its expectation now fails: urgency: expected emergency, got self-care');
    // The same seed, the same report (but for the time it took).
    const strip = (s: string) => s.replace(/in \d+\.\d s/g, '');
    expect(strip(go().stdout)).toBe(strip(out));
  });
});
