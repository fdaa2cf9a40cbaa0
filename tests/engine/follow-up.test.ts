// The follow-up's condition leaves (previous, change, daysSince), checked by zod with file:line problems like the
// rest of the rules, and evaluated by one pure function; and the comparison never lowers what the answers give.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareFollowUp, DAY_MS, followUpDays, followUpRulesOf, matchesFollowUp, type PreviousCheck } from '../../src/engine/follow-up.ts';
import { formatProblem, loadRules } from '../../src/rules/load.ts';
import { MAIN_RULES_FILE, mainRules } from '../helpers.ts';
import type { Urgency } from '../../src/rules/schema.ts';

const rules = mainRules();
const facts = (now: Record<string, number | string>, then: Record<string, number | string>, daysSince: number, previousUrgency: Urgency = 'self-care') => ({
  answers: now,
  previous: then,
  daysSince,
  previousUrgency,
});

describe('follow-up conditions', () => {
  it('change is now minus then on a kept scale answer; unanswered on either side matches nothing', () => {
    const better = { change: { question: 'pain_score', atMost: -2 } };
    expect(matchesFollowUp(better, facts({ pain_score: 2 }, { pain_score: 5 }, 2))).toBe(true);
    expect(matchesFollowUp(better, facts({ pain_score: 4 }, { pain_score: 5 }, 2))).toBe(false);
    expect(matchesFollowUp(better, facts({}, { pain_score: 5 }, 2))).toBe(false);
    expect(matchesFollowUp(better, facts({ pain_score: 2 }, {}, 2))).toBe(false);
    const between = { change: { question: 'pain_score', atLeast: -1, atMost: 1 } };
    expect(matchesFollowUp(between, facts({ pain_score: 6 }, { pain_score: 5 }, 2))).toBe(true);
  });

  it('previous reads the earlier answers, daysSince the whole days, and they combine with all/any/not', () => {
    const c = { all: [{ previous: { question: 'pain_trend', is: 'worse' } }, { not: { daysSince: { atMost: 6 } } }] };
    expect(matchesFollowUp(c, facts({}, { pain_trend: 'worse' }, 7))).toBe(true);
    expect(matchesFollowUp(c, facts({}, { pain_trend: 'worse' }, 6))).toBe(false);
    expect(matchesFollowUp(c, facts({ pain_trend: 'worse' }, {}, 9))).toBe(false);
  });

  it('previousUrgency reads what the person was last told to do', () => {
    const c = { previousUrgency: { isAny: ['consult' as const] } };
    expect(matchesFollowUp(c, facts({}, {}, 3, 'consult'))).toBe(true);
    expect(matchesFollowUp(c, facts({}, {}, 3, 'self-care'))).toBe(false);
  });

  it('is offered on self-care and consult results only, after the rules\' days', () => {
    expect(followUpDays(rules, 'self-care')).toBe(2);
    expect(followUpDays(rules, 'consult')).toBe(3);
    expect(followUpDays(rules, 'urgent')).toBeNull();
    expect(followUpDays(rules, 'emergency')).toBeNull();
  });

  it('the follow-up asks the same rules on its own screens, and asking again for its layout gives the same object', () => {
    const derived = followUpRulesOf(rules);
    expect(derived.redFlags).toBe(rules.redFlags);
    expect(derived.screens?.map((s) => s.id)).toEqual([...rules.followUp!.screens, rules.followUp!.ask.id]);
    expect(followUpRulesOf(derived)).toBe(derived);
  });
});

describe('the comparison never lowers the urgency the follow-up\'s own answers give', () => {
  const previous: PreviousCheck = { date: 0, urgency: 'self-care', causes: [], answers: { pain_score: 8 }, rulesId: rules.meta.id, rulesVersion: '2.1.0' };
  it('a red flag answered in the follow-up is the usual result, even when the pain is much better', () => {
    const c = compareFollowUp(rules, previous, { rf_fever: 'yes', pain_score: 1, pain_trend: 'better' }, 3 * DAY_MS);
    expect(c.usual).toBe(true);
    expect(['urgent', 'emergency']).toContain(c.urgency);
    expect(c.urgency).toBe(c.result.urgency);
  });

  it('every outcome\'s urgency is at least the usual result\'s, over every pain score, trend and day', () => {
    for (let score = 0; score <= 10; score++)
      for (const trend of ['better', 'same', 'worse'])
        for (const days of [2, 3, 6, 7, 14, 29]) {
          const c = compareFollowUp(rules, previous, { pain_score: score, pain_trend: trend }, days * DAY_MS);
          const rank = { 'self-care': 0, consult: 1, urgent: 2, emergency: 3 } as const;
          expect(rank[c.urgency]).toBeGreaterThanOrEqual(rank[c.result.urgency]);
          expect(c.outcome).not.toBeNull();
        }
  });
});

describe('follow-up problems in a rules file', () => {
  const text = readFileSync(MAIN_RULES_FILE, 'utf8');
  const lineOf = (t: string, needle: string) => t.split('\n').findIndex((l) => l.includes(needle)) + 1;
  it('names unknown screens, questions not kept or not asked, and change on a non-scale question, each at its line', () => {
    const broken = text
      .replace('    - maternity_signs\n  ask:', '    - maternity_signz\n  ask:')
      .replace('- { change: { question: pain_score, atLeast: 2 } }', '- { change: { question: pain_trend, atLeast: 2 } }')
      .replace('- { daysSince: { atLeast: 7 } }', '- { previous: { question: age_band, is: over_50 } }')
      .replace('- { question: pain_score, atMost: 1 }', '- { question: pain_where, isAny: [belly] }');
    const result = loadRules(broken, 'rules/r.yaml');
    if (result.ok) throw new Error('expected problems');
    const lines = result.problems.map(formatProblem);
    const at = (needle: string, message: RegExp) => {
      const line = lineOf(broken, needle);
      expect(lines.filter((l) => l.startsWith(`rules/r.yaml:${line}:`) && message.test(l)), `${message} at ${line}\n${lines.join('\n')}`).toHaveLength(1);
    };
    at('- maternity_signz', /unknown screen "maternity_signz"/);
    at('- { change: { question: pain_trend, atLeast: 2 } }', /"change" needs a scale question/);
    at('- { previous: { question: age_band, is: over_50 } }', /"age_band" is not kept from the earlier check/);
    at('- { question: pain_where, isAny: [belly] }', /"pain_where" is not asked in the follow-up/);
  });
});
