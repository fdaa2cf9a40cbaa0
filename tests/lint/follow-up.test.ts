// The linter tries the follow-up block: an outcome missing for some follow-ups is an error, one never shown a warning.
import { describe, expect, it } from 'vitest';
import { lintRules } from '../../src/lint/lint.ts';
import type { Rules } from '../../src/rules/schema.ts';
import { mainRules } from '../helpers.ts';

const rules = mainRules();
const followUp = rules.followUp!;
const with_ = (change: Partial<NonNullable<Rules['followUp']>>): Rules => ({ ...rules, followUp: { ...followUp, ...change } });
const followUpFindings = (r: Rules) => lintRules(r).filter((f) => f.check === 'follow-up' && f.severity !== 'info');

describe('the follow-up lint', () => {
  it('passes on the shipped rules', () => {
    expect(followUpFindings(rules)).toEqual([]);
  });

  it('an outcome list with no catch-all leaves some follow-ups with no outcome: an error with an example', () => {
    const found = followUpFindings(with_({ outcomes: followUp.outcomes.slice(0, -1) }));
    expect(found).toEqual([expect.objectContaining({ severity: 'error', path: ['followUp', 'outcomes'], message: expect.stringMatching(/^no outcome holds for some follow-ups, e\.g\. /) })]);
  });

  it('finds a gap that lasts only some days, named by its first day: the days tried are those the conditions tell apart', () => {
    // Each outcome held only up to day 9, or from day 12.5 on: days 10, 11 and 12 have none.
    const stretched = followUp.outcomes.map((o) => ({ ...o, when: { any: [{ all: [o.when, { daysSince: { atMost: 9 } }] }, { all: [o.when, { daysSince: { atLeast: 12.5 } }] }] } }));
    const found = followUpFindings(with_({ outcomes: stretched as typeof followUp.outcomes }));
    expect(found).toEqual([expect.objectContaining({ severity: 'error', path: ['followUp', 'outcomes'], message: expect.stringContaining('"daysSince":10') })]);
    // Held up to day 11, on day 12, and from day 13.5 (so day 14) on: a gap of one day, day 13, found all the same.
    const lastDayOnly = followUp.outcomes.map((o) => ({ ...o, when: { any: [{ all: [o.when, { daysSince: { atMost: 11 } }] }, { all: [o.when, { daysSince: { atLeast: 12, atMost: 12 } }] }, { all: [o.when, { daysSince: { atLeast: 13.5 } }] }] } }));
    expect(followUpFindings(with_({ outcomes: lastDayOnly as typeof followUp.outcomes }))).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('"daysSince":13') }),
    ]);
  });

  it('an outcome after a catch-all is never shown: a warning at its place', () => {
    const [first, ...rest] = followUp.outcomes;
    const found = followUpFindings(with_({ outcomes: [...rest, first!] }));
    const last = followUp.outcomes.length - 1;
    expect(found).toContainEqual(expect.objectContaining({ severity: 'warning', path: ['followUp', 'outcomes', last], message: `"${first!.id}" is never shown: those before it always hold first` }));
  });
});
