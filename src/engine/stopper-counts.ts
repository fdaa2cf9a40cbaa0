// The population's walks (navigation.ts `collectedOutcome`) reread a screen's red flags and scope exits after every
// screen. On rules ten times larger many of them are long groups ("any of these 16", "at least 2 of 16"), and testing
// every part again after each screen was about a third of the impact analysis. Here the group's `is` parts are
// counted as the walk keeps answers, once per answer, and a reread compares the count with what the group needs.
// Only the population's walks (lint/population.ts) import this, so the check in the browser, which walks one person,
// does not ship it.
import type { Condition, Rules } from '../rules/schema.ts';
import type { AnswerValue } from './answers.ts';
import { holds, slotProgram, type SlotPredicate, type Slots } from './answer-slots.ts';
import type { Stopper, StopperCounts } from './navigation.ts';

/** What is counted, per rules object: per stopper (by `Stopper.index`) and per question position. */
interface CountPlan {
  /** The count of parts that must hold, or -1 when the stopper is not a group with `is` parts (tested whole). */
  need: Int32Array;
  /** Whether it is `all` (every part must hold). */
  all: Uint8Array;
  /** How many of its parts are `is` leaves (those are counted). */
  counted: Int32Array;
  /** Its other parts, compiled: tested at reread time, as answer-slots.ts `isGroup` tests them. */
  others: (readonly SlotPredicate[])[];
  /** The `is` leaves reading each position: entries from `from[position]` to `from[position + 1]`. */
  from: Int32Array;
  leafStopper: Int32Array;
  leafOption: string[];
  /** The walk's counts, reset for each walk (walks never run inside walks). */
  counts: Int32Array;
}

const plans = new WeakMap<Rules, CountPlan>();

function groupOf(condition: Condition): readonly Condition[] | null {
  return 'all' in condition ? condition.all : 'any' in condition ? condition.any : 'of' in condition ? condition.of : null;
}

function planOf(rules: Rules, stoppers: readonly Stopper[]): CountPlan {
  const { compile, slotOf, option } = slotProgram(rules);
  const size = stoppers.length;
  const positions = rules.questions.length;
  const need = new Int32Array(size).fill(-1);
  const all = new Uint8Array(size);
  const counted = new Int32Array(size);
  const others: SlotPredicate[][] = Array.from({ length: size }, () => []);
  const byPosition: { stopper: number; option: string }[][] = Array.from({ length: positions }, () => []);
  for (const stopper of stoppers) {
    const { when, index } = stopper;
    const group = groupOf(when);
    const leaves = group?.filter((c): c is Extract<Condition, { is: string }> => 'is' in c) ?? [];
    // The same groups answer-slots.ts compiles as counts (`isGroup`), with the same need.
    if (!group || group.length === 0 || leaves.length === 0) continue;
    need[index] = 'all' in when ? group.length : 'of' in when ? Math.max(1, when.atLeast) : 1;
    all[index] = 'all' in when ? 1 : 0;
    counted[index] = leaves.length;
    others[index] = group.filter((c) => !('is' in c)).map(compile);
    for (const leaf of leaves) {
      const at = slotOf.get(leaf.question) as number;
      // A slot after the questions is never answered by a walk: its leaf never holds, so there is nothing to count.
      if (at < positions) byPosition[at]?.push({ stopper: index, option: option(leaf.question, leaf.is) });
    }
  }
  const from = new Int32Array(positions + 1);
  const leafStopper: number[] = [];
  const leafOption: string[] = [];
  byPosition.forEach((entries, at) => {
    from[at] = leafStopper.length;
    for (const e of entries) {
      leafStopper.push(e.stopper);
      leafOption.push(e.option);
    }
  });
  from[positions] = leafStopper.length;
  return { need, all, counted, others, from, leafStopper: Int32Array.from(leafStopper), leafOption, counts: new Int32Array(size) };
}

/** The same test as an `is` leaf's (answer-slots.ts). */
function isAnswer(value: AnswerValue | undefined, option: string): boolean {
  return value === option || (Array.isArray(value) && value.includes(option));
}

/** Counts for one walk through `rules`, whose stoppers are `stoppers` (navigation.ts `walkStoppers`), all at zero. */
export function stopperCounts(rules: Rules, stoppers: readonly Stopper[]): StopperCounts {
  let plan = plans.get(rules);
  if (!plan) plans.set(rules, (plan = planOf(rules, stoppers)));
  const { need, all, counted, others, from, leafStopper, leafOption, counts } = plan;
  counts.fill(0);
  return {
    keep(position, value, was) {
      const end = from[position + 1] as number;
      for (let k = from[position] as number; k < end; k++) {
        const option = leafOption[k] as string;
        const now = isAnswer(value, option);
        if (now === (was !== undefined && isAnswer(was, option))) continue;
        const i = leafStopper[k] as number;
        counts[i] = (counts[i] as number) + (now ? 1 : -1);
      }
    },
    holds(stopper: Stopper, slots: Slots) {
      const i = stopper.index;
      const needed = need[i] as number;
      if (needed < 0) return holds(stopper, slots);
      let count = counts[i] as number;
      if (count >= needed) return true;
      const every = all[i] === 1;
      if (every && count < (counted[i] as number)) return false;
      const rest = others[i] as readonly SlotPredicate[];
      for (let k = 0; k < rest.length; k++) {
        if ((rest[k] as SlotPredicate)(slots)) {
          if (++count >= needed) return true;
        } else if (every) return false;
      }
      return false;
    },
  };
}
