// "Try it" as a follow-up (issue #18): the earlier check a clinician enters, turned into the `PreviousCheck` the
// check keeps on the device, compared with the answers now by the engine's own `compareFollowUp`, so the review page
// shows exactly what a person would be shown. Which rules hold is worked out here too (the comparison only returns
// the first), so a clinician sees why one row won over another.
import type { AnswerValue, Answers } from '../engine/answers.ts';
import { compareFollowUp, DAY_MS, matchesFollowUp, type FollowUpComparison, type PreviousCheck } from '../engine/follow-up.ts';
import type { FollowUp, FollowUpCondition, Rules, Urgency } from '../rules/schema.ts';
import type { Locale } from '../rules/text.ts';

/** The kept check expires after 30 days (src/storage/follow-up.ts), so an older one never reaches the comparison. */
export const MAX_DAYS_AGO = 30;

/** The earlier check as the clinician enters it: how long ago, its urgency, and the answers `followUp.keep` names. */
export interface EarlierCheck {
  daysAgo: number;
  urgency: Urgency;
  answers: Record<string, AnswerValue>;
}

export interface FollowUpTry {
  earlier: EarlierCheck;
  comparison: FollowUpComparison;
  /** Every outcome and step whose condition holds, in the rules' order: the first of each is the one shown. */
  holding: { outcomes: string[]; steps: string[] };
}

/** A first earlier check: the first result the rules offer a follow-up on, as many days ago as they offer it after. */
export function defaultEarlier(followUp: FollowUp): EarlierCheck {
  const urgency = followUp.offerFor[0] ?? 'self-care';
  return { daysAgo: followUp.afterDays[urgency] ?? 0, urgency, answers: {} };
}

/** Then and now compared, as the check compares them, at `now`. */
export function tryFollowUp(rules: Rules, earlier: EarlierCheck, answers: Answers, now: number, locale: Locale): FollowUpTry {
  const followUp = rules.followUp;
  // Only what `keep` names: a kept answer from other rules (another file opened) must not count.
  const keep = new Set(followUp?.keep ?? []);
  const kept = Object.fromEntries(Object.entries(earlier.answers).filter(([id]) => keep.has(id)));
  const date = now - earlier.daysAgo * DAY_MS;
  const previous: PreviousCheck = {
    date,
    urgency: earlier.urgency,
    causes: [],
    answers: kept,
    rulesId: rules.meta.id,
    rulesVersion: rules.meta.version,
  };
  const dateText = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
  const comparison = compareFollowUp(rules, previous, answers, now, { locale, dateText });
  // The facts the comparison itself read, so the rows marked as holding are the ones it weighed.
  const holds = (list: readonly { id: string; when: FollowUpCondition }[]) =>
    list.filter((r) => matchesFollowUp(r.when, comparison.facts)).map((r) => r.id);
  return { earlier, comparison, holding: { outcomes: holds(followUp?.outcomes ?? []), steps: holds(followUp?.steps ?? []) } };
}

/** Why the person would see the usual result instead of the comparison, in words; null when the comparison shows. */
export function usualReason(c: FollowUpComparison): string | null {
  if (!c.usual) return null;
  if (c.result.redFlags.length > 0) return 'a warning sign fired, so the person gets the usual result for it, not the comparison';
  if (c.result.outOfScope) return 'a scope exit holds, so the person gets the usual result, not the comparison';
  if (!c.outcome) return 'no follow-up outcome holds, so the person gets the usual result';
  return `the answers now give a more urgent result (${c.result.urgency}) than the outcome (${c.outcome.level}), so the person gets the usual result`;
}
