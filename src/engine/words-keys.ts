// Memo keys for a rule's "because" words. `evaluate` remembers each rule's words by what its answers can make of
// them; keyed by whole answers (one level per question, a tick list by all its ticks), a rule over sixteen warning
// signs or a tick list of eleven options met a new key for nearly every person, the memo kept being cleared, and
// working the words out again was most of `evaluate`'s time. The words only ever quote what a rule names, so the key
// is each answer as far as the rule can tell it apart, packed into one number.
import type { Condition, Rules } from '../rules/schema.ts';
import type { Locale } from '../rules/text.ts';
import type { AnswerValue } from './answers.ts';
import { slotProgram, type Slots } from './answer-slots.ts';
import type { Because } from './because.ts';
import { questionsIn } from './conditions.ts';

/**
 * One rule's words, remembered by a key of the answers (`words`): equal keys, equal words. An object with a method
 * rather than a function, so that the packed keys below are one class: `evaluate` asks every rule that fires for its
 * words, and a closure per rule gave that call as many targets as there are rules, none of which the compiler would
 * inline. The memo is the key's own, so that how it is held follows the key, and so that the packed keys' memo (in
 * an array for a small span), which only the bench and the reference population use, is not shipped to the browser.
 */
export interface WordsKey {
  /** The words for these answers in `locale`: remembered, or `maker.make(rule)` remembered. */
  words<R>(slots: Slots, locale: Locale, rule: R, maker: WordsMaker<R>): Because[];
}

/** What works a rule's words out when its memo has none (an object, not a closure made for each call). */
export interface WordsMaker<R> {
  make(rule: R): Because[];
}

/** Words kept per rule and language by a Map: bounded, so a long run (100,000 people) does not keep every combination. */
const WORDS_KEPT = 4096;

/** Words remembered in a bounded Map per language. */
function remembered<K, R>(memo: Map<K, Because[]>, key: K, rule: R, maker: WordsMaker<R>): Because[] {
  let words = memo.get(key);
  if (!words) {
    if (memo.size >= WORDS_KEPT) memo.clear();
    memo.set(key, (words = maker.make(rule)));
  }
  return words;
}

/** Keyed by the whole answers to the slots (`wholeKeyOf`). */
export class WholeKey implements WordsKey {
  private readonly memo: Record<Locale, Map<string, Because[]>> = { en: new Map(), es: new Map() };

  constructor(private readonly slots: readonly number[]) {}

  words<R>(s: Slots, locale: Locale, rule: R, maker: WordsMaker<R>): Because[] {
    return remembered(this.memo[locale], wholeKeyOf(s, this.slots), rule, maker);
  }
}

/**
 * Packed keys spanning at most this many are remembered in an array, read instead of a Map's hashing; the few keys
 * met in a larger span lie far apart, and a Map holds them in less memory (arrays that large, or chunks of them, were
 * no faster: most reads then missed the cache; a hash table of its own, in typed arrays, was no faster than the Map).
 */
const ARRAY_SPAN = 4096;

/** Above this many options named on one question, its ticks are not packed into a number. */
const MAX_NAMED = 16;

interface Part {
  at: number;
  /** The option ids the rule names on this question with `is`/`isAny`, when those are its only leaves on it. */
  named: readonly string[];
  /** Whether a tick list has digits of its own (not on a one-choice question: see wordsKeyOf). */
  ticks: boolean;
  /** How many values `classOf` can give (the next part's place value). */
  radix: number;
  /** Scale leaves (`atLeast`/`atMost`): the whole number is quoted, within the question's range. */
  range: { min: number; max: number } | null;
}

/**
 * The key function for `condition`'s words. Each question it reads becomes one digit: no answer, or an option it
 * does not name, is 0 (no leaf on it holds, nothing of it is quoted); a named option is its place in `named`; a tick
 * list is the set of named options it ticks (it quotes exactly those, in the order given: a list whose named ticks
 * are out of that order, or repeated, gets the whole-answer key instead); a scale answer is itself. A question under
 * a `not` is quoted whole, so such a rule, and any answer no digit can hold, is keyed by its whole answers.
 */
export function wordsKeyOf(rules: Rules, condition: Condition, slotOf: ReadonlyMap<string, number>): WordsKey {
  const ids = [...new Set(questionsIn(condition))];
  const slots = ids.map((id) => slotOf.get(id) as number);
  const whole = new WholeKey(slots);
  if (hasNot(condition)) return whole;
  const leaves = leavesByQuestion(condition);
  const { option } = slotProgram(rules);
  const parts: Part[] = [];
  let span = 1;
  for (const [i, id] of ids.entries()) {
    const on = leaves.get(id) ?? [];
    const question = rules.questions[slots[i] as number];
    let part: Part;
    if (on.every((c) => 'is' in c || 'isAny' in c)) {
      // As the question's options hold them: an answer is matched with `indexOf` (see `SlotProgram.option`).
      const named = [...new Set(on.flatMap((c) => ('is' in c ? [c.is] : 'isAny' in c ? c.isAny : [])))].map((o) => option(id, o));
      if (named.length > MAX_NAMED) return whole;
      // A one-choice question is answered with one option: its digit is one of few (a tick list given to it has
      // none, and is keyed whole), so that more rules' keys stay small enough for an array instead of a Map.
      const ticks = question?.type !== 'single';
      part = { at: slots[i] as number, named, ticks, radix: 1 + named.length + (ticks ? 2 ** named.length : 0), range: null };
    } else if (question?.type === 'scale' && on.every((c) => 'atLeast' in c || 'atMost' in c)) {
      const range = { min: question.min, max: question.max };
      part = { at: slots[i] as number, named: [], ticks: false, radix: question.max - question.min + 2, range };
    } else return whole;
    parts.push(part);
    span *= part.radix;
  }
  if (span > Number.MAX_SAFE_INTEGER) return whole;
  return new PackedKey(parts, whole, span);
}

/** A part's kind: a one-choice question with one option named (see `lone`), or with others; a tick list; a scale. */
const LONE = 0;
const ONE = 1;
const TICKS = 2;
const RANGE = 3;

/** The packed key of `wordsKeyOf`: one digit per part, or the whole answers' key when a digit cannot hold one. */
class PackedKey implements WordsKey {
  // Parallel arrays, and the commonest answer (one option) worked out in place: this runs for most rules that fire.
  private readonly ats: readonly number[];
  private readonly radices: readonly number[];
  private readonly options: readonly (readonly string[] | null)[];
  /**
   * A one-choice question's only named option, else null: most parts ("this sign answered Not sure"), whose digit is
   * then one comparison (1 for that option; 0 for any other or none; a list, which no digit holds, goes on below).
   */
  private readonly lone: readonly (string | null)[];
  /**
   * Every part such a one (grouped checks: "three or more of these sixteen unsure"), whose key is then the bits of
   * which hold, in a loop of one comparison each (the general loop on them: `evaluate` runs a thirtieth faster).
   */
  private readonly allLone: boolean;
  /** Each part's kind (below), and a scale's range: the general loop tells the kinds apart once each. */
  private readonly kinds: readonly number[];
  private readonly mins: readonly number[];
  private readonly maxs: readonly number[];

  private readonly byKey: Partial<Record<Locale, (Because[] | undefined)[]>> = {};
  private readonly memo: Record<Locale, Map<number, Because[]>> = { en: new Map(), es: new Map() };

  constructor(
    private readonly parts: readonly Part[],
    private readonly whole: WholeKey,
    readonly span: number,
  ) {
    this.ats = parts.map((p) => p.at);
    this.radices = parts.map((p) => p.radix);
    this.options = parts.map((p) => (p.range ? null : p.named));
    this.lone = parts.map((p) => (!p.range && !p.ticks && p.named.length === 1 ? (p.named[0] as string) : null));
    this.allLone = this.lone.every((one) => one !== null);
    this.kinds = parts.map((p, i) => (this.lone[i] !== null ? LONE : p.range ? RANGE : p.ticks ? TICKS : ONE));
    this.mins = parts.map((p) => p.range?.min ?? 0);
    this.maxs = parts.map((p) => p.range?.max ?? 0);
  }

  words<R>(s: Slots, locale: Locale, rule: R, maker: WordsMaker<R>): Because[] {
    const key = this.of(s);
    if (key < 0) return this.whole.words(s, locale, rule, maker);
    if (this.span > ARRAY_SPAN) return remembered(this.memo[locale], key, rule, maker);
    return ((this.byKey[locale] ??= new Array<Because[] | undefined>(this.span))[key] ??= maker.make(rule));
  }

  /** The packed key, or -1 when a digit cannot hold an answer (the whole answers key the words then). */
  of(s: Slots): number {
    const { ats, radices, options, parts, lone, maxs } = this;
    let key = 0;
    if (this.allLone) {
      // Each radix is 2: its option 1, any other answer or none 0, a list (which no digit holds) the whole key.
      for (let p = ats.length - 1; p >= 0; p--) {
        const value = s[ats[p] as number];
        if (value === lone[p]) key = key * 2 + 1;
        else if (Array.isArray(value)) return -1;
        else key *= 2;
      }
      return key;
    }
    const { kinds, mins } = this;
    for (let p = ats.length - 1; p >= 0; p--) {
      const value = s[ats[p] as number];
      let digit = 0;
      // As `classOf`, with the commonest kinds written out.
      if (value !== undefined) {
        const kind = kinds[p];
        if (kind === LONE) {
          if (value === lone[p]) digit = 1;
          else if (Array.isArray(value)) return -1;
        } else if (kind === ONE) {
          if (typeof value === 'string') digit = placeOf(options[p] as readonly string[], value);
          else if (Array.isArray(value)) return -1;
        } else if (kind === RANGE) {
          if (typeof value === 'number') {
            const min = mins[p] as number;
            if (!Number.isInteger(value) || value < min || value > (maxs[p] as number)) return -1;
            digit = 1 + value - min;
          }
        } else if ((digit = classOf(parts[p] as Part, value)) < 0) return -1;
      }
      key = key * (radices[p] as number) + digit;
    }
    return key;
  }
}

/**
 * `named.indexOf(option) + 1`, written out: `indexOf` is a call into a generic built-in, and a rule's key asks it of
 * every question the rule reads (a dozen for a grouped check), nearly always of a list of one or two.
 */
function placeOf(named: readonly string[], option: string): number {
  for (let k = 0; k < named.length; k++) if (named[k] === option) return k + 1;
  return 0;
}

/** The answer as far as the part can tell it apart (see wordsKeyOf), or -1 when no digit holds it. */
function classOf(part: Part, value: AnswerValue | undefined): number {
  if (value === undefined) return 0;
  if (part.range) {
    if (typeof value !== 'number') return 0;
    return Number.isInteger(value) && value >= part.range.min && value <= part.range.max ? 1 + value - part.range.min : -1;
  }
  const { named } = part;
  if (typeof value === 'string') return named.indexOf(value) + 1;
  if (!Array.isArray(value)) return 0;
  if (!part.ticks) return -1;
  let mask = 0;
  let last = -1;
  for (const id of value) {
    const index = named.indexOf(id);
    if (index < 0) continue;
    if (index <= last) return -1;
    last = index;
    mask |= 1 << index;
  }
  return mask === 0 ? 0 : named.length + mask;
}

/** The whole answers to the slots, as one string that tells any two sets of them apart. */
export function wholeKeyOf(s: Slots, slots: readonly number[]): string {
  let key = '';
  for (const at of slots) key += `${wholeKey(s[at])};`;
  return key;
}

/** One whole answer as a string that tells any two answers apart (a tick list by its ticks, in order). */
export function wholeKey(value: AnswerValue | undefined): string {
  if (!Array.isArray(value)) return typed(value);
  let key = `[${value.length}`;
  for (const tick of value) key += `,${typed(tick)}`;
  return `${key}]`;
}

/** A value with its type and length, so that no two values read alike. */
function typed(value: unknown): string {
  const text = String(value);
  return `${typeof value}${text.length}:${text}`;
}

function hasNot(c: Condition): boolean {
  if ('all' in c) return c.all.some(hasNot);
  if ('any' in c) return c.any.some(hasNot);
  if ('of' in c) return c.of.some(hasNot);
  return 'not' in c;
}

function leavesByQuestion(condition: Condition): Map<string, Extract<Condition, { question: string }>[]> {
  const leaves = new Map<string, Extract<Condition, { question: string }>[]>();
  const visit = (c: Condition): void => {
    if ('all' in c) return c.all.forEach(visit);
    if ('any' in c) return c.any.forEach(visit);
    if ('of' in c) return c.of.forEach(visit);
    if ('not' in c) return visit(c.not);
    leaves.set(c.question, [...(leaves.get(c.question) ?? []), c]);
  };
  visit(condition);
  return leaves;
}
