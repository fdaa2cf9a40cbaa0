// Answers laid out by question position ("slots"), and conditions compiled to read them, once per rules object.
// Why: an answers object is a record keyed by question id whose shape differs from person to person, so every
// `answers[id]` in a compiled condition was a megamorphic property lookup, the biggest single cost of `evaluate` and
// of the impact analysis's walks. Reading an array by index costs next to nothing; the record is read once per call.
import type { Condition, Rules } from '../rules/schema.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { answerTest, compileCondition, ticksAny } from './conditions.ts';
import { rulesIndex } from './rules-index.ts';

/** One answer per slot: the rules' questions in asking order, then any other id a condition names. */
export type Slots = (AnswerValue | undefined)[];
export type SlotPredicate = (slots: Slots) => boolean;

export interface SlotProgram {
  /** The slot of each question id, and of each unknown id a condition names (after the questions). */
  slotOf: ReadonlyMap<string, number>;
  /** The question ids in asking order. */
  ids: readonly string[];
  /** Ids of the slots after the questions: named by a condition, asked by no question (the schema forbids it). */
  extraIds: readonly string[];
  /** Per question position: its skip logic compiled over slots, or null when it is always shown. */
  shown: readonly (SlotPredicate | null)[];
  /** The positions of the questions with skip logic, in asking order. */
  conditional: readonly number[];
  /** The condition compiled over this rules object's slots (cached: conditions are frozen with their rules). */
  compile(condition: Condition): SlotPredicate;
  /**
   * An option id as the question's own option holds it (the id as given when the question has no such option). The
   * compiled tests compare answers with these strings: an answer given through the check is that very string, and
   * the same string object compares equal at once, where an equal copy (a rule's `is: yes` is read from the file
   * apart from the option's `id: yes`) is compared letter by letter, which was a tenth of `evaluate`'s time.
   */
  option(questionId: string, optionId: string): string;
}

// Keyed by the rules object, not the condition: one condition object may be shared by two rules objects whose
// questions sit at other positions (a scaled or edited copy), and each must read its own slots.
const programs = new WeakMap<Rules, SlotProgram>();

export function slotProgram(rules: Rules): SlotProgram {
  let program = programs.get(rules);
  if (program) return program;
  const slotOf = new Map<string, number>();
  const extraIds: string[] = [];
  const slot = (id: string): number => {
    let at = slotOf.get(id);
    if (at === undefined) {
      at = slotOf.size;
      slotOf.set(id, at);
      if (at >= rules.questions.length) extraIds.push(id);
    }
    return at;
  };
  for (const q of rules.questions) slot(q.id);
  const { optionById } = rulesIndex(rules);
  const option = (questionId: string, optionId: string): string => optionById.get(questionId)?.get(optionId)?.id ?? optionId;
  const compiled = new Map<Condition, SlotPredicate>();
  const compile = (condition: Condition): SlotPredicate => {
    let predicate = compiled.get(condition);
    if (!predicate) compiled.set(condition, (predicate = compileOver(condition, compile, slot, option)));
    return predicate;
  };
  const shown = rules.questions.map((q) => (q.showIf ? compile(q.showIf) : null));
  const conditional = rules.questions.flatMap((q, i) => (q.showIf ? [i] : []));
  program = { slotOf, ids: rules.questions.map((q) => q.id), extraIds, shown, conditional, compile, option };
  programs.set(rules, program);
  return program;
}

/**
 * The answers that count, by slot: an answer to a question hidden by skip logic is left out, as `pruneAnswers`
 * leaves it out (skip logic only looks back, so one pass in asking order is enough). An id no question asks keeps
 * its answer only when nothing was left out, exactly as `applicableAnswers` does.
 */
export function answerSlots(rules: Rules, answers: Answers): Slots {
  const { ids, extraIds, shown } = slotProgram(rules);
  const count = ids.length;
  const slots: Slots = new Array<AnswerValue | undefined>(count + extraIds.length);
  // Pruned as read, in asking order, as `pruneSlots` prunes (skip logic only looks back, so the answers a question's
  // skip logic reads are in place and final): a hidden question's answer is not looked up, since reading the record by
  // id was a tenth of `evaluate`'s time and skip logic hides about one question in five. Whether an answer was left
  // out matters only to the ids no question asks (none in the shipped rules), so only then is it read.
  const extra = extraIds.length > 0;
  let pruned = false;
  for (let at = 0; at < count; at++) {
    const show = shown[at];
    if (show && !show(slots)) {
      slots[at] = undefined;
      if (extra && answers[ids[at] as string] !== undefined) pruned = true;
    } else slots[at] = answers[ids[at] as string];
  }
  for (let k = 0; k < extraIds.length; k++) slots[count + k] = pruned ? undefined : answers[extraIds[k] as string];
  return slots;
}

/** Leaves out, in place, the answers to questions skip logic hides; true when one was left out. */
export function pruneSlots(rules: Rules, slots: Slots): boolean {
  const { shown, conditional } = slotProgram(rules);
  let pruned = false;
  for (const at of conditional) {
    if (slots[at] !== undefined && !(shown[at] as SlotPredicate)(slots)) {
      slots[at] = undefined;
      pruned = true;
    }
  }
  return pruned;
}

type OptionOf = SlotProgram['option'];

/** A leaf reads its question's slot; the rest is conditions.ts's one compiler. */
function compileOver(condition: Condition, sub: (c: Condition) => SlotPredicate, slot: (id: string) => number, option: OptionOf): SlotPredicate {
  const flat = isGroup(condition, sub, slot, option);
  if (flat) return flat;
  return compileCondition<Slots>(condition, sub, (leaf) => {
    const at = slot(leaf.question);
    if ('is' in leaf) {
      // The commonest leaf by far, written out: one call per leaf instead of two, in the engine's innermost loop.
      const wanted = option(leaf.question, leaf.is);
      return (slots) => {
        const value = slots[at];
        return value === wanted || (Array.isArray(value) && value.includes(wanted));
      };
    }
    // `isAny` with the question's own option strings: an answer met as that very option is found at once.
    const test = answerTest('isAny' in leaf ? { ...leaf, isAny: leaf.isAny.map((o) => option(leaf.question, o)) } : leaf);
    return (slots) => test(slots[at]);
  });
}

/** A compiled group: its leaves by kind (each kind's slots and what it wants), its other parts, how many must hold. */
export interface Group {
  /** Its `is` leaves: the slot each reads and its option (the question's own string, see `option`). */
  ats: readonly number[];
  wanted: readonly string[];
  /** Its `isAny` leaves: the slot each reads and its options. */
  anyAts: readonly number[];
  anyWanted: readonly (readonly string[])[];
  /** Its scale leaves: the slot each reads and the numbers that hold (`atLeast` up, or `atMost` down). */
  scaleAts: readonly number[];
  mins: readonly number[];
  maxs: readonly number[];
  /**
   * Its parts that are groups themselves, tested by the same loops; for an `all` among them, the slot and option of
   * its first `is` leaf (else -1), tested before the call, as `holds` tests a rule's (most such parts fail there).
   */
  subs: readonly Group[];
  subAts: readonly number[];
  subWanted: readonly string[];
  /** Its other parts (a `not`), compiled. */
  others: readonly SlotPredicate[];
  all: boolean;
  need: number;
}

/** The group behind each compiled group predicate, so that `holds` can test it in place (see `Testable`). */
const groups = new WeakMap<SlotPredicate, Group>();

type IsLeaf = Extract<Condition, { is: string }>;
type IsAnyLeaf = Extract<Condition, { isAny: string[] }>;
type ScaleLeaf = Extract<Condition, { atLeast: number; question: string } | { atMost: number }>;

/**
 * `all`, `any` or `at least N of` (a grouped check's signs, "two or more unsure", "this sign, with one of these"):
 * its leaves are tested in loops by kind with no call each, its parts that are groups by the same code, then the
 * rest. At first only `is` leaves were, the other parts called through their closures, of half a dozen kinds per
 * call site (those calls were a tenth of `evaluate`'s time). The same meaning as the general form (how many parts
 * hold, against how many are needed): the parts are pure, so the order they are tested in cannot change the answer.
 */
function isGroup(condition: Condition, sub: (c: Condition) => SlotPredicate, slot: (id: string) => number, option: OptionOf): SlotPredicate | null {
  const group = 'all' in condition ? condition.all : 'any' in condition ? condition.any : 'of' in condition ? condition.of : null;
  if (!group || group.length === 0) return null;
  const all = 'all' in condition;
  const g = groupOf(group, sub, slot, option, all, all ? group.length : 'of' in condition ? Math.max(1, condition.atLeast) : 1);
  const predicate: SlotPredicate = (slots) => groupHolds(g, slots);
  groups.set(predicate, g);
  return predicate;
}

function groupOf(
  parts: readonly Condition[],
  sub: (c: Condition) => SlotPredicate,
  slot: (id: string) => number,
  option: OptionOf,
  all: boolean,
  need: number,
): Group {
  const is = parts.filter((c): c is IsLeaf => 'is' in c);
  const isAny = parts.filter((c): c is IsAnyLeaf => 'isAny' in c);
  const scale = parts.filter((c): c is ScaleLeaf => 'question' in c && ('atLeast' in c || 'atMost' in c));
  const subs: Group[] = [];
  const others: SlotPredicate[] = [];
  for (const c of parts) {
    if ('question' in c) continue;
    const predicate = sub(c);
    const g = groups.get(predicate);
    if (g) subs.push(g);
    else others.push(predicate);
  }
  return {
    ats: is.map((c) => slot(c.question)),
    wanted: is.map((c) => option(c.question, c.is)),
    anyAts: isAny.map((c) => slot(c.question)),
    anyWanted: isAny.map((c) => c.isAny.map((o) => option(c.question, o))),
    scaleAts: scale.map((c) => slot(c.question)),
    // As conditions.ts `answerTest` reads a scale leaf: `atLeast` first.
    mins: scale.map((c) => ('atLeast' in c ? c.atLeast : -Infinity)),
    maxs: scale.map((c) => ('atLeast' in c ? Infinity : c.atMost)),
    subs,
    subAts: subs.map((g) => firstIsOf(g).at),
    subWanted: subs.map((g) => firstIsOf(g).option),
    others,
    all,
    need,
  };
}

/** The `is` leaf that must hold for an `all` group to (its first), tested before the group's call; -1 when none. */
function firstIsOf(g: Group): { at: number; option: string } {
  return g.all && g.ats.length > 0 ? { at: g.ats[0] as number, option: g.wanted[0] as string } : { at: -1, option: '' };
}

function groupHolds(g: Group, slots: Slots): boolean {
  const { all, need } = g;
  let count = 0;
  const { ats, wanted } = g;
  for (let i = 0; i < ats.length; i++) {
    const value = slots[ats[i] as number];
    const w = wanted[i] as string;
    if (value === w || (Array.isArray(value) && value.includes(w))) {
      if (++count >= need) return true;
    } else if (all) return false;
  }
  const { anyAts, anyWanted } = g;
  for (let i = 0; i < anyAts.length; i++) {
    const value = slots[anyAts[i] as number];
    const w = anyWanted[i] as readonly string[];
    if (typeof value === 'string' ? w.includes(value) : Array.isArray(value) && ticksAny(value, w)) {
      if (++count >= need) return true;
    } else if (all) return false;
  }
  const { scaleAts, mins, maxs } = g;
  for (let i = 0; i < scaleAts.length; i++) {
    const value = slots[scaleAts[i] as number];
    if (typeof value === 'number' && value >= (mins[i] as number) && value <= (maxs[i] as number)) {
      if (++count >= need) return true;
    } else if (all) return false;
  }
  const { subs, subAts, subWanted } = g;
  for (let i = 0; i < subs.length; i++) {
    const at = subAts[i] as number;
    let held: boolean;
    if (at < 0) held = groupHolds(subs[i] as Group, slots);
    else {
      const value = slots[at];
      const w = subWanted[i] as string;
      held = (value === w || (Array.isArray(value) && value.includes(w))) && groupHolds(subs[i] as Group, slots);
    }
    if (held) {
      if (++count >= need) return true;
    } else if (all) return false;
  }
  const { others } = g;
  for (let i = 0; i < others.length; i++) {
    if ((others[i] as SlotPredicate)(slots)) {
      if (++count >= need) return true;
    } else if (all) return false;
  }
  return false;
}

/**
 * A rule's condition, compiled; a single `is` leaf (half the rules: "a warning sign answered Yes") is also kept as
 * its slot and option, tested in place: calling one of a hundred different closures per rule was a fifth of the time.
 * So is a group (most other rules) and a lone leaf of another kind, as a group of one: their calls through `test`, to
 * closures of half a dozen kinds, were a twentieth of `evaluate`'s time.
 */
export interface Testable {
  test: SlotPredicate;
  /**
   * The slot of an `is` leaf that must hold for the condition to (a lone `is`, or one of an `all` group's), or -1;
   * `whole` when that leaf is all of it. Most rules are `all` groups whose first part fails: testing that part
   * before the group's call made `evaluate` a thirtieth faster.
   */
  isAt: number;
  isOption: string;
  whole: boolean;
  /** The group `test` tests, or null. */
  group: Group | null;
}

export function testableOf(condition: Condition, program: SlotProgram): Testable {
  const test = program.compile(condition);
  if ('is' in condition) {
    return { test, isAt: program.slotOf.get(condition.question) as number, isOption: program.option(condition.question, condition.is), whole: true, group: null };
  }
  // Any other leaf (a rule's lone `isAny` or scale test) as a group of one: tested in place, as its leaves are in a group.
  const slot = (id: string): number => program.slotOf.get(id) as number;
  const group = 'question' in condition ? groupOf([condition], program.compile, slot, program.option, true, 1) : (groups.get(test) ?? null);
  const first = group ? firstIsOf(group) : { at: -1, option: '' };
  return { test, isAt: first.at, isOption: first.option, whole: false, group };
}

/** The same as `e.test(slots)`. */
export function holds(e: Testable, slots: Slots): boolean {
  if (e.isAt >= 0) {
    const value = slots[e.isAt];
    if (value !== e.isOption && !(Array.isArray(value) && value.includes(e.isOption))) return false;
    if (e.whole) return true;
  }
  return e.group === null ? e.test(slots) : groupHolds(e.group, slots);
}
