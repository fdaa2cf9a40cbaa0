// The rules of a file as rows of one decision table each, in words: what the review page shows a clinician.
import type { ConsultRule, RedFlagRule, Rules, Urgency } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import { describeCondition, describeFollowUpCondition } from '../engine/condition-words.ts';

export interface RuleRow {
  id: string;
  when: string;
  /** What the rule does, e.g. "emergency", "consult", "posture +3". */
  effect: string;
  /** The words the person reads when it fires (reason or message), if any. */
  says?: string;
  rationale?: string;
  source?: string;
  level?: Urgency;
}

export interface RuleTable {
  id: string;
  title: string;
  description: string;
  redFlags: boolean;
  rows: RuleRow[];
}

export function ruleTables(rules: Rules, locale: Locale = 'en'): RuleTable[] {
  const when = (c: Parameters<typeof describeCondition>[1]) => describeCondition(rules, c, { locale });
  // Red flags and consult signs share one shape: a level, and a reason the person reads.
  const levelRows = (list: readonly (RedFlagRule | ConsultRule)[]): RuleRow[] =>
    list.map((r) => ({
      id: r.id,
      when: when(r.when),
      effect: r.level,
      level: r.level,
      // A flag with its own action: the person reads that action instead of the urgency's.
      says: [
        localize(r.reason, locale),
        r.action ? `Action: ${localize(r.action, locale)}` : null,
        'consult' in r && r.consult ? `Whom to see: ${localize(r.consult, locale)}` : null,
      ]
        .filter((text): text is string => text !== null)
        .join(' '),
      rationale: r.rationale,
      source: r.source,
    }));
  return [
    {
      id: 'red-flags',
      title: 'Red flags',
      description: 'Any red flag that fires sets the urgency to at least its level, whatever else is answered. Causes are then not weighed.',
      redFlags: true,
      rows: levelRows(rules.redFlags),
    },
    {
      id: 'consult-signs',
      title: 'Consult signs',
      description: 'When no red flag fires, any consult sign sets the urgency to consult (book an appointment).',
      redFlags: false,
      rows: levelRows(rules.consultSigns),
    },
    {
      id: 'scope-exits',
      title: 'Scope exits',
      description: 'The check is not made for this person: they are told where to go instead (urgency at least consult).',
      redFlags: false,
      rows: rules.scopeExits.map((r) => ({
        id: r.id,
        when: when(r.when),
        effect: 'out of scope',
        says: localize(r.message, locale),
        rationale: r.rationale,
        source: r.source,
      })),
    },
    {
      id: 'advice',
      title: 'Advice',
      description: 'Advice shown on the result when its condition holds, whatever the urgency. It never changes the urgency.',
      redFlags: false,
      rows: rules.advice.map((r) => ({
        id: r.id,
        when: when(r.when),
        effect: 'advice',
        says: localize(r.text, locale),
        rationale: r.rationale,
        source: r.source,
      })),
    },
    ...followUpTables(rules, locale),
    ...rules.causes.map((c) => ({
      id: `cause-${c.id}`,
      title: `Cause: ${localize(c.title, locale)} (${c.id})`,
      description: `Score = sum of the weights that fire. ${c.thresholds.likely} or more: likely; ${c.thresholds.possible} or more: possible. Source: ${c.source}`,
      redFlags: false,
      rows: c.evidence.map((e) => ({
        id: e.id,
        when: when(e.when),
        effect: `${c.id} ${e.weight >= 0 ? '+' : ''}${e.weight}`,
        rationale: e.rationale,
      })),
    })),
  ];
}

/** The follow-up's comparison and its steps (issue #18): the first row that holds is the one shown. */
function followUpTables(rules: Rules, locale: Locale): RuleTable[] {
  const f = rules.followUp;
  if (!f) return [];
  const when = (c: Parameters<typeof describeFollowUpCondition>[1]) => describeFollowUpCondition(rules, c, { locale });
  const days = f.offerFor.map((level) => `${level} after ${f.afterDays[level]} days`).join(', ');
  return [
    {
      id: 'follow-up',
      title: 'Follow-up: then and now',
      description: `Offered on ${f.offerFor.join(' and ')} results (${days}); asks ${[...f.screens, f.ask.id].join(', ')}; keeps ${f.keep.join(', ')} on the device. The first row that holds is shown; any red flag in the follow-up gives the usual result instead, and the urgency is never below what its answers give. ${f.rationale} Source: ${f.source}`,
      redFlags: false,
      rows: f.outcomes.map((o) => ({ id: o.id, when: when(o.when), effect: `${o.outcome}: ${o.level}`, level: o.level, says: localize(o.text, locale), rationale: o.rationale, source: o.source })),
    },
    {
      id: 'follow-up-steps',
      title: 'Follow-up: this week',
      description: 'The return-to-training step shown with the comparison: the first row that holds.',
      redFlags: false,
      rows: f.steps.map((s) => ({ id: s.id, when: when(s.when), effect: 'step', says: localize(s.text, locale), rationale: s.rationale, source: s.source })),
    },
  ];
}
