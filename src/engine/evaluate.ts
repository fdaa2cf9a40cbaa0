// The clinical outcome of a set of answers: a pure function of the rules and the answers, nothing else.
import type { Condition, Likelihood, Rules, TextList, Urgency } from '../rules/schema.ts';
import { FALLBACK_EMERGENCY_NUMBER } from '../rules/emergency.ts';
import { localize, type Locale } from '../rules/text.ts';
import { answerTextOfAllRead, answerTextRead, type AnswerReader, type Because } from './because.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { answerSlots, holds, pruneSlots, slotProgram, testableOf, type SlotProgram, type Slots, type Testable } from './answer-slots.ts';
import { WholeKey, type WordsKey } from './words-keys.ts';
import { questionsIn } from './conditions.ts';

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
/** The urgencies by rank (`URGENCY_RANK` read backwards: its keys are in rank order). */
const BY_RANK = Object.keys(URGENCY_RANK) as Urgency[];
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

// ---- The rules compiled for evaluating, once per rules object (rules never change once loaded) ----

interface RuleEntry<R> extends Testable {
  rule: R;
  /** Its line in the trace: the same object for every result (frozen). */
  fired: FiredRule;
  /** Holds for one answer to each question it reads: the words are the same whenever the rule fires, kept here. */
  fixed: boolean;
  fixedWords: Partial<Record<Locale, Because[]>>;
  /** Its words by what of the answers they depend on, remembered (see words-keys.ts). */
  key: WordsKey;
  /** Its reason as last said (see `Speech.reason`): in that language, with that emergency number. */
  reason: string;
  reasonLocale: Locale | null;
  reasonNumber: string;
  /**
   * Its level's rank (`URGENCY_RANK`; 0 for advice, which has none): `decide` takes the highest as a number, where
   * looking each fired rule's level up by name was a twentieth of `evaluate`'s time.
   */
  rank: number;
  /**
   * Advice: the highest rank it is given on (`upTo`; an emergency's when it has none), read here: the rules' own
   * objects come in several shapes, and filtering the advice by their `upTo` was a fortieth of `evaluate`'s time.
   */
  upTo: number;
  /** The rule's id, and its level (advice has none), for its hit (read here for the same reason). */
  id: string;
  level: R extends { level: Urgency } ? Urgency : null;
}

interface CauseEntry {
  cause: Rules['causes'][number];
  evidence: (Testable & { weight: number; when: Condition; fired: FiredRule })[];
}

interface Plan {
  /** The words of a result that depend only on the language and the emergency number (see `plainWords`). */
  plain: Map<string, PlainWords>;
  redFlags: RuleEntry<Rules['redFlags'][number]>[];
  consultSigns: RuleEntry<Rules['consultSigns'][number]>[];
  scopeExits: RuleEntry<Rules['scopeExits'][number]>[];
  advice: RuleEntry<Rules['advice'][number]>[];
  causes: CauseEntry[];
  /** The answers that keep the anti-inflammatory list off the result (`results.antiInflammatory.notWhen`). */
  antiInflammatoryOff: Testable | null;
}

const plans = new WeakMap<Rules, Plan>();

/** How each rule's words are keyed in its memo (equal keys, equal words). */
export type WordsKeys = (rules: Rules, condition: Condition, slotOf: ReadonlyMap<string, number>) => WordsKey;

/**
 * By default a rule's words are remembered by the whole answers it reads: enough for a person's check, which
 * evaluates a handful of times. Callers that evaluate many people (the bench, the reference population) install the
 * packed keys of words-keys.ts (`wordsKeyOf`), which tell apart only what a rule can quote, so its memo keeps hitting
 * over 100,000 people; the browser does not ship them. Either keying gives the same words.
 */
export const wholeAnswersKeys: WordsKeys = (_rules, condition, slotOf) => {
  const at = [...new Set(questionsIn(condition))].map((id) => slotOf.get(id) as number);
  return new WholeKey(at);
};
let wordsKeys: WordsKeys = wholeAnswersKeys;

/** Installs the memo keys for rules planned from now on (see `wordsKeys`). */
export function useWordsKeys(keys: WordsKeys): void {
  wordsKeys = keys;
}

function planOf(rules: Rules): Plan {
  let plan = plans.get(rules);
  if (plan) return plan;
  const program = slotProgram(rules);
  const { slotOf } = program;
  const single = new Set(rules.questions.filter((q) => q.type === 'single').map((q) => q.id));
  // `is` on a single-choice question, or all of such: when it holds, every answer it reads is known.
  const fixed = (c: Condition): boolean => ('is' in c && single.has(c.question)) || ('all' in c && c.all.every(fixed));
  const entry = <R extends { id: string; when: Condition }>(rule: R, kind: FiredRule['kind']): RuleEntry<R> => ({
    rule,
    ...testableOf(rule.when, program),
    fired: Object.freeze({ id: rule.id, kind }),
    fixed: fixed(rule.when),
    fixedWords: {},
    // After compiling: an id no question asks has its slot by then.
    key: wordsKeys(rules, rule.when, slotOf),
    reason: '',
    reasonLocale: null,
    reasonNumber: '',
    rank: 'level' in rule ? URGENCY_RANK[rule.level as Urgency] : 0,
    upTo: 'upTo' in rule && rule.upTo !== undefined ? URGENCY_RANK[rule.upTo as Urgency] : URGENCY_RANK.emergency,
    id: rule.id,
    level: ('level' in rule ? rule.level : null) as RuleEntry<R>['level'],
  });
  plan = {
    plain: new Map(),
    redFlags: rules.redFlags.map((r) => entry(r, 'redFlag')),
    consultSigns: rules.consultSigns.map((r) => entry(r, 'consultSign')),
    scopeExits: rules.scopeExits.map((r) => entry(r, 'scopeExit')),
    advice: rules.advice.map((r) => entry(r, 'advice')),
    causes: rules.causes.map((cause) => ({
      cause,
      evidence: cause.evidence.map((e) => ({
        weight: e.weight,
        when: e.when,
        ...testableOf(e.when, program),
        fired: Object.freeze({ id: e.id, kind: 'evidence' as const, cause: cause.id, weight: e.weight }),
      })),
    })),
    antiInflammatoryOff: rules.results.antiInflammatory?.notWhen ? testableOf(rules.results.antiInflammatory.notWhen, program) : null,
  };
  plans.set(rules, plan);
  return plan;
}

export function evaluate(rules: Rules, rawAnswers: Answers, locale: Locale = 'en', options?: EvaluateOptions): Result {
  // Answers to questions that do not apply (hidden by skip logic) must not count for or against anything. The rules
  // and their words read them by slot (a copy: the caller's object may change before a cause's words are read).
  return evaluateSlots(rules, answerSlots(rules, rawAnswers), locale, options);
}

/**
 * `evaluate` of a walk's answers, by position (navigation.ts `collectedOutcome`): the impact analysis walks 100,000
 * people through both versions, and reading a record of hundreds of answers back by id was a tenth of its time.
 * The slots are those of a record holding just the walk's answers; skip logic is applied here, as `evaluate` does.
 */
export function evaluateWalked(rules: Rules, walked: Slots, locale: Locale = 'en', options?: EvaluateOptions): Result {
  const slots = [...walked];
  pruneSlots(rules, slots);
  return evaluateSlots(rules, slots, locale, options);
}

/** What an outcome is made of, for callers that compare outcomes and show none (the impact analysis). */
export interface Outcome {
  urgency: Urgency;
  redFlags: readonly { id: string }[];
  consultSigns: readonly { id: string }[];
  outOfScope: { id: string } | null;
  /** Ranked as in a result. */
  causes: readonly { id: string; likelihood: Likelihood }[];
}

/**
 * `evaluateWalked`'s outcome without its words: which rules fire, the urgency and the causes' bands, decided by
 * the same code as every result (`decide`). The impact analysis compares 200,000 outcomes and shows none of their
 * texts; saying them all was a fifth of its time.
 */
export function outcomeWalked(rules: Rules, walked: Slots): Outcome {
  const slots = [...walked];
  pruneSlots(rules, slots);
  // No advice: it never changes the urgency and an outcome does not list it (a seventh of the rules tested, saved).
  const { urgency, redFlags, consultSigns, exit, weighed } = decide(planOf(rules), slots, false);
  return {
    urgency,
    redFlags: redFlags.map((e) => e.rule),
    consultSigns: consultSigns.map((e) => e.rule),
    outOfScope: exit ? exit.rule : null,
    causes: weighed.map((c) => ({ id: c.cause.id, likelihood: c.likelihood, score: c.score })).sort(ranked),
  };
}

/** Causes ranked: likely before possible before unlikely, then by score (a stable sort keeps file order on ties). */
function ranked(a: { likelihood: Likelihood; score: number }, b: { likelihood: Likelihood; score: number }): number {
  return LIKELIHOOD_RANK[b.likelihood] - LIKELIHOOD_RANK[a.likelihood] || b.score - a.score;
}

interface Decision {
  urgency: Urgency;
  /** The rules that fire, in file order. */
  redFlags: RuleEntry<Rules['redFlags'][number]>[];
  consultSigns: RuleEntry<Rules['consultSigns'][number]>[];
  exit: RuleEntry<Rules['scopeExits'][number]> | undefined;
  /** The advice that holds and is written for a result this urgent. */
  adviceHolding: RuleEntry<Rules['advice'][number]>[];
  /** In file order (the trace's); empty when a red flag or scope exit decided. */
  weighed: { cause: Rules['causes'][number]; score: number; likelihood: Likelihood; fired: FiredRule[]; support: Condition[] }[];
}

/**
 * Which rules fire for these answers, the urgency they set, and each cause's score: the clinical decision. The
 * advice that holds only `withAdvice` (none otherwise).
 */
function decide(plan: Plan, slots: Slots, withAdvice: boolean): Decision {
  let rank = 0;
  const redFlags: Decision['redFlags'] = [];
  for (const e of plan.redFlags) {
    if (!holds(e, slots)) continue;
    redFlags.push(e);
    if (e.rank > rank) rank = e.rank;
  }
  const consultSigns: Decision['consultSigns'] = [];
  for (const e of plan.consultSigns) {
    if (!holds(e, slots)) continue;
    consultSigns.push(e);
    if (e.rank > rank) rank = e.rank;
  }
  let exit: Decision['exit'];
  for (const e of plan.scopeExits) {
    if (!holds(e, slots)) continue;
    exit = e;
    break;
  }

  // Out of scope sends the person on at the exit's own level (a child: see someone; pain that began before training:
  // general back-pain advice), raised as usual by any sign.
  if (exit && exit.rank > rank) rank = exit.rank;
  const urgency = BY_RANK[rank] as Urgency;
  // Advice is only given on results no more urgent than it is written for: the rest is not tested at all (nearly all
  // advice is for less than an emergency, where testing it was a seventh of the rules tested).
  const adviceHolding: Decision['adviceHolding'] = [];
  if (withAdvice) for (const e of plan.advice) if (rank <= e.upTo && holds(e, slots)) adviceHolding.push(e);

  // Causes are only weighed when no red flag and no scope exit decided the outcome: with a red flag the person
  // needs care, not training tips, and an out-of-scope answer means the guide does not apply.
  const weighed: Decision['weighed'] =
    redFlags.length > 0 || exit
      ? []
      : plan.causes
          .map(({ cause, evidence }) => {
            let score = 0;
            const fired: FiredRule[] = [];
            const support: Condition[] = [];
            for (const ev of evidence) {
              if (!holds(ev, slots)) continue;
              score += ev.weight;
              fired.push(ev.fired);
              if (ev.weight > 0) support.push(ev.when);
            }
            return { cause, score, likelihood: likelihoodFor(score, cause.thresholds), fired, support };
          });
  return { urgency, redFlags, consultSigns, exit, adviceHolding, weighed };
}

type Said = (t: Parameters<typeof localize>[0]) => string;

/**
 * What every result in one language with one emergency number says the same: the top cards, the lists, each cause's
 * words. Said once and frozen (results share them): saying them again for each result cost about a twentieth of
 * `evaluate` on random answer sets, more on calm ones, whose results carry every list.
 */
interface PlainWords {
  say: Said;
  top: Record<Urgency, { title: string; action: string; consult: string; callIf: string | null }>;
  disclaimer: string;
  outOfScopeTitle: string;
  lists: Record<'safetyNet' | 'safetyNetToday' | 'selfCareAdvice' | 'antiInflammatory', ResultList | null>;
  causes: Map<Rules['causes'][number], { title: string; summary: string; advice: string[] }>;
}

/** Pairs of language and emergency number kept per rules object: a clinic's page uses one or two. */
const PLAIN_KEPT = 8;

function plainWords(rules: Rules, plan: Plan, locale: Locale, emergencyNumber: string): PlainWords {
  const key = `${locale} ${emergencyNumber}`;
  let plain = plan.plain.get(key);
  if (plain) return plain;
  // Every text that names the emergency number names the same one.
  const say: Said = (t) => {
    const words = localize(t, locale);
    return words.includes('{number}') ? words.replaceAll('{number}', emergencyNumber) : words;
  };
  const list = (l: TextList | undefined): ResultList | null =>
    l ? Object.freeze({ title: say(l.title), items: Object.freeze(l.items.map(say)) as string[], note: l.note ? say(l.note) : null }) : null;
  const { results } = rules;
  const top = Object.fromEntries(
    BY_RANK.map((u) => {
      const t = results.urgency[u];
      return [u, Object.freeze({ title: say(t.title), action: say(t.action), consult: say(t.consult), callIf: t.callIf ? say(t.callIf) : null })];
    }),
  ) as PlainWords['top'];
  plain = {
    say,
    top,
    disclaimer: say(results.disclaimer),
    outOfScopeTitle: say(results.outOfScopeTitle),
    lists: {
      safetyNet: list(results.safetyNet),
      safetyNetToday: list(results.safetyNetToday),
      selfCareAdvice: list(results.selfCareAdvice),
      antiInflammatory: list(results.antiInflammatory),
    },
    causes: new Map(
      rules.causes.map((c) => [c, { title: say(c.title), summary: say(c.summary), advice: Object.freeze(c.advice.map(say)) as string[] }]),
    ),
  };
  if (plan.plain.size >= PLAIN_KEPT) plan.plain.clear();
  plan.plain.set(key, plain);
  return plain;
}

/**
 * One result's answers and language, as its words read them: one object per call, its methods shared, where six
 * closures (a reader of two, a rule's reason, its words, a flag hit) were made anew for every call.
 */
class Speech implements AnswerReader {
  constructor(
    readonly rules: Rules,
    readonly program: SlotProgram,
    readonly slots: Slots,
    readonly locale: Locale,
    readonly emergencyNumber: string,
  ) {}

  holds(c: Condition): boolean {
    return this.program.compile(c)(this.slots);
  }

  valueOf(id: string): AnswerValue | undefined {
    const at = this.program.slotOf.get(id);
    return at === undefined ? undefined : this.slots[at];
  }

  /**
   * A fired rule's "because" words, remembered per rule by what its answers can make of them (see WordsKey), and
   * frozen: every result that quotes them gets the same list.
   */
  because(e: RuleEntry<{ when: Condition }>): Because[] {
    return e.fixed ? (e.fixedWords[this.locale] ??= this.make(e)) : e.key.words(this.slots, this.locale, e, this);
  }

  /** The words worked out (a rule's memo asks when it has none for these answers). */
  make(e: RuleEntry<{ when: Condition }>): Because[] {
    return Object.freeze(answerTextRead(this.rules, this, e.rule.when, this.locale)) as Because[];
  }

  /**
   * A rule's reason, as `say` gives it: kept with the rule for the last language and number it was said in (a page
   * says every result in one of each), where localising it and looking for `{number}` each time was a fiftieth of
   * `evaluate`'s time (a result says two dozen reasons).
   */
  reason(e: RuleEntry<{ reason: Parameters<typeof localize>[0] }>): string {
    const { locale, emergencyNumber } = this;
    if (e.reasonLocale === locale && e.reasonNumber === emergencyNumber) return e.reason;
    const words = localize(e.rule.reason, locale);
    e.reasonLocale = locale;
    e.reasonNumber = emergencyNumber;
    return (e.reason = words.includes('{number}') ? words.replaceAll('{number}', emergencyNumber) : words);
  }

  /** The hits of the flags or signs that fired, in their order. */
  hits(entries: readonly HitEntry[]): FlagHit[] {
    const hits = new Array<FlagHit>(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as HitEntry;
      hits[i] = new Hit(this, e, this.reason(e));
    }
    return hits;
  }
}

type HitEntry = RuleEntry<Rules['redFlags'][number] | Rules['consultSigns'][number]>;

/**
 * A flag or sign that fired. Its "because" words are worked out when first read: a random answer set fires about
 * twenty rules and their words were a third of `evaluate`'s time, while the callers that evaluate many people (the
 * reference population, the linter's walks) read only which rules fired. A class, so the getter is one shared
 * method (a getter on each result's own object was slower than making the words); `toJSON` writes the words out,
 * so a printed or stored result holds them as a plain object would.
 */
class Hit implements FlagHit {
  readonly id: string;
  readonly level: Urgency;
  readonly reason: string;
  #speech: Speech;
  #entry: HitEntry;
  #because: Because[] | undefined;

  constructor(speech: Speech, entry: HitEntry, reason: string) {
    this.id = entry.id;
    this.level = entry.level;
    this.reason = reason;
    this.#speech = speech;
    this.#entry = entry;
  }

  get because(): Because[] {
    return (this.#because ??= this.#speech.because(this.#entry));
  }

  toJSON(): FlagHit {
    return { id: this.id, level: this.level, reason: this.reason, because: this.because };
  }
}

function evaluateSlots(rules: Rules, slots: Slots, locale: Locale, options: EvaluateOptions | undefined): Result {
  const plan = planOf(rules);
  const emergencyNumber = options?.emergencyNumber ?? defaultEmergencyNumber(rules);
  const plain = plainWords(rules, plan, locale, emergencyNumber);
  const { say } = plain;
  const speech = new Speech(rules, slotProgram(rules), slots, locale, emergencyNumber);
  const { urgency, redFlags: flagEntries, consultSigns: signEntries, exit, adviceHolding, weighed } = decide(plan, slots, true);
  const trace: FiredRule[] = [];
  for (const e of flagEntries) trace.push(e.fired);
  for (const e of signEntries) trace.push(e.fired);
  if (exit) trace.push(exit.fired);
  const redFlags = speech.hits(flagEntries);
  const consultSigns = speech.hits(signEntries);
  const causes: CauseResult[] = weighed.map(({ cause, score, likelihood, fired, support }): CauseResult => {
    for (const f of fired) trace.push(f);
    // A cause's words (its evidence can span many questions) are worked out when read: most results whose
    // causes are weighed are never shown (the impact analysis's population, the linter's walks).
    let words: Because[] | undefined;
    const said = plain.causes.get(cause) as { title: string; summary: string; advice: string[] };
    return {
      id: cause.id,
      likelihood,
      score,
      title: said.title,
      summary: said.summary,
      advice: said.advice,
      get because() {
        return (words ??= answerTextOfAllRead(rules, speech, support, locale));
      },
      set because(value: Because[]) {
        words = value;
      },
    };
  }).sort(ranked);

  // Advice that holds, on results no more urgent than it is written for (see `decide`).
  const advice: Result['advice'] = [];
  for (const e of adviceHolding) {
    trace.push(e.fired);
    advice.push({ id: e.rule.id, text: say(e.rule.text), because: speech.because(e) });
  }

  const texts = plain.top[urgency];
  // A red flag that sets the urgency may name the service to call instead of the urgency's generic action; only when
  // every flag at that level has one (saddle numbness in pregnancy still means the emergency number, not the
  // maternity unit alone).
  // (Found in one pass over the flags, with no lists made: evaluate runs a hundred thousand times in the bench.)
  let ownAction: Rules['redFlags'][number]['action'];
  for (const { rule } of flagEntries) {
    if (rule.level !== urgency) continue;
    if (!rule.action) {
      ownAction = undefined;
      break;
    }
    ownAction ??= rule.action;
  }
  // A consultation's card may be a sign's own (a stinging pee: a pharmacist or GP, not a physiotherapist; pregnancy:
  // the midwife): the first sign in the file with words of its own, whatever other signs or a scope exit set the
  // consultation too, so the rules put the sooner time frame first. (A dizzy 15-year-old was told "avoid only the
  // exercise that hurts" beside the advice not to train: the final check of rules 3.3.0, case F17.)
  let ownConsult: Rules['consultSigns'][number]['consult'];
  if (urgency === 'consult') {
    for (const { rule } of signEntries) {
      if (!rule.action && !rule.consult) continue;
      ownAction = rule.action;
      ownConsult = rule.consult;
      break;
    }
  }
  // Self-care advice is for the people the check is made for, and after a scope exit that leaves them to look after
  // it themselves: not after one that sends them on (a child, whose care someone else plans; see the rule's level).
  const selfCare = (urgency === 'self-care' || urgency === 'consult') && (!exit || exit.rule.level === 'self-care');
  return {
    rulesId: rules.meta.id,
    rulesVersion: rules.meta.version,
    urgency,
    title: texts.title,
    action: ownAction ? say(ownAction) : texts.action,
    consult: ownConsult ? say(ownConsult) : texts.consult,
    callIf: texts.callIf,
    emergencyNumber,
    disclaimer: plain.disclaimer,
    redFlags,
    consultSigns,
    outOfScope: exit
      ? { id: exit.rule.id, title: plain.outOfScopeTitle, message: say(exit.rule.message), because: speech.because(exit) }
      : null,
    causes,
    trace,
    safetyNet: urgency === 'emergency' ? null : plain.lists.safetyNet,
    // An urgent result already says "today": the same-day tier is for results that do not.
    safetyNetToday: urgency === 'self-care' || urgency === 'consult' ? plain.lists.safetyNetToday : null,
    selfCareAdvice: selfCare ? plain.lists.selfCareAdvice : null,
    antiInflammatory:
      selfCare && plain.lists.selfCareAdvice && !(plan.antiInflammatoryOff && holds(plan.antiInflammatoryOff, slots)) ? plain.lists.antiInflammatory : null,
    advice,
  };
}

