// /review shows the follow-up's rules in words, as decision tables like every other rule.
import { describe, expect, it } from 'vitest';
import { ruleTables } from '../../src/review/rule-rows.ts';
import { mainRules } from '../helpers.ts';

describe('the follow-up on /review', () => {
  it('lists then-and-now outcomes and this week\'s steps, each condition in words', () => {
    const tables = ruleTables(mainRules());
    const outcomes = tables.find((t) => t.id === 'follow-up');
    expect(outcomes?.description).toMatch(/^Offered on self-care and consult results \(self-care after 2 days, consult after 3 days\)/);
    expect(outcomes?.rows.map((r) => [r.id, r.when, r.effect])).toEqual([
      ['followup_much_worse', 'pain_score now minus then is 4 or more or (pain_score is 8 or more and pain_trend is "Getting worse" and 3 or more days since the first check)', 'worse: urgent'],
      ['followup_worse', 'pain_score now minus then is 2 or more or pain_trend is "Getting worse"', 'worse: consult'],
      ['followup_better', 'pain_score now minus then is -2 or less or pain_score is 1 or less or (pain_score then is 3 or less and pain_score now minus then is -1 or less)', 'better: self-care'],
      ['followup_not_better_week', '7 or more days since the first check and pain_score now minus then is -1 or more', 'same: consult'],
      ['followup_keep_appointment', 'the earlier result was consult', 'same: consult'],
      ['followup_same', '0 or more days since the first check', 'same: self-care'],
    ]);
    const steps = tables.find((t) => t.id === 'follow-up-steps');
    expect(steps?.rows.map((r) => r.id)).toEqual(['step_gentle', 'step_build_up', 'step_light']);
    expect(steps?.rows[1]?.when).toBe('pain_score is 3 or less and pain_trend is "Getting better" or "About the same"');
  });
});
