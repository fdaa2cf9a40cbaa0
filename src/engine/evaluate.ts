// The clinical outcome of a set of answers: a pure function of the rules and the answers, nothing else.
import type { Condition, Likelihood, Rules, TextList, Urgency } from '../rules/schema.ts';
import { FALLBACK_EMERGENCY_NUMBER } from '../rules/emergency.ts';
import { localize, type Locale } from '../rules/text.ts';
import { answerText, answerTextOfAll, type Because } from './because.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { predicate } from './conditions.ts';
import { questionIdsOf } from './rules-index.ts';
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

// ---- The rules compiled for evaluating, once per rules object (rules never change once loaded) ----

/**
 * Words remembered per locale, by the answers to the questions a rule reads, one level per question (a tree of
 * maps: no key string to build and hash for every rule that fires).
 */
type WordsMemo = Record<Locale, WordsTree>;
interface WordsTree {
  next: Map<string | number, WordsTree>;
  words?: Because[];
  /** At the root: how many nodes the tree has, to keep it bounded. */
  size: number;
}

interface RuleEntry<R> {
  rule: R;
  test: (answers: Answers) => boolean;
  /** Its line in the trace: the same object for every result (frozen). */
  fired: FiredRule;
  /** The questions `when` reads, for the words' memo key. */
  reads: readonly string[];
  /** Holds for one answer to each question it reads: the words are the same whenever the rule fires, kept here. */
  fixed: boolean;
  fixedWords: Partial<Record<Locale, Because[]>>;
  /** `any` over such conditions: the words depend only on which of them hold (the memo's key, as bits). */
  branches: readonly ((answers: Answers) => boolean)[] | null;
  words: WordsMemo;
}

interface CauseEntry {
  cause: Rules['causes'][number];
  evidence: { weight: number; when: Condition; test: (answers: Answers) => boolean; fired: FiredRule }[];
}

interface Plan {
  redFlags: RuleEntry<Rules['redFlags'][number]>[];
  consultSigns: RuleEntry<Rules['consultSigns'][number]>[];
  scopeExits: RuleEntry<Rules['scopeExits'][number]>[];
  advice: RuleEntry<Rules['advice'][number]>[];
  causes: CauseEntry[];
}

const plans = new WeakMap<Rules, Plan>();

const tree = (): WordsTree => ({ next: new Map(), size: 0 });
const memo = (): WordsMemo => ({ en: tree(), es: tree() });

function planOf(rules: Rules): Plan {
  let plan = plans.get(rules);
  if (plan) return plan;
  const single = new Set(rules.questions.filter((q) => q.type === 'single').map((q) => q.id));
  // `is` on a single-choice question, or all of such: when it holds, every answer it reads is known.
  const fixed = (c: Condition): boolean => ('is' in c && single.has(c.question)) || ('all' in c && c.all.every(fixed));
  const entry = <R extends { id: string; when: Condition }>(rule: R, kind: FiredRule['kind']): RuleEntry<R> => ({
    rule,
    test: predicate(rule.when),
    fired: Object.freeze({ id: rule.id, kind }),
    reads: questionIdsOf(rule.when),
    fixed: fixed(rule.when),
    fixedWords: {},
    branches: 'any' in rule.when && rule.when.any.length <= 30 && rule.when.any.every(fixed) ? rule.when.any.map(predicate) : null,
    words: memo(),
  });
  plan = {
    redFlags: rules.redFlags.map((r) => entry(r, 'redFlag')),
    consultSigns: rules.consultSigns.map((r) => entry(r, 'consultSign')),
    scopeExits: rules.scopeExits.map((r) => entry(r, 'scopeExit')),
    advice: rules.advice.map((r) => entry(r, 'advice')),
    causes: rules.causes.map((cause) => ({
      cause,
      evidence: cause.evidence.map((e) => ({
        weight: e.weight,
        when: e.when,
        test: predicate(e.when),
        fired: Object.freeze({ id: e.id, kind: 'evidence' as const, cause: cause.id, weight: e.weight }),
      })),
    })),
  };
  plans.set(rules, plan);
  return plan;
}

/** One step down the tree from `node`: the node for this answer (a tick list by its ticks). */
function branch(root: WordsTree, node: WordsTree, value: AnswerValue | undefined): WordsTree {
  const key = value === undefined ? '' : Array.isArray(value) ? `[${value.join(',')}]` : value;
  let child = node.next.get(key);
  if (!child) {
    // Bounded: a rule (or a cause's evidence) over many questions must not keep every combination of a long run.
    if (++root.size > WORDS_KEPT) {
      root.next.clear();
      root.size = 0;
    }
    node.next.set(key, (child = tree()));
  }
  return child;
}

/** The node under `node` for these answers to `reads`. */
function nodeFor(root: WordsTree, node: WordsTree, reads: readonly string[], answers: Answers): WordsTree {
  for (const id of reads) node = branch(root, node, answers[id]);
  return node;
}

const WORDS_KEPT = 4096;

/**
 * The words kept at `node`, else `work`'s, kept there (frozen: every result that quotes them gets the same list).
 * Words cost more than the rest of `evaluate` together, and the same answers recur (a check run again, the
 * machine's guards, the impact analysis's 100,000 people).
 */
function wordsAt(node: WordsTree, work: () => Because[]): Because[] {
  return (node.words ??= Object.freeze(work()) as Because[]);
}

export function evaluate(rules: Rules, rawAnswers: Answers, locale: Locale = 'en', options: EvaluateOptions = {}): Result {
  const plan = planOf(rules);
  // Answers to questions that do not apply (hidden by skip logic) must not count for or against anything.
  const answers = applicableAnswers(rules, rawAnswers);
  const emergencyNumber = options.emergencyNumber ?? defaultEmergencyNumber(rules);
  // Every text that names the emergency number names the same one.
  const say = (t: Parameters<typeof localize>[0]) => {
    const words = localize(t, locale);
    return words.includes('{number}') ? words.replaceAll('{number}', emergencyNumber) : words;
  };
  // Each fired rule's "because" words, remembered per rule by the answers it reads (see WordsTree).
  const because = (e: RuleEntry<{ when: Condition }>): Because[] => {
    if (e.fixed) return (e.fixedWords[locale] ??= Object.freeze(answerText(rules, answers, e.rule.when, locale)) as Because[]);
    const root = e.words[locale];
    let node: WordsTree;
    if (e.branches) {
      let held = 0;
      for (let i = 0; i < e.branches.length; i++) if ((e.branches[i] as (a: Answers) => boolean)(answers)) held |= 1 << i;
      node = branch(root, root, held);
    } else node = nodeFor(root, root, e.reads, answers);
    return node.words ?? wordsAt(node, () => answerText(rules, answers, e.rule.when, locale));
  };
  const hit = (e: RuleEntry<{ id: string; when: Condition; reason: Parameters<typeof localize>[0] } & { level: Urgency }>): FlagHit => ({
    id: e.rule.id,
    level: e.rule.level,
    reason: say(e.rule.reason),
    because: because(e),
  });
  const trace: FiredRule[] = [];

  let urgency: Urgency = 'self-care';
  const redFlags: FlagHit[] = [];
  const firedFlags: Rules['redFlags'][number][] = [];
  for (const e of plan.redFlags) {
    if (!e.test(answers)) continue;
    trace.push(e.fired);
    redFlags.push(hit(e));
    firedFlags.push(e.rule);
    urgency = moreUrgent(urgency, e.rule.level);
  }
  const consultSigns: FlagHit[] = [];
  for (const e of plan.consultSigns) {
    if (!e.test(answers)) continue;
    trace.push(e.fired);
    consultSigns.push(hit(e));
    urgency = moreUrgent(urgency, e.rule.level);
  }
  const exit = plan.scopeExits.find((e) => e.test(answers));
  if (exit) trace.push(exit.fired);
  const adviceHolding = plan.advice.filter((e) => e.test(answers));

  // Out of scope sends the person on at the exit's own level (a child: see someone; pain that began before training:
  // general back-pain advice), raised as usual by any sign.
  if (exit) urgency = moreUrgent(urgency, exit.rule.level);

  // Causes are only weighed when no red flag and no scope exit decided the outcome: with a red flag the person
  // needs care, not training tips, and an out-of-scope answer means the guide does not apply.
  const causes: CauseResult[] =
    redFlags.length > 0 || exit
      ? []
      : plan.causes
          .map(({ cause, evidence }): CauseResult => {
            let score = 0;
            const support: Condition[] = [];
            for (const ev of evidence) {
              if (!ev.test(answers)) continue;
              score += ev.weight;
              trace.push(ev.fired);
              if (ev.weight > 0) support.push(ev.when);
            }
            // A cause's words (its evidence can span many questions) are worked out when read: most results whose
            // causes are weighed are never shown (the impact analysis's population, the linter's walks).
            let words: Because[] | undefined;
            return {
              id: cause.id,
              likelihood: likelihoodFor(score, cause.thresholds),
              score,
              title: say(cause.title),
              summary: say(cause.summary),
              advice: cause.advice.map(say),
              get because() {
                return (words ??= answerTextOfAll(rules, answers, support, locale));
              },
              set because(value: Because[]) {
                words = value;
              },
            };
          })
          .sort((a, b) => LIKELIHOOD_RANK[b.likelihood] - LIKELIHOOD_RANK[a.likelihood] || b.score - a.score);

  // Advice that holds, on results no more urgent than it is written for.
  const advice: Result['advice'] = [];
  for (const e of adviceHolding) {
    if (e.rule.upTo !== undefined && urgencyRank(urgency) > urgencyRank(e.rule.upTo)) continue;
    trace.push(e.fired);
    advice.push({ id: e.rule.id, text: say(e.rule.text), because: because(e) });
  }

  const texts = rules.results.urgency[urgency];
  // A red flag that sets the urgency may name the service to call instead of the urgency's generic action; only when
  // every flag at that level has one (saddle numbness in pregnancy still means the emergency number, not the
  // maternity unit alone).
  const deciding = firedFlags.filter((r) => r.level === urgency);
  const ownAction = deciding.length > 0 && deciding.every((r) => r.action) ? deciding[0]?.action : undefined;
  const list = (l: TextList | undefined): ResultList | null =>
    l ? { title: say(l.title), items: l.items.map(say), note: l.note ? say(l.note) : null } : null;
  // Self-care advice is for the people the check is made for, and after a scope exit that leaves them to look after
  // it themselves: not after one that sends them on (a child, whose care someone else plans; see the rule's level).
  const selfCare = (urgency === 'self-care' || urgency === 'consult') && (!exit || exit.rule.level === 'self-care');
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
      ? { id: exit.rule.id, title: say(rules.results.outOfScopeTitle), message: say(exit.rule.message), because: because(exit) }
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
