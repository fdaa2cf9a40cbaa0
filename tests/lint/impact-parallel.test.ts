// rules:diff --impact tallies the population on two threads (impact-parallel.ts) and merges its ranges in order. The
// report must be the one a single thread gives, figure for figure and example for example: with and without an
// answer map, on a change that lowers urgencies. (Its speed is measured by the bench, never here.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswerMap } from '../../src/lint/answer-map.ts';
import { exampleChange } from '../../src/lint/generate.ts';
import { analyseImpact, mergeTallies, tallyPopulation, type ImpactReport } from '../../src/lint/impact.ts';
import { analyseImpactParallel } from '../../src/lint/impact-parallel.ts';
import { loadRulesFile, mainRules, ROOT } from '../helpers.ts';

/** The report without its one clock reading. */
const untimed = (report: ImpactReport) => ({ ...report, population: { ...report.population, ms: 0 } });

describe('the impact analysis on two threads', () => {
  it('gives the report one thread gives, on a change that lowers urgencies', { timeout: 120_000 }, async () => {
    const before = mainRules();
    const after = exampleChange(before);
    const sets = 12_000;
    const one = analyseImpact(before, after, { sets, seed: 7 });
    const two = await analyseImpactParallel(before, after, { sets, seed: 7 });
    expect(one.urgency.lowered).toBeGreaterThan(0);
    expect(untimed(two)).toEqual(untimed(one));
    // The same text too: Map orders and example order carry into the words.
    expect(JSON.stringify(untimed(two))).toBe(JSON.stringify(untimed(one)));
  });

  it('gives the report one thread gives with an answer map (renamed and merged questions)', { timeout: 120_000 }, async () => {
    const v1 = loadRulesFile(`${ROOT}rules/history/lower-back-after-workout-1.0.0.yaml`);
    const v2 = loadRulesFile(`${ROOT}rules/history/lower-back-after-workout-2.0.0.yaml`);
    const loaded = loadAnswerMap(readFileSync(`${ROOT}rules/history/answers-1.0.0-to-2.0.0.yaml`, 'utf8'), 'answers.yaml', v1, v2);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const options = { sets: 10_000, map: loaded.map };
    expect(JSON.stringify(untimed(await analyseImpactParallel(v1, v2, options)))).toBe(JSON.stringify(untimed(analyseImpact(v1, v2, options))));
  });

  it('merges tallies of consecutive ranges into the tally of the whole range', { timeout: 60_000 }, () => {
    const before = mainRules();
    const after = exampleChange(before);
    const range = { seed: 3, sets: 3000 };
    const whole = tallyPopulation(before, after, { ...range, from: 0, to: 3000 });
    const parts = [0, 700, 1900, 3000].slice(1).map((to, i, ends) => tallyPopulation(before, after, { ...range, from: i === 0 ? 0 : (ends[i - 1] as number), to }));
    const merged = mergeTallies(parts);
    expect(merged).toEqual(whole);
    expect([...merged.kinds.keys()]).toEqual([...whole.kinds.keys()]);
    expect([...merged.fired.keys()]).toEqual([...whole.fired.keys()]);
  });
});
