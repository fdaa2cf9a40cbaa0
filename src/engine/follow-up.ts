// The follow-up check (issue #18): "How is your back since <date>?". Pure functions of the rules, the earlier
// check as kept on the device, the answers now and the date. What counts as better, the same or worse, and after how
// long, is the rules' `followUp` block: this file only reads it.
//
// Safety: the follow-up is the same questionnaire with fewer screens (the warning signs' grouped checks again, then
// the pain now), so every red flag, consult sign and scope exit is evaluated on its answers exactly as in a first
// check. The comparison can only add to that: a warning sign gives the usual result, and the result is never less
// urgent than what the follow-up's own answers give.
import type { FollowUp, FollowUpCondition, FollowUpOutcome, NumberRange, Rules, Urgency } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { matches } from './conditions.ts';
import { evaluate, urgencyRank, type EvaluateOptions, type Result } from './evaluate.ts';
import { followUpRulesOf } from './follow-up-layout.ts';
import { countedAnswers } from './navigation.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The earlier check, as kept on the device: nothing that identifies the person, and only the answers `keep` names. */
export interface PreviousCheck {
  /** When the earlier result was shown (ms since 1970). */
  date: number;
  urgency: Urgency;
  /** The likely causes shown, by id. */
  causes: string[];
  /** The answers `followUp.keep` names, as given then. */
  answers: Record<string, AnswerValue>;
  rulesId: string;
  rulesVersion: string;
}

/** Offered on this urgency's result: after how many days, or null when no follow-up is offered. */
export function followUpDays(rules: Rules, urgency: Urgency): number | null {
  const followUp = rules.followUp;
  if (!followUp || urgency === 'emergency' || urgency === 'urgent' || !followUp.offerFor.includes(urgency)) return null;
  return followUp.afterDays[urgency] ?? null;
}

/** Whole days from the earlier check to `now` (a clock set back counts as the same day). */
export function daysSince(previous: Pick<PreviousCheck, 'date'>, now: number): number {
  return Math.max(0, Math.floor((now - previous.date) / DAY_MS));
}

// Its layout of the rules on their own (src/engine/follow-up-layout.ts): the FHIR response of shared answers needs
// only that, not the comparison.
export { followUpRulesOf } from './follow-up-layout.ts';

/** What a follow-up condition reads: the answers now, the earlier check's kept answers and result, the days in between. */
export interface FollowUpFacts {
  answers: Answers;
  previous: Answers;
  daysSince: number;
  /** The earlier result's urgency (what the person was last told to do). */
  previousUrgency: Urgency;
}

function inRange(value: AnswerValue | undefined, range: NumberRange): boolean {
  if (typeof value !== 'number') return false;
  return (range.atLeast === undefined || value >= range.atLeast) && (range.atMost === undefined || value <= range.atMost);
}

/** True when the facts satisfy the condition. Like `matches`: an unanswered question satisfies no leaf. */
export function matchesFollowUp(condition: FollowUpCondition, facts: FollowUpFacts): boolean {
  if ('all' in condition) return condition.all.every((c) => matchesFollowUp(c, facts));
  if ('any' in condition) return condition.any.some((c) => matchesFollowUp(c, facts));
  if ('not' in condition) return !matchesFollowUp(condition.not, facts);
  if ('daysSince' in condition) return inRange(facts.daysSince, condition.daysSince);
  if ('previousUrgency' in condition) return (condition.previousUrgency.isAny as readonly Urgency[]).includes(facts.previousUrgency);
  if ('previous' in condition) return matches(condition.previous, facts.previous);
  if ('change' in condition) {
    const { question } = condition.change;
    const now = facts.answers[question];
    const then = facts.previous[question];
    return typeof now === 'number' && typeof then === 'number' && inRange(now - then, condition.change);
  }
  return matches(condition, facts.answers);
}

/** The comparison's question ids, for the linter and the review page. */
export function followUpQuestionsIn(condition: FollowUpCondition): string[] {
  if ('all' in condition) return condition.all.flatMap(followUpQuestionsIn);
  if ('any' in condition) return condition.any.flatMap(followUpQuestionsIn);
  if ('not' in condition) return followUpQuestionsIn(condition.not);
  if ('daysSince' in condition || 'previousUrgency' in condition) return [];
  if ('previous' in condition) return [condition.previous.question];
  if ('change' in condition) return [condition.change.question];
  return [condition.question];
}

export interface FollowUpComparison {
  /** The usual result of the follow-up's own answers (warning signs, consult signs). */
  result: Result;
  /** What the result says: the usual one's urgency when it is more urgent, or any warning sign fired. */
  urgency: Urgency;
  /** The warning signs or the answers now decide: show the usual result, not the comparison. */
  usual: boolean;
  /** The comparison's outcome rule, when one holds. */
  outcome: FollowUpOutcome | null;
  /** Its text, with `{then}`, `{now}` and `{date}` filled in. */
  text: string | null;
  /** "This week: ...", when a step holds and the comparison is shown. */
  step: { id: string; text: string } | null;
  daysSince: number;
  /** What the conditions read: the answers counted now, the kept ones, the days and the earlier urgency. */
  facts: FollowUpFacts;
}

export interface CompareOptions extends EvaluateOptions {
  locale?: Locale;
  /** The earlier check's date as the person reads it, for `{date}`. */
  dateText?: string;
}

/** Then and now compared, by the rules. `answers` are the follow-up's answers as the machine collected them. */
export function compareFollowUp(
  rules: Rules,
  previous: PreviousCheck,
  answers: Answers,
  now: number,
  options: CompareOptions = {},
): FollowUpComparison {
  const followUp: FollowUp | undefined = rules.followUp;
  const locale = options.locale ?? 'en';
  const derived = followUpRulesOf(rules);
  const counted = countedAnswers(derived, answers);
  const result = evaluate(derived, counted, locale, options);
  const facts: FollowUpFacts = { answers: counted, previous: previous.answers, daysSince: daysSince(previous, now), previousUrgency: previous.urgency };
  const outcome = followUp?.outcomes.find((o) => matchesFollowUp(o.when, facts)) ?? null;
  const usual =
    outcome === null ||
    result.redFlags.length > 0 ||
    result.outOfScope !== null ||
    urgencyRank(result.urgency) > urgencyRank(outcome.level);
  // `{then}` and `{now}`: the first scale answer kept (the pain score), so no question id is written in code.
  const scale = followUp?.keep.find((id) => rules.questions.some((q) => q.id === id && q.type === 'scale')) ?? '';
  const fill = (text: string) =>
    text
      .replaceAll('{then}', String(previous.answers[scale] ?? '?'))
      .replaceAll('{now}', String(counted[scale] ?? '?'))
      .replaceAll('{date}', options.dateText ?? '');
  const step = usual ? null : (followUp?.steps.find((s) => matchesFollowUp(s.when, facts)) ?? null);
  return {
    result,
    urgency: usual || !outcome ? result.urgency : outcome.level,
    usual,
    outcome,
    text: outcome ? fill(localize(outcome.text, locale)) : null,
    step: step ? { id: step.id, text: fill(localize(step.text, locale)) } : null,
    daysSince: facts.daysSince,
    facts,
  };
}
