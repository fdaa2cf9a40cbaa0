// The population's walks count the `is` parts of red flags and scope exits as answers are kept (stopper-counts.ts)
// instead of testing every part again after each screen. The count must answer exactly as the plain test
// (answer-slots.ts `holds`) for every red flag and exit, after every answer kept, in any order, answers changed too.
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/engine/answers.ts';
import { answerSlots, holds, type Slots } from '../../src/engine/answer-slots.ts';
import { walkStoppers } from '../../src/engine/navigation.ts';
import { randomAnswers, seededRandom } from '../../src/engine/random-answers.ts';
import { stopperCounts } from '../../src/engine/stopper-counts.ts';
import { scaleRules } from '../../src/lint/generate.ts';
import type { Rules } from '../../src/rules/schema.ts';
import { mainRules } from '../helpers.ts';

/** Keeps `people` random people's answers one by one in a random order, comparing every stopper after each. */
function compareAll(rules: Rules, people: number, seed: number): { compared: number; held: number } {
  const stoppers = walkStoppers(rules);
  let compared = 0;
  let held = 0;
  for (let person = 0; person < people; person++) {
    const random = seededRandom(seed + person);
    const truth = answerSlots(rules, randomAnswers(rules, random));
    // A second person's answers: kept over the first's now and then, so a count also goes down.
    const other = answerSlots(rules, randomAnswers(rules, random));
    const counts = stopperCounts(rules, stoppers);
    const slots: Slots = new Array<AnswerValue | undefined>(rules.questions.length);
    const order = truth.map((_, at) => at).sort(() => random() - 0.5);
    for (const at of order) {
      for (const value of random() < 0.2 ? [other[at], truth[at]] : [truth[at]]) {
        if (value === undefined) continue;
        const was = slots[at];
        slots[at] = value;
        counts.keep(at, value, was);
        for (const stopper of stoppers) {
          const expected = holds(stopper, slots);
          if (expected) held++;
          expect(counts.holds(stopper, slots), `${JSON.stringify(stopper.when)} after ${rules.questions[at]?.id}`).toBe(expected);
          compared++;
        }
      }
    }
  }
  return { compared, held };
}

describe('red flags and scope exits counted as the walk keeps answers', () => {
  // Over a hundred thousand comparisons each: longer than the default 5 seconds on a loaded two-core CI machine.
  it('hold exactly when the plain test holds (today\'s rules)', { timeout: 120_000 }, () => {
    const { compared, held } = compareAll(mainRules(), 150, 700);
    expect(compared).toBeGreaterThan(100_000);
    expect(held).toBeGreaterThan(100);
  });

  it('hold exactly when the plain test holds on rules twice as large', { timeout: 120_000 }, () => {
    const { compared, held } = compareAll(scaleRules(mainRules(), 2), 20, 1300);
    expect(compared).toBeGreaterThan(50_000);
    expect(held).toBeGreaterThan(10);
  });
});
