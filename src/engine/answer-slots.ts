// Answers laid out by question position ("slots"), and conditions compiled to read them, once per rules object.
// Why: an answers object is a record keyed by question id whose shape differs from person to person, so every
// `answers[id]` in a compiled condition was a megamorphic property lookup, the biggest single cost of `evaluate` and
// of the impact analysis's walks. Reading an array by index costs next to nothing; the record is read once per call.
import type { Condition, Rules } from '../rules/schema.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { answerTest, compileCondition } from './conditions.ts';
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

/** A compiled group: the slots and options of its `is` leaves, its other parts, and how many must hold. */
export interface Group {
  ats: readonly number[];
  wanted: readonly string[];
  others: readonly SlotPredicate[];
  all: boolean;
  need: number;
}

/** The group behind each compiled group predicate, so that `holds` can test it in place (see `Testable`). */
const groups = new WeakMap<SlotPredicate, Group>();

/**
 * `all`, `any` or `at least N of` with `is` leaves among its parts (a grouped check's signs, "two or more unsure",
 * "this sign, with one of these"): the `is` leaves are tested in one loop with no call each, then the other parts.
 * The same meaning as the general form (how many parts hold, against how many are needed): the parts are pure, so
 * the order they are tested in cannot change the answer.
 */
function isGroup(condition: Condition, sub: (c: Condition) => SlotPredicate, slot: (id: string) => number, option: OptionOf): SlotPredicate | null {
  const group = 'all' in condition ? condition.all : 'any' in condition ? condition.any : 'of' in condition ? condition.of : null;
  if (!group || group.length === 0) return null;
  const leaves = group.filter((c): c is Extract<Condition, { is: string }> => 'is' in c);
  if (leaves.length === 0) return null;
  const all = 'all' in condition;
  const g: Group = {
    ats: leaves.map((c) => slot(c.question)),
    wanted: leaves.map((c) => option(c.question, c.is)),
    others: group.filter((c) => !('is' in c)).map(sub),
    all,
    need: all ? group.length : 'of' in condition ? Math.max(1, condition.atLeast) : 1,
  };
  const predicate: SlotPredicate = (slots) => groupHolds(g, slots);
  groups.set(predicate, g);
  return predicate;
}

function groupHolds(g: Group, slots: Slots): boolean {
  const { ats, wanted, others, all, need } = g;
  let count = 0;
  for (let i = 0; i < ats.length; i++) {
    const value = slots[ats[i] as number];
    const w = wanted[i] as string;
    if (value === w || (Array.isArray(value) && value.includes(w))) {
      if (++count >= need) return true;
    } else if (all) return false;
  }
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
 * So is a group with `is` parts (most other rules): their calls through `test`, to closures of half a dozen kinds,
 * were a twentieth of `evaluate`'s time.
 */
export interface Testable {
  test: SlotPredicate;
  /** The slot a lone `is` leaf reads, or -1. */
  isAt: number;
  isOption: string;
  /** The group `test` tests, or null. */
  group: Group | null;
}

export function testableOf(condition: Condition, program: SlotProgram): Testable {
  const test = program.compile(condition);
  return 'is' in condition
    ? { test, isAt: program.slotOf.get(condition.question) as number, isOption: program.option(condition.question, condition.is), group: null }
    : { test, isAt: -1, isOption: '', group: groups.get(test) ?? null };
}

/** The same as `e.test(slots)`. */
export function holds(e: Testable, slots: Slots): boolean {
  if (e.isAt < 0) return e.group === null ? e.test(slots) : groupHolds(e.group, slots);
  const value = slots[e.isAt];
  return value === e.isOption || (Array.isArray(value) && value.includes(e.isOption));
}
