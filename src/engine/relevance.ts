// Can an answer still change the result? Before a screen is shown, each of its questions is tested: is there some
// answer to it, together with some answers to everything still to come, that changes the urgency, a red flag, a
// consult sign, the scope exit, an advice rule, or a cause's likelihood band? If not, the question is not asked.
//
// The test is exact, over the structured conditions, with the solver's two economies (see solver.ts): only the
// questions a rule names (and what their skip logic names) are searched, and each question's answers are cut down
// to the ones the conditions can tell apart. Questions before the screen keep the person's answers (unanswered
// ones stay unanswered: they were skipped or hidden); the screen's and every later question may take any answer
// or none (a later question may be skipped too). Where a search would grow too large, the question counts as
// relevant: asking one question too many is safe, skipping one that matters is not.
import type { Cause, Condition, Question, Rules, Urgency } from '../rules/schema.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { matches } from './conditions.ts';
import type { Slots } from './answer-slots.ts';
import type { Digits } from './answer-digits.ts';
import { likelihoodFor, urgencyRank } from './evaluate.ts';
import { layoutOf } from './screens.ts';
import { closure, indexRules, leavesByQuestion, partial, representativeAnswers, type RulesIndex } from './solver.ts';

/** What answers can still matter for, given the answers so far. */
export type Focus =
  /** No red flag or scope exit yet: the urgency, every rule that names the person's signs, every cause's band. */
  | { kind: 'everything' }
  /** After a red flag or scope exit: only what could raise the urgency above `above`. */
  | { kind: 'urgency'; above: Urgency }
  /** After an emergency sign: nothing more is asked. */
  | { kind: 'nothing' };

export function focusOf(rules: Rules, answers: Answers): Focus {
  const fired = rules.redFlags.filter((r) => matches(r.when, answers));
  if (fired.some((r) => r.level === 'emergency')) return { kind: 'nothing' };
  if (fired.length > 0) return { kind: 'urgency', above: 'urgent' };
  const exits = rules.scopeExits.filter((r) => matches(r.when, answers));
  if (exits.length > 0) return { kind: 'urgency', above: exits.some((r) => r.level === 'consult') ? 'consult' : 'self-care' };
  return { kind: 'everything' };
}

export type Target =
  | { kind: 'redFlag'; id: string; when: Condition; level: Urgency }
  | { kind: 'consultSign' | 'scopeExit' | 'advice'; id: string; when: Condition }
  | { kind: 'cause'; id: string; cause: Cause };

interface Context {
  index: RulesIndex;
  /** Targets that depend on each question (directly or through skip logic). */
  touching: Map<string, Target[]>;
  /** Nodes in all the questions' memo trees (InFocus.roots), to keep them bounded; `generation` counts clearings. */
  memoNodes: number;
  generation: number;
  /** The questions each target depends on (directly or through skip logic). */
  targetVars: Map<Target, readonly Question[]>;
  /** Per question and focus: its targets in focus and the questions they depend on, in asking order (the memo key). */
  inFocusNear: Map<Question, Partial<Record<FocusTag, InFocus>>>;
  /** The population's per-target tests (see `packedCanChange`), by target, then question id and screen start. */
  targetTests: Map<Target, Map<string, ((slots: Slots) => boolean) | null>>;
}

const contexts = new WeakMap<Rules, Context>();

function contextOf(rules: Rules): Context {
  let ctx = contexts.get(rules);
  if (ctx) return ctx;
  const index = indexRules(rules);
  const targets: Target[] = [
    ...rules.redFlags.map((r): Target => ({ kind: 'redFlag', id: r.id, when: r.when, level: r.level })),
    ...rules.consultSigns.map((r): Target => ({ kind: 'consultSign', id: r.id, when: r.when })),
    ...rules.scopeExits.map((r): Target => ({ kind: 'scopeExit', id: r.id, when: r.when })),
    // Advice never changes the urgency, but whether it is shown is part of the result.
    ...rules.advice.map((r): Target => ({ kind: 'advice', id: r.id, when: r.when })),
    ...rules.causes.map((c): Target => ({ kind: 'cause', id: c.id, cause: c })),
  ];
  const touching = new Map<string, Target[]>();
  const targetVars = new Map<Target, readonly Question[]>();
  for (const target of targets) {
    const vars = closure(index, targetConditions(target));
    targetVars.set(target, vars);
    for (const q of vars) touching.set(q.id, [...(touching.get(q.id) ?? []), target]);
  }
  ctx = { index, touching, memoNodes: 0, generation: 0, targetVars, inFocusNear: new Map(), targetTests: new Map() };
  contexts.set(rules, ctx);
  return ctx;
}

/**
 * A question's targets that the focus still cares about, and every question they depend on in asking order (so a
 * memo key stops at the first one still open). Only these answers can change the search: after a red flag, the few
 * questions of the red flags above it, not those of every cause the question also feeds (which, in a large file,
 * were most of its questions and made every person's key new).
 */
function inFocusNear(ctx: Context, question: Question, focus: Focus): InFocus {
  const tag: FocusTag = focus.kind === 'urgency' ? focus.above : focus.kind;
  let byFocus = ctx.inFocusNear.get(question);
  if (!byFocus) ctx.inFocusNear.set(question, (byFocus = {}));
  let found = byFocus[tag];
  if (!found) {
    const targets = (ctx.touching.get(question.id) ?? []).filter((t) => inFocus(t, focus));
    const near = new Map<string, Question>();
    for (const t of targets) for (const v of ctx.targetVars.get(t) ?? []) near.set(v.id, v);
    const at = (q: Question) => ctx.index.order.get(q.id) ?? 0;
    found = byFocus[tag] = {
      targets,
      near: [...near.values()].sort((a, b) => at(a) - at(b)).map((q) => ({ id: q.id, order: at(q) })),
      roots: new Map(),
      generation: ctx.generation,
    };
  }
  return found;
}

type FocusTag = Focus['kind'] | Urgency;

interface InFocus {
  targets: readonly Target[];
  /** With each one's place in asking order, read on every call. */
  near: readonly { id: string; order: number }[];
  /**
   * Remembered answers, by where the open questions start, then one level per question of `near` answered before
   * it: a tree of maps, so no key string is built for each of the millions of calls a population makes.
   */
  roots: Map<number, MemoNode>;
  generation: number;
}

interface MemoNode {
  next: Map<string | number, MemoNode>;
  answer?: boolean;
}

/** Bounded: a long batch (the bench's populations) must not grow the memo without end. */
const MEMO_NODES = 400_000;

function targetConditions(target: Target): Condition[] {
  return target.kind === 'cause' ? target.cause.evidence.map((e) => e.when) : [target.when];
}

/** The targets that the focus still cares about. */
function inFocus(target: Target, focus: Focus): boolean {
  if (focus.kind === 'nothing') return false;
  if (focus.kind === 'everything') return true;
  if (target.kind === 'redFlag') return urgencyRank(target.level) > urgencyRank(focus.above);
  // After a scope exit that leaves the person to self-care, a consult sign can still raise the urgency.
  return target.kind === 'consultSign' && focus.above === 'self-care';
}

/**
 * Whether some answer to `question` can change the result, given `given` (the answers to every question asked
 * before position `freeFrom` in asking order; questions from there on are still open).
 */
export function canChangeResult(rules: Rules, question: Question, given: Answers, focus: Focus, freeFrom: number): boolean {
  return canChangeResultAt(rules, question, () => given, focus, freeFrom);
}

/**
 * The same, for a caller that has the answers by position (the walk): `given` is made only when the search runs,
 * not for each of the many questions whose answer is remembered.
 */
export function canChangeResultAt(rules: Rules, question: Question, given: () => Answers, focus: Focus, freeFrom: number): boolean {
  if (focus.kind === 'nothing') return false;
  const ctx = contextOf(rules);
  const entry = inFocusNear(ctx, question, focus);
  const { targets, near } = entry;
  if (targets.length === 0) return false;
  // Remembered by the answers this question's targets in focus can see: other answers cannot change the outcome of
  // the search.
  fresh(ctx, entry);
  const answers = given();
  let node: MemoNode | undefined = entry.roots.get(freeFrom);
  if (!node) entry.roots.set(freeFrom, (node = { next: new Map() }));
  for (const v of near) {
    if (v.order >= freeFrom) break;
    const a = answers[v.id];
    const key = a === undefined ? '' : Array.isArray(a) ? `[${a.join(',')}]` : a;
    let next: MemoNode | undefined = node.next.get(key);
    if (!next) {
      counted(ctx);
      node.next.set(key, (next = { next: new Map() }));
    }
    node = next;
  }
  if (node.answer !== undefined) return node.answer;
  return (node.answer = anySwings(ctx, answers, freeFrom, targets, question.id));
}

/** Empties the entry's memos when the context's were cleared (see MEMO_NODES). */
function fresh(ctx: Context, entry: InFocus): void {
  if (entry.generation === ctx.generation) return;
  entry.roots = new Map();
  entry.generation = ctx.generation;
}

/** Counts one more remembered answer; past MEMO_NODES every memo starts again. */
function counted(ctx: Context): void {
  if (++ctx.memoNodes > MEMO_NODES) {
    ctx.memoNodes = 0;
    ctx.generation++;
  }
}

/**
 * `canChangeResultAt` for one question, focus and screen, bound once, for a caller that walks many people and has
 * their answers by position and a way to pack them (answer-digits.ts; passed in, so the browser does not ship it):
 * the population's walks ask this millions of times, and finding the question's memo by question, focus and screen
 * on every call was a tenth of the impact analysis. The same answers as `canChangeResultAt`, which it falls back to
 * when the answers do not pack.
 *
 * Remembered twice. Per target: a target's search reads only the answers to its own questions (a rule's, or a
 * cause's evidence's, with their skip logic), so each target's memo is keyed by those alone, and the question can
 * change the result when some target can change (`anySwings`). Keyed only by every question of all the targets at
 * once, as `canChangeResultAt` is, nearly every person was a new key on rules ten times larger, and each new key a
 * search of every target (a third of the impact analysis); one target's few questions take few answers, and its memo
 * soon knows them all. In front, the memo by every question at once still answers a person seen before with one key.
 */
export function packedCanChange(
  rules: Rules,
  question: Question,
  focus: Focus,
  freeFrom: number,
  pack: (questions: readonly { question: Question; at: number }[]) => Digits | null,
): (slots: Slots, given: () => Answers) => boolean {
  if (focus.kind === 'nothing') return () => false;
  const ctx = contextOf(rules);
  const { targets, near } = inFocusNear(ctx, question, focus);
  if (targets.length === 0) return () => false;
  const tests: ((slots: Slots) => boolean)[] = [];
  for (const target of targets) {
    const test = targetTest(ctx, rules, target, question, freeFrom, pack);
    if (!test) return (_slots, given) => canChangeResultAt(rules, question, given, focus, freeFrom);
    tests.push(test);
  }
  const anyTarget =
    tests.length === 1
      ? (tests[0] as (slots: Slots) => boolean)
      : (slots: Slots): boolean => {
          for (let i = 0; i < tests.length; i++) if ((tests[i] as (slots: Slots) => boolean)(slots)) return true;
          return false;
        };
  // In front, a memo by every question the targets read: one key for a person seen before, where asking each
  // target's memo is one key per target (a question read by twenty red flags asks twenty).
  const before = near.filter((v) => v.order < freeFrom).map((v) => ({ question: rules.questions[v.order] as Question, at: v.order }));
  const digits = tests.length > 1 && before.every((b) => b.question) ? pack(before) : null;
  if (!digits) return anyTarget;
  return digits.span <= SMALL_SPAN ? smallMemo(digits, anyTarget) : keyMemo(ctx, digits, anyTarget);
}

/**
 * Whether some answer to the question can move this one target, given the answers before the screen, remembered
 * by the target's own answers (see `packedCanChange`); shared by every focus that keeps the target. Null when those
 * answers do not pack.
 */
function targetTest(
  ctx: Context,
  rules: Rules,
  target: Target,
  question: Question,
  freeFrom: number,
  pack: (questions: readonly { question: Question; at: number }[]) => Digits | null,
): ((slots: Slots) => boolean) | null {
  let byQuestion = ctx.targetTests.get(target);
  if (!byQuestion) ctx.targetTests.set(target, (byQuestion = new Map()));
  const place = `${question.id}@${freeFrom}`;
  const known = byQuestion.get(place);
  if (known !== undefined) return known;
  const before = (ctx.targetVars.get(target) ?? [])
    .map((q) => ctx.index.order.get(q.id) ?? 0)
    .filter((at) => at < freeFrom)
    .map((at) => ({ question: rules.questions[at] as Question, at }));
  const digits = before.every((b) => b.question) ? pack(before) : null;
  let test: ((slots: Slots) => boolean) | null = null;
  if (digits) {
    // The search reads only these answers: made from the slots, not from the record of every answer kept so far.
    const search = (slots: Slots): boolean => {
      const given: Record<string, AnswerValue> = {};
      for (const { question: q, at } of before) {
        const value = slots[at];
        if (value !== undefined) given[q.id] = value;
      }
      return swing({ index: ctx.index, given, freeFrom }, target, question.id).changes;
    };
    test = digits.span <= SMALL_SPAN ? smallMemo(digits, search) : keyMemo(ctx, digits, search);
  }
  byQuestion.set(place, test);
  return test;
}

/** Few keys: remembered in an array by key (0 not yet, 1 cannot change, 2 can), with no hashing of the key. */
function smallMemo(digits: Digits, search: (slots: Slots) => boolean): (slots: Slots) => boolean {
  const known = new Uint8Array(digits.span);
  return (slots) => {
    const key = digits.key(slots);
    // An answer no digit holds (not one of the question's options): asked each time, never remembered.
    if (key < 0) return search(slots);
    const was = known[key];
    if (was !== 0) return was === 2;
    const answer = search(slots);
    known[key] = answer ? 2 : 1;
    return answer;
  };
}

/** Its own memo (a table by key the packer gives: see answer-digits.ts `KeyMemo`), emptied with the context's (see MEMO_NODES). */
function keyMemo(ctx: Context, digits: Digits, search: (slots: Slots) => boolean): (slots: Slots) => boolean {
  let memo = digits.memo();
  let generation = ctx.generation;
  return (slots) => {
    if (generation !== ctx.generation) {
      memo = digits.memo();
      generation = ctx.generation;
    }
    const key = digits.key(slots);
    if (key < 0) return search(slots);
    const was = memo.get(key);
    if (was !== 0) return was === 2;
    counted(ctx);
    const answer = search(slots);
    memo.set(key, answer);
    return answer;
  };
}

/** Keys below this many are remembered in an array of that many bytes (see `packedCanChange`). */
const SMALL_SPAN = 4096;

/** Whether some answer to the question can move one of the targets (the search the memo remembers). */
function anySwings(ctx: Context, given: Answers, freeFrom: number, targets: readonly Target[], questionId: string): boolean {
  const space = { index: ctx.index, given, freeFrom };
  return targets.some((t) => swing(space, t, questionId).changes);
}

/** What a question's answer can move: each rule or cause that reads it (directly or through skip logic). */
export function targetsOf(rules: Rules, questionId: string): { kind: Target['kind']; id: string; level?: Urgency }[] {
  return (contextOf(rules).touching.get(questionId) ?? []).map((t) =>
    t.kind === 'redFlag' ? { kind: t.kind, id: t.id, level: t.level } : { kind: t.kind, id: t.id },
  );
}

/** Why a question could not change the result: for each target that depends on it, what holds whatever it is. */
export interface SkipReason {
  target: Target['kind'];
  id: string;
  /** `fires`/`cannot-fire`: the rule's outcome is settled; `settled`: the cause's band is settled at `band`;
   * `unmoved`: other answers decide it; `not-above`: it could not raise the urgency already reached. */
  status: 'fires' | 'cannot-fire' | 'settled' | 'unmoved' | 'not-above';
  band?: string;
}

export function skipReasons(rules: Rules, question: Question, given: Answers, focus: Focus, freeFrom: number): SkipReason[] {
  const ctx = contextOf(rules);
  const space = { index: ctx.index, given, freeFrom };
  return (ctx.touching.get(question.id) ?? []).map((t): SkipReason => {
    if (!inFocus(t, focus)) return { target: t.kind, id: t.id, status: 'not-above' };
    const s = swing(space, t, question.id);
    if (t.kind === 'cause') {
      const [band] = s.outcomes;
      return s.outcomes.size === 1 && band !== undefined
        ? { target: t.kind, id: t.id, status: 'settled', band }
        : { target: t.kind, id: t.id, status: 'unmoved' };
    }
    if (s.outcomes.size === 1) return { target: t.kind, id: t.id, status: s.outcomes.has('true') ? 'fires' : 'cannot-fire' };
    return { target: t.kind, id: t.id, status: 'unmoved' };
  });
}

interface EvidenceItem {
  e: { when: Condition; weight: number };
  vars: OpenVariables;
}

interface Space {
  index: RulesIndex;
  given: Answers;
  freeFrom: number;
}

interface Swing {
  /** Some completion where changing only this question's answer changes the outcome. */
  changes: boolean;
  /** Every outcome seen (a rule's "true"/"false", a cause's band). Complete only when `changes` is false. */
  outcomes: Set<string>;
}

/** Searches stop here and count as "can change": past this size the rules are unusual and caution wins. */
const BUDGET = 50_000;

function swing(space: Space, target: Target, questionId: string): Swing {
  return target.kind === 'cause' ? causeSwing(space, target.cause, questionId) : ruleSwing(space, target.when, questionId);
}

interface OpenVariables {
  all: readonly Question[];
  open: readonly Question[];
  domains: ReadonlyMap<string, readonly (AnswerValue | undefined)[]>;
}

/**
 * One condition's open variables, by rules index and screen: they read no answer, and a population's relevance
 * searches asked for the same few hundred again and again (working them out was half of each search).
 */
const openCache = new WeakMap<RulesIndex, Map<number, WeakMap<Condition, OpenVariables>>>();

/** The open questions a set of conditions depends on, with the answers each may take (none included). */
function openVariables(space: Space, conditions: readonly Condition[]): OpenVariables {
  const one = conditions.length === 1 ? conditions[0] : undefined;
  if (!one) return openVariablesOf(space, conditions);
  let byScreen = openCache.get(space.index);
  if (!byScreen) openCache.set(space.index, (byScreen = new Map()));
  let cache = byScreen.get(space.freeFrom);
  if (!cache) byScreen.set(space.freeFrom, (cache = new WeakMap()));
  let known = cache.get(one);
  if (!known) cache.set(one, (known = openVariablesOf(space, conditions)));
  return known;
}

function openVariablesOf(space: Space, conditions: readonly Condition[]): OpenVariables {
  const all = closure(space.index, conditions);
  const open = all.filter((q) => (space.index.order.get(q.id) ?? 0) >= space.freeFrom);
  const relevantConditions = [...conditions, ...all.flatMap((q) => (q.showIf ? [q.showIf] : []))];
  const named = leavesByQuestion(relevantConditions);
  const domains = new Map(open.map((q) => [q.id, [...representativeAnswers(q, named.get(q.id) ?? []), undefined]]));
  return { all, open, domains };
}

/**
 * Every combination of raw answers to `vars` (no answer included). Stops early when `visit` returns true; `skip`,
 * asked after each partial assignment (the first questions of `vars`), may cut a branch it knows cannot matter.
 * Returns false when the combinations are more than the budget and no cut brought them under it.
 */
function enumerate(
  vars: readonly Question[],
  domains: OpenVariables['domains'],
  visit: (raw: Record<string, AnswerValue | undefined>) => boolean,
  skip?: (raw: Record<string, AnswerValue | undefined>, assigned: ReadonlySet<string>) => boolean,
): boolean {
  let size = 1;
  for (const v of vars) size *= domains.get(v.id)?.length ?? 1;
  // Without a way to cut branches, a search this size is not started; with one, the visits are counted instead.
  if (size > BUDGET && !skip) return false;
  const raw: Record<string, AnswerValue | undefined> = {};
  const assigned = new Set<string>();
  let visits = 0;
  let exhausted = false;
  const step = (i: number): boolean => {
    if (++visits > BUDGET) {
      exhausted = true;
      return true;
    }
    if (skip && skip(raw, assigned)) return false;
    if (i === vars.length) return visit(raw);
    const v = vars[i] as Question;
    assigned.add(v.id);
    for (const value of domains.get(v.id) ?? [undefined]) {
      raw[v.id] = value;
      if (step(i + 1)) return true;
    }
    assigned.delete(v.id);
    delete raw[v.id];
    return false;
  };
  step(0);
  return !exhausted;
}

/** The answers as the engine would see them: given ones, and open ones unless skip logic hides their question. */
function effective(space: Space, all: readonly Question[], raw: Record<string, AnswerValue | undefined>): Answers {
  const eff: Record<string, AnswerValue> = {};
  for (const q of all) {
    const open = (space.index.order.get(q.id) ?? 0) >= space.freeFrom;
    const value = open ? raw[q.id] : space.given[q.id];
    if (value === undefined) continue;
    if (open && q.showIf && !matches(q.showIf, eff)) continue;
    eff[q.id] = value;
  }
  return eff;
}

function ruleSwing(space: Space, when: Condition, questionId: string): Swing {
  const { all, open, domains } = openVariables(space, [when]);
  const outcomes = new Set<string>();
  if (!open.some((q) => q.id === questionId)) {
    outcomes.add(String(matches(when, effective(space, all, {}))));
    return { changes: false, outcomes };
  }
  const others = open.filter((q) => q.id !== questionId);
  const own = domains.get(questionId) ?? [undefined];
  let changes = false;
  const complete = enumerate(
    others,
    domains,
    (raw) => {
      const seen = new Set<boolean>();
      for (const value of own) {
        seen.add(matches(when, effective(space, all, { ...raw, [questionId]: value })));
        if (seen.size > 1) return (changes = true);
      }
      for (const s of seen) outcomes.add(String(s));
      return false;
    },
    // A branch where the rule is already settled, whatever this question and the rest say, cannot swing: its one
    // outcome is recorded and the branch skipped. This keeps combination rules over many questions cheap.
    (raw, assigned) => {
      const settled = settledValue(space, all, when, raw, assigned, questionId);
      if (settled === null) return false;
      outcomes.add(String(settled));
      return true;
    },
  );
  return { changes: changes || !complete, outcomes };
}

/**
 * The rule's value with only the first `assigned` open questions answered (the question being tested and the later
 * ones still open), in three-valued logic: null while it depends on what is still open. A question whose skip logic
 * is not settled yet counts as open.
 */
function settledValue(
  space: Space,
  all: readonly Question[],
  when: Condition,
  raw: Record<string, AnswerValue | undefined>,
  assigned: ReadonlySet<string>,
  questionId: string,
): boolean | null {
  const eff: Record<string, AnswerValue> = {};
  const unknown = new Set<string>();
  for (const q of all) {
    const isOpen = (space.index.order.get(q.id) ?? 0) >= space.freeFrom;
    if (!isOpen) {
      const value = space.given[q.id];
      if (value !== undefined) eff[q.id] = value;
      continue;
    }
    if (q.id === questionId || !assigned.has(q.id)) {
      unknown.add(q.id);
      continue;
    }
    const value = raw[q.id];
    if (value === undefined) continue;
    if (q.showIf) {
      const shown = partial(q.showIf, eff, (id) => unknown.has(id));
      if (shown === null) unknown.add(q.id);
      if (shown !== true) continue;
    }
    eff[q.id] = value;
  }
  return partial(when, eff, (id) => unknown.has(id));
}

/**
 * A cause's band can change when some answer to the question moves its score across a threshold. Evidence that
 * shares no open question with the question's evidence adds a score of its own, whatever this answer is: those
 * parts are searched separately and only the sums they can reach are kept.
 */
function causeSwing(space: Space, cause: Cause, questionId: string): Swing {
  const band = (score: number) => likelihoodFor(score, cause.thresholds);
  // Evidence grouped by the open questions it depends on (connected through shared questions).
  const items: EvidenceItem[] = cause.evidence.map((e) => ({ e, vars: openVariables(space, [e.when]) }));
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const { vars } of items) {
    const [first, ...rest] = vars.open;
    if (!first) continue;
    for (const q of rest) parent.set(find(q.id), find(first.id));
  }
  let constant = 0;
  const parts = new Map<string, typeof items>();
  for (const item of items) {
    const first = item.vars.open[0];
    if (!first) {
      if (matches(item.e.when, effective(space, item.vars.all, {}))) constant += item.e.weight;
      continue;
    }
    const root = find(first.id);
    parts.set(root, [...(parts.get(root) ?? []), item]);
  }
  const own = parts.get(find(questionId));
  const ownItems = own && own.some((i) => i.vars.open.some((q) => q.id === questionId)) ? own : undefined;

  // Scores the other parts can reach, summed.
  let others = new Set<number>([0]);
  for (const part of parts.values()) {
    if (part === ownItems) continue;
    const reach = partScores(space, part);
    if (!reach) return { changes: true, outcomes: new Set() };
    const next = new Set<number>();
    for (const a of others) for (const b of reach) next.add(a + b);
    others = next;
  }
  const outcomes = new Set<string>();
  if (!ownItems) {
    for (const o of others) outcomes.add(band(constant + o));
    return { changes: false, outcomes };
  }
  const all = uniqueQuestions(space, ownItems.flatMap((i) => i.vars.all));
  const open = uniqueQuestions(space, ownItems.flatMap((i) => i.vars.open));
  const conditions = ownItems.map((i) => i.e.when);
  const domains = openVariables(space, conditions).domains;
  const rest = open.filter((q) => q.id !== questionId);
  const ownValues = domains.get(questionId) ?? [undefined];
  let changes = false;
  const complete = enumerate(rest, domains, (raw) => {
    const scores = new Set<number>();
    for (const value of ownValues) {
      const eff = effective(space, all, { ...raw, [questionId]: value });
      scores.add(ownItems.reduce((sum, i) => sum + (matches(i.e.when, eff) ? i.e.weight : 0), 0));
    }
    for (const o of others) {
      const bands = new Set([...scores].map((s) => band(constant + s + o)));
      if (bands.size > 1) return (changes = true);
      for (const b of bands) outcomes.add(b);
    }
    return false;
  });
  return { changes: changes || !complete, outcomes };
}

/** The scores one independent part of a cause's evidence can add up to; null when too large to search. */
function partScores(space: Space, part: readonly EvidenceItem[]): Set<number> | null {
  const all = uniqueQuestions(space, part.flatMap((i) => i.vars.all));
  const open = uniqueQuestions(space, part.flatMap((i) => i.vars.open));
  const { domains } = openVariables(space, part.map((i) => i.e.when));
  const scores = new Set<number>();
  const complete = enumerate(open, domains, (raw) => {
    const eff = effective(space, all, raw);
    scores.add(part.reduce((sum, i) => sum + (matches(i.e.when, eff) ? i.e.weight : 0), 0));
    return false;
  });
  return complete ? scores : null;
}

/** Each question once, in asking order (skip logic is applied in that order). */
function uniqueQuestions(space: Space, list: readonly Question[]): Question[] {
  const seen = new Map<string, Question>();
  for (const q of list) seen.set(q.id, q);
  const at = (q: Question) => space.index.order.get(q.id) ?? 0;
  return [...seen.values()].sort((a, b) => at(a) - at(b));
}

/** For tests and tools: the screens' first positions, so callers can give `freeFrom` for a question's screen. */
export function screenStart(rules: Rules, questionId: string): number {
  const layout = layoutOf(rules);
  const first = layout.screenOf.get(questionId)?.questions[0];
  return first ? (layout.order.get(first.id) ?? 0) : (layout.order.get(questionId) ?? 0);
}
