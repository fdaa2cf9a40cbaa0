// The impact of a rules change: a change that lowers an urgency is always found and listed first (a property over
// generated rule edits, checked against every possible answer set of the small fixture), the report is
// reproducible from its seed, examples are minimal and shortest first, scenarios and new questions are reported.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/engine/answers.ts';
import { evaluate, urgencyRank } from '../../src/engine/evaluate.ts';
import { exampleChange } from '../../src/lint/generate.ts';
import { analyseImpact, type ImpactReport } from '../../src/lint/impact.ts';
import { scenarioCases } from '../../src/lint/impact-scenarios.ts';
import { formatImpact, LOWERS_MARK } from '../../src/lint/impact-words.ts';
import { answerModel, walkQuestionnaire } from '../../src/lint/population.ts';
import { loadRules } from '../../src/rules/load.ts';
import type { Question, Rules } from '../../src/rules/schema.ts';
import { loadScenarioFile } from '../../src/scenarios/load.ts';
import { loadRulesFile as loadRulesOrThrowFile, MAIN_RULES_FILE, mainRules, miniRules, ROOT } from '../helpers.ts';
import { miniData, type RulesData } from './edit-rules.ts';
import { lowerFirstUrgentFlag } from './rule-edits.ts';

// ---- Every answer set of a small rules file, to know for certain whether an edit lowers any urgency ----

function everyAnswer(q: Question): AnswerValue[] {
  if (q.type === 'scale') return Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
  if (q.type === 'single') return q.options.map((o) => o.id);
  const real = q.options.filter((o) => o.kind !== 'none').map((o) => o.id);
  const subsets = Array.from({ length: 2 ** real.length - 1 }, (_, mask) => real.filter((_, i) => (mask + 1) & (1 << i)));
  return [...subsets, ...q.options.filter((o) => o.kind === 'none').map((o) => [o.id])];
}

/** Whether some answer set gets a lower urgency with `after` than with `before` (same questions in both). */
function somethingLowers(before: Rules, after: Rules): boolean {
  let vectors: Record<string, AnswerValue>[] = [{}];
  for (const q of before.questions) vectors = vectors.flatMap((v) => everyAnswer(q).map((a) => ({ ...v, [q.id]: a })));
  return vectors.some((v) => {
    const x = evaluate(before, walkQuestionnaire(before, (q) => v[q.id] as AnswerValue));
    const y = evaluate(after, walkQuestionnaire(after, (q) => v[q.id] as AnswerValue));
    return urgencyRank(y.urgency) < urgencyRank(x.urgency);
  });
}

// ---- Rule edits a clinician could make, generated ----

type Edit = (data: RulesData) => void;
const rule = (list: Record<string, unknown>[], i: number) => list[i % Math.max(1, list.length)];

const edits: fc.Arbitrary<Edit>[] = [
  // Lower a red flag one level (urgent becomes a consult sign).
  fc.nat().map((i): Edit => (d) => {
    const r = rule(d.redFlags, i);
    if (!r) return;
    if (r.level === 'emergency') r.level = 'urgent';
    else {
      d.redFlags.splice(d.redFlags.indexOf(r), 1);
      d.consultSigns.push({ ...r, level: 'consult' });
    }
  }),
  // Remove a red flag, a consult sign or a scope exit.
  fc.tuple(fc.constantFrom('redFlags', 'consultSigns', 'scopeExits') as fc.Arbitrary<'redFlags' | 'consultSigns' | 'scopeExits'>, fc.nat()).map(
    ([list, i]): Edit => (d) => {
      if (d[list].length > (list === 'redFlags' ? 1 : 0)) d[list].splice(i % d[list].length, 1);
    },
  ),
  // Narrow a red flag to some people only.
  fc.tuple(fc.nat(), fc.constantFrom({ question: 'age', is: 'adult' }, { question: 'lifts', is: 'no' }, { question: 'pain', atLeast: 3 })).map(
    ([i, extra]): Edit => (d) => {
      const r = rule(d.redFlags, i);
      if (r) r.when = { all: [r.when, extra] };
    },
  ),
  // Ask a red-flag question only of some people (skip logic).
  fc.constantFrom({ question: 'lifts', is: 'no' }, { question: 'age', is: 'adult' }).map((showIf): Edit => (d) => {
    const late = d.questions.find((q) => q.id === 'late_flag');
    if (late) late.showIf = showIf;
  }),
  // Raise the threshold of the pain consult sign.
  fc.integer({ min: 1, max: 4 }).map((delta): Edit => (d) => {
    for (const r of d.consultSigns) if (r.id === 'bad_pain') r.when = { question: 'pain', atLeast: 7 + delta };
  }),
  // Changes that only raise or reshuffle: raise a level, add a consult sign, reweigh evidence.
  fc.nat().map((i): Edit => (d) => {
    const r = rule(d.redFlags, i);
    if (r) r.level = 'emergency';
  }),
  fc.integer({ min: 0, max: 10 }).map((at): Edit => (d) => {
    d.consultSigns.push({ id: `extra_${at}`, when: { question: 'pain', atLeast: at }, level: 'consult', reason: { en: 'Extra.' }, rationale: 'test' });
  }),
  fc.integer({ min: -3, max: 6 }).map((weight): Edit => (d) => {
    const e = d.causes[0]?.evidence[0];
    if (e) e.weight = weight;
  }),
];

function edited(list: Edit[]): Rules | null {
  const data = miniData();
  for (const edit of list) edit(data);
  (data.meta as Record<string, unknown>).version = '0.0.2';
  const loaded = loadRules(stringify(data), 'edited.yaml');
  return loaded.ok ? loaded.rules : null;
}

const withoutTiming = (r: ImpactReport) => ({ ...r, population: { ...r.population, ms: 0 } });

describe('the impact of a rules change', () => {
  it('a change that lowers an urgency is always found and listed first, marked; no other change is reported as one', { timeout: 120_000 }, () => {
    const before = miniRules();
    const seen = { lowering: 0, other: 0 };
    fc.assert(
      fc.property(fc.array(fc.oneof(...edits), { minLength: 1, maxLength: 3 }), (list) => {
        const after = edited(list);
        fc.pre(after !== null);
        if (!after) return;
        // A small population on purpose: rare answers are often not drawn, and must be found anyway.
        const report = analyseImpact(before, after, { sets: 150, seed: 5 });
        const lowers = somethingLowers(before, after);
        seen[lowers ? 'lowering' : 'other'] += 1;
        expect(report.changes.some((c) => c.lowersUrgency)).toBe(lowers);
        if (lowers) {
          expect(report.changes[0]?.lowersUrgency).toBe(true);
          expect(report.changes[0]?.examples.length).toBeGreaterThan(0);
          const text = formatImpact(report);
          expect(text.indexOf(LOWERS_MARK)).toBeGreaterThan(-1);
          expect(text.indexOf(LOWERS_MARK)).toBeLessThan(text.indexOf('Urgency before (rows)'));
        }
      }),
      { numRuns: 80, seed: 20261125 },
    );
    // The generated edits really test both sides.
    expect(seen.lowering).toBeGreaterThan(10);
    expect(seen.other).toBeGreaterThan(10);
  });

  it('lowering a red flag of the shipped rules: found, first, with minimal examples, shortest first', { timeout: 60_000 }, () => {
    const before = mainRules();
    const { data, flag } = lowerFirstUrgentFlag(readFileSync(MAIN_RULES_FILE, 'utf8'));
    const loaded = loadRules(stringify(data), 'lowered.yaml');
    if (!loaded.ok) throw new Error('the edit broke the file');
    const after = loaded.rules;
    const report = analyseImpact(before, after, { sets: 3000, seed: 9 });
    const first = report.changes[0];
    expect(first?.lowersUrgency).toBe(true);
    expect(first?.title).toBe('urgency lowered: urgent -> consult');
    expect(report.urgency.table[1]?.[2]).toBe(report.urgency.lowered);
    const lengths = first?.examples.map((e) => e.answers.length) ?? [];
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    // Minimal: put any one answer of the example back to the most common one, and the change is gone.
    const common = answerModel(before).common;
    const urgencies = (vector: Record<string, AnswerValue>) =>
      [before, after].map((r) => evaluate(r, walkQuestionnaire(r, (q) => vector[q.id] as AnswerValue)).urgency).join('>');
    for (const example of first?.examples ?? []) {
      const vector = { ...common, ...Object.fromEntries(example.answers.map((a) => [a.questionId, a.answer])) };
      expect(urgencies(vector)).toBe('urgent>consult');
      for (const a of example.answers) expect(urgencies({ ...vector, [a.questionId]: common[a.questionId] as AnswerValue })).not.toBe('urgent>consult');
    }
    expect(report.signs.find((s) => s.id === flag)).toMatchObject({ kindBefore: 'red flag (urgent)', kindAfter: 'consult sign' });
  });

  it('finds a lowering that needs an uncommon answer beside a doubt, with every other answer the usual one', { timeout: 60_000 }, () => {
    // Rules 2.6.0 no longer sends doubt about bladder changes the same day when a stinging pee alone explains it. Few
    // generated sets have both; the search of the rules must find it, and not as a set that ticks Yes to every other
    // warning sign (an unrelated emergency then hid the lowering: 2.6.0's first impact report said none was found).
    // 2.5.0 -> 2.6.0 as shipped (later versions change other things, such as 3.0.0's aorta question, which has no map here).
    const before = loadRulesOrThrowFile(`${ROOT}rules/history/lower-back-after-workout-2.5.0.yaml`);
    const after = loadRulesOrThrowFile(`${ROOT}rules/history/lower-back-after-workout-2.6.0.yaml`);
    const report = analyseImpact(before, after, { sets: 500, seed: 3 });
    const first = report.changes[0];
    expect(first?.lowersUrgency).toBe(true);
    expect(first?.title).toBe('urgency lowered: urgent -> consult');
    const example = Object.fromEntries((first?.examples[0]?.answers ?? []).map((a) => [a.questionId, a.answer]));
    // The kind of pee trouble is left at its most common answer, a stinging pee only, so the example does not list it.
    expect(example).toEqual({ rf_pelvic_nerves: 'not_sure', rf_kidney: 'yes' });
    expect(answerModel(before).common.rf_kidney_kind).toBe('burning_only');
  });

  it('finds a lowering that comes through an answer to a question only the new version asks', { timeout: 120_000 }, () => {
    // Rules 3.3.0 asks, after doubt about fainting, what the doubt is about; dizziness since stopping, alone, under
    // 35, is a consultation, no longer same-day. The generated sets answer the new question with its most common
    // answer (a blackout, still same-day), so only a search of the rules that answers the new question as freely as
    // an old one finds it: 3.3.0's first impact report, whose search fixed it at that answer, said nothing went down.
    const before = loadRulesOrThrowFile(`${ROOT}rules/history/lower-back-after-workout-3.2.0.yaml`);
    const after = loadRulesOrThrowFile(`${ROOT}rules/history/lower-back-after-workout-3.3.0.yaml`);
    expect(after.meta.version).toBe('3.3.0');
    const report = analyseImpact(before, after, { sets: 500, seed: 3 });
    const first = report.changes[0];
    expect(first?.lowersUrgency).toBe(true);
    expect(first?.searched).toBe(true);
    expect(first?.title).toBe('urgency lowered: urgent -> consult');
    const example = Object.fromEntries((first?.examples[0]?.answers ?? []).map((a) => [a.questionId, a.answer]));
    expect(example).toMatchObject({ rf_faint: 'not_sure', rf_faint_doubt: ['dizzy_after'] });
    expect(report.changes.filter((c) => c.lowersUrgency)).toHaveLength(1);
  });

  it('is the same report for the same seed', () => {
    const before = miniRules();
    const after = edited([(d) => d.consultSigns.splice(0, 1)]);
    if (!after) throw new Error('edit failed');
    expect(withoutTiming(analyseImpact(before, after, { sets: 2000, seed: 3 }))).toEqual(withoutTiming(analyseImpact(before, after, { sets: 2000, seed: 3 })));
    expect(analyseImpact(before, after, { sets: 2000, seed: 3 }).urgency.table).not.toEqual(analyseImpact(before, after, { sets: 2000, seed: 4 }).urgency.table);
  });

  it('runs the clinicians scenarios: a scenario whose outcome changes says so, and whether its expectation still holds', () => {
    const before = mainRules();
    const { data, flag } = lowerFirstUrgentFlag(readFileSync(MAIN_RULES_FILE, 'utf8'));
    const loaded = loadRules(stringify(data), 'lowered.yaml');
    if (!loaded.ok) throw new Error('the edit broke the file');
    // The scenario files rules:test runs (rules/scenarios/*.yaml): notes kept beside them under another name, such
    // as the clinicians' disagreements (disagreements.yaml.txt), are not scenarios of these rules. A scenario file
    // that does not load is an error here, never skipped.
    const dir = `${ROOT}rules/scenarios/`;
    const names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
    expect(names.length).toBeGreaterThan(0);
    const scenarios = names.flatMap((name) => {
      const file = loadScenarioFile(readFileSync(dir + name, 'utf8'), name);
      if (!file.ok) throw new Error(`${name}: ${file.problems.map((p) => p.message).join('; ')}`);
      return scenarioCases(file.file, name);
    });
    const report = analyseImpact(before, loaded.rules, { sets: 500, scenarios });
    expect(report.scenarios).toHaveLength(scenarios.length);
    // Every scenario passes against the shipped rules (rules:test proves it with the machine as well).
    expect(report.scenarios.filter((s) => s.failuresBefore.length > 0)).toEqual([]);
    const changed = report.scenarios.filter((s) => s.changed);
    expect(changed.length).toBeGreaterThan(0);
    const lowered = changed.find((s) => s.before.signs.includes(flag));
    expect(lowered).toMatchObject({ before: { urgency: 'urgent' }, after: { urgency: 'consult' } });
    expect(lowered?.failuresAfter.join()).toContain('urgency: expected urgent, got consult');
  });

  it('answers a question only the new version has with its most common answer, and says so', () => {
    const before = mainRules();
    const report = analyseImpact(before, exampleChange(before), { sets: 1000 });
    expect(report.questions.added).toEqual([{ id: 'example_previous_injury', answer: 'No' }]);
    expect(report.questions.shared).toBe(before.questions.length);
    expect(formatImpact(report)).toContain('example_previous_injury is new: every answer set answers it "No", its most common answer');
    // Raised as well as lowered, each in the table.
    expect(report.urgency.raised).toBeGreaterThan(0);
    expect(report.urgency.lowered).toBeGreaterThan(0);
    const md = formatImpact(report, { markdown: true });
    expect(md).toMatch(/\| before \\ after \| emergency \| urgent \| consult \| self-care \| total before \|/);
    expect(md.indexOf(`**${LOWERS_MARK}**`)).toBeLessThan(md.indexOf('#### Urgency before'));
  });
});
