// The clinical outcome of a set of answers: a pure function of the rules and the answers, nothing else.
import type { Condition, Likelihood, Rules, TextList, Urgency } from '../rules/schema.ts';
import { FALLBACK_EMERGENCY_NUMBER } from '../rules/emergency.ts';
import { localize, type Locale } from '../rules/text.ts';
import { answerText, answerTextOfAll, type Because } from './because.ts';
import type { Answers } from './answers.ts';
import { matches } from './conditions.ts';
import { applicableAnswers } from './visibility.ts';

export interface FlagHit {
  id: string;
  level: Urgency;
  reason: string;
  because: Because[];
}

export interface CauseResult {
  id: string;
  likelihood: Likelihood;
  /** Sum of the weights of the evidence that fired. */
  score: number;
  title: string;
  summary: string;
  advice: string[];
  /** The answers that point towards this cause (positive evidence only). */
  because: Because[];
}

export interface FiredRule {
  id: string;
  kind: 'redFlag' | 'consultSign' | 'scopeExit' | 'evidence' | 'advice';
  /** The cause an evidence rule belongs to. */
  cause?: string;
  weight?: number;
}

/** A titled list of the result, in the person's language. */
export interface ResultList {
  title: string;
  items: string[];
  /** A line after the list. */
  note: string | null;
}

export interface Result {
  rulesId: string;
  rulesVersion: string;
  urgency: Urgency;
  /** The top card: headline, what to do now, whether and when to see a professional, and when to call instead. */
  title: string;
  action: string;
  consult: string;
  callIf: string | null;
  /** The emergency number every text of this result names (`{number}` in the rules). */
  emergencyNumber: string;
  disclaimer: string;
  redFlags: FlagHit[];
  consultSigns: FlagHit[];
  outOfScope: { id: string; title: string; message: string; because: Because[] } | null;
  /** Ranked: likely before possible before unlikely, then by score. Empty when a red flag or scope exit decided. */
  causes: CauseResult[];
  /** Every rule that fired, for clinicians and scenario reports. */
  trace: FiredRule[];
  /** The signs that mean getting help at once (every result below an emergency), when the rules give them. */
  safetyNet: ResultList | null;
  /** The signs that mean seeing a doctor the same day (self-care and consult results), when the rules give them. */
  safetyNetToday: ResultList | null;
  /** What the person can do now (self-care and consult results), when the rules give it. */
  selfCareAdvice: ResultList | null;
  /** When not to take an anti-inflammatory painkiller, shown with the self-care advice. */
  antiInflammatory: ResultList | null;
  /** Advice rules that hold for these answers (never change the urgency), in file order. */
  advice: { id: string; text: string; because: Because[] }[];
}

/** The number `{number}` stands for when the caller gives none: the rules' default. */
export function defaultEmergencyNumber(rules: Rules): string {
  return rules.results.emergencyNumbers?.default ?? FALLBACK_EMERGENCY_NUMBER;
}

export interface EvaluateOptions {
  /** The emergency number where the person is (the clinic's, or the one for their region). */
  emergencyNumber?: string;
}

const URGENCY_RANK: Record<Urgency, number> = { 'self-care': 0, consult: 1, urgent: 2, emergency: 3 };
const LIKELIHOOD_RANK: Record<Likelihood, number> = { likely: 2, possible: 1, unlikely: 0 };

export function moreUrgent(a: Urgency, b: Urgency): Urgency {
  return URGENCY_RANK[a] >= URGENCY_RANK[b] ? a : b;
}

export function urgencyRank(u: Urgency): number {
  return URGENCY_RANK[u];
}

export function likelihoodFor(score: number, thresholds: { likely: number; possible: number }): Likelihood {
  if (score >= thresholds.likely) return 'likely';
  if (score >= thresholds.possible) return 'possible';
  return 'unlikely';
}

export function evaluate(rules: Rules, rawAnswers: Answers, locale: Locale = 'en', options: EvaluateOptions = {}): Result {
  // Answers to questions that do not apply (hidden by skip logic) must not count for or against anything.
  const answers = applicableAnswers(rules, rawAnswers);
  const emergencyNumber = options.emergencyNumber ?? defaultEmergencyNumber(rules);
  // Every text that names the emergency number names the same one.
  const say = (t: Parameters<typeof localize>[0]) => {
    const words = localize(t, locale);
    return words.includes('{number}') ? words.replaceAll('{number}', emergencyNumber) : words;
  };
  const because = (when: Condition) => answerText(rules, answers, when, locale);
  const trace: FiredRule[] = [];

  const redFlags: FlagHit[] = [];
  for (const rule of rules.redFlags) {
    if (!matches(rule.when, answers)) continue;
    trace.push({ id: rule.id, kind: 'redFlag' });
    redFlags.push({ id: rule.id, level: rule.level, reason: say(rule.reason), because: because(rule.when) });
  }
  const consultSigns: FlagHit[] = [];
  for (const rule of rules.consultSigns) {
    if (!matches(rule.when, answers)) continue;
    trace.push({ id: rule.id, kind: 'consultSign' });
    consultSigns.push({ id: rule.id, level: rule.level, reason: say(rule.reason), because: because(rule.when) });
  }
  const exit = rules.scopeExits.find((rule) => matches(rule.when, answers));
  if (exit) trace.push({ id: exit.id, kind: 'scopeExit' });
  const adviceHolding = rules.advice.filter((rule) => matches(rule.when, answers));

  let urgency: Urgency = 'self-care';
  for (const hit of [...redFlags, ...consultSigns]) urgency = moreUrgent(urgency, hit.level);
  // Out of scope sends the person on at the exit's own level (a child: see someone; pain that began before training:
  // general back-pain advice), raised as usual by any sign.
  if (exit) urgency = moreUrgent(urgency, exit.level);

  // Causes are only weighed when no red flag and no scope exit decided the outcome: with a red flag the person
  // needs care, not training tips, and an out-of-scope answer means the guide does not apply.
  const causes: CauseResult[] =
    redFlags.length > 0 || exit
      ? []
      : rules.causes
          .map((cause) => {
            let score = 0;
            const support: Condition[] = [];
            for (const ev of cause.evidence) {
              if (!matches(ev.when, answers)) continue;
              score += ev.weight;
              trace.push({ id: ev.id, kind: 'evidence', cause: cause.id, weight: ev.weight });
              if (ev.weight > 0) support.push(ev.when);
            }
            return {
              id: cause.id,
              likelihood: likelihoodFor(score, cause.thresholds),
              score,
              title: say(cause.title),
              summary: say(cause.summary),
              advice: cause.advice.map(say),
              because: answerTextOfAll(rules, answers, support, locale),
            };
          })
          .sort((a, b) => LIKELIHOOD_RANK[b.likelihood] - LIKELIHOOD_RANK[a.likelihood] || b.score - a.score);

  // Advice that holds, on results no more urgent than it is written for.
  const advice: Result['advice'] = [];
  for (const rule of adviceHolding) {
    if (rule.upTo !== undefined && urgencyRank(urgency) > urgencyRank(rule.upTo)) continue;
    trace.push({ id: rule.id, kind: 'advice' });
    advice.push({ id: rule.id, text: say(rule.text), because: because(rule.when) });
  }

  const texts = rules.results.urgency[urgency];
  // A red flag that sets the urgency may name the service to call instead of the urgency's generic action; only when
  // every flag at that level has one (saddle numbness in pregnancy still means the emergency number, not the
  // maternity unit alone).
  const deciding = rules.redFlags.filter((r) => r.level === urgency && redFlags.some((h) => h.id === r.id));
  const ownAction = deciding.length > 0 && deciding.every((r) => r.action) ? deciding[0]?.action : undefined;
  const list = (l: TextList | undefined): ResultList | null =>
    l ? { title: say(l.title), items: l.items.map(say), note: l.note ? say(l.note) : null } : null;
  // Self-care advice is for the people the check is made for, and after a scope exit that leaves them to look after
  // it themselves: not after one that sends them on (a child, whose care someone else plans; see the rule's level).
  const selfCare = (urgency === 'self-care' || urgency === 'consult') && (!exit || exit.level === 'self-care');
  return {
    rulesId: rules.meta.id,
    rulesVersion: rules.meta.version,
    urgency,
    title: say(texts.title),
    action: say(ownAction ?? texts.action),
    consult: say(texts.consult),
    callIf: texts.callIf ? say(texts.callIf) : null,
    emergencyNumber,
    disclaimer: say(rules.results.disclaimer),
    redFlags,
    consultSigns,
    outOfScope: exit
      ? { id: exit.id, title: say(rules.results.outOfScopeTitle), message: say(exit.message), because: because(exit.when) }
      : null,
    causes,
    trace,
    safetyNet: urgency === 'emergency' ? null : list(rules.results.safetyNet),
    // An urgent result already says "today": the same-day tier is for results that do not.
    safetyNetToday: urgency === 'self-care' || urgency === 'consult' ? list(rules.results.safetyNetToday) : null,
    selfCareAdvice: selfCare ? list(rules.results.selfCareAdvice) : null,
    antiInflammatory: selfCare && rules.results.selfCareAdvice ? list(rules.results.antiInflammatory) : null,
    advice,
  };
}
