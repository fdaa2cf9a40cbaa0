// Answers packed into one number, for memo keys over a fixed list of questions (relevance.ts): one digit per
// question, each answer by its place among the question's options (a tick list by the options it ticks) or its
// scale value. A Map lookup per person and question instead of one per question read: the impact analysis asks
// "can this still change the result?" about every question of 100,000 people, and walking a tree of maps, one level
// per answer, was a quarter of its time on rules ten times larger.
import type { Condition, Question, Rules } from '../rules/schema.ts';
import type { AnswerValue } from './answers.ts';
import type { Slots } from './answer-slots.ts';
import { leaves } from './solver.ts';

/** Per question id, the options the rules' conditions name (see `namedOptions`). */
export type NamedOptions = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Every option a condition names, per question: of every red flag, consult sign, scope exit, advice, cause evidence
 * and skip logic (all a relevance search reads). A question no condition names an option of has an empty set.
 */
export function namedOptions(rules: Rules): NamedOptions {
  const named = new Map<string, Set<string>>(rules.questions.map((q) => [q.id, new Set<string>()]));
  const conditions: Condition[] = [
    ...[...rules.redFlags, ...rules.consultSigns, ...rules.scopeExits, ...rules.advice].map((r) => r.when),
    ...rules.causes.flatMap((c) => c.evidence.map((e) => e.when)),
    ...rules.questions.flatMap((q) => (q.showIf ? [q.showIf] : [])),
  ];
  for (const leaf of conditions.flatMap(leaves)) {
    const into = named.get(leaf.question);
    if (!into) continue;
    if ('is' in leaf) into.add(leaf.is);
    else if ('isAny' in leaf) for (const id of leaf.isAny) into.add(id);
  }
  return named;
}

/** More options than this on a tick list: its ticks are not packed. */
const MAX_TICKED_OPTIONS = 20;

export interface Digits {
  /** The packed answers to the questions, or -1 when one of them has no digit (an answer that is no option, ticks out of order). */
  key(slots: Slots): number;
  /** How many keys there can be: every key is below it. */
  span: number;
  /** An empty memo of yes/no answers by these keys (see `KeyMemo`). */
  memo(): KeyMemo;
}

/**
 * Yes or no by packed key, in an open-addressed table of typed arrays. A key over a dozen questions is often past
 * 2^31: as a Map key each such number was boxed and hashed as a heap number, and those lookups were a twentieth of
 * the impact analysis on rules ten times larger. Here the key stays a plain double and is hashed from its two halves.
 */
export class KeyMemo {
  private keys = new Float64Array(INITIAL_SLOTS);
  /** Per slot: 0 empty, 1 no, 2 yes. */
  private answers = new Uint8Array(INITIAL_SLOTS);
  private used = 0;

  /** 1 (no) or 2 (yes) when the key is remembered, else 0. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let at = slotFor(key, mask); ; at = (at + 1) & mask) {
      const answer = this.answers[at] as number;
      if (answer === 0 || this.keys[at] === key) return answer;
    }
  }

  /** Remembers the answer for a key not yet remembered. */
  set(key: number, answer: boolean): void {
    // At most half full, so a probe soon meets an empty slot.
    if (2 * (this.used + 1) > this.keys.length) this.grow();
    this.put(key, answer ? 2 : 1);
    this.used++;
  }

  private put(key: number, answer: number): void {
    const mask = this.keys.length - 1;
    let at = slotFor(key, mask);
    while (this.answers[at] !== 0) at = (at + 1) & mask;
    this.keys[at] = key;
    this.answers[at] = answer;
  }

  private grow(): void {
    const { keys, answers } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.answers = new Uint8Array(keys.length * 2);
    for (let at = 0; at < keys.length; at++) if (answers[at] !== 0) this.put(keys[at] as number, answers[at] as number);
  }
}

const INITIAL_SLOTS = 64;

/** A key's first slot: its low and high 32 bits mixed (keys are whole numbers below 2^53). */
function slotFor(key: number, mask: number): number {
  const low = key >>> 0;
  const high = (key / 4294967296) >>> 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  return h & mask;
}

/** How a question's answer becomes its digit (0 for no answer): a scale's value within its range, a choice's place, a tick list's ticks as bits. */
const SCALE = 0;
const SINGLE = 1;
const MULTI = 2;
/** A choice, or a tick list, packed only by the options the rules name (see `digitsOf`'s `named`). */
const SINGLE_NAMED = 3;
const MULTI_NAMED = 4;
type Kind = typeof SCALE | typeof SINGLE | typeof MULTI | typeof SINGLE_NAMED | typeof MULTI_NAMED;

interface Code {
  kind: Kind;
  radix: number;
  /** The option ids in order (none for a scale). */
  options: readonly string[];
  min: number;
  max: number;
}

/**
 * Packs the answers at these positions, or null when they cannot all fit in one number. Equal keys, equal answers:
 * a digit stands for one answer exactly (a tick list in the options' order; any other order has no digit).
 *
 * With `named` (`namedOptions`: per question, every option a condition of the rules names), equal keys mean answers
 * that every condition of the rules reads alike: a choice or a tick no condition names matches no leaf, as no answer
 * matches none (a leaf is `is`/`isAny` of named options, or a number), so it is packed as no answer, and a tick list
 * by the named options it ticks. The relevance searches read the answers only through those conditions, so their
 * memos hit for far more people (most unnamed choices are a "No").
 */
export function digitsOf(questions: readonly { question: Question; at: number }[], named?: NamedOptions): Digits | null {
  const codes = questions.map(({ question }) => codeOf(question, named?.get(question.id)));
  if (codes.some((c) => c === null)) return null;
  let span = 1;
  for (const c of codes) span *= (c as Code).radix;
  if (span > Number.MAX_SAFE_INTEGER) return null;
  return new PackedDigits(
    span,
    questions.map((q) => q.at),
    codes as Code[],
  );
}

/**
 * `Digits` as a class: one `key` function for every list of questions, so the relevance tests' call to it (tens of
 * millions on rules ten times larger) has one target the compiler can inline, where a closure per list gave it
 * thousands.
 */
class PackedDigits implements Digits {
  // Parallel arrays and the digits worked out in the loop, with no call per question: the impact analysis packs
  // the answers before a screen for every question it may ask, and a function per question (one choice: a Map
  // lookup) was a tenth of it. An option list is a few ids, so finding one by indexOf costs less than hashing it.
  private readonly ats: readonly number[];
  private readonly kinds: readonly Kind[];
  private readonly radices: readonly number[];
  private readonly options: readonly (readonly string[])[];
  private readonly mins: readonly number[];
  private readonly maxes: readonly number[];

  constructor(
    readonly span: number,
    ats: readonly number[],
    codes: readonly Code[],
  ) {
    this.ats = ats;
    this.kinds = codes.map((c) => c.kind);
    this.radices = codes.map((c) => c.radix);
    this.options = codes.map((c) => c.options);
    this.mins = codes.map((c) => c.min);
    this.maxes = codes.map((c) => c.max);
  }

  memo(): KeyMemo {
    return new KeyMemo();
  }

  key(slots: Slots): number {
    const { ats, kinds, radices, options, mins, maxes } = this;
    let key = 0;
    for (let i = 0; i < ats.length; i++) {
      const value = slots[ats[i] as number];
      let digit: number;
      if (value === undefined) digit = 0;
      else {
        const kind = kinds[i] as Kind;
        if (kind === SINGLE) {
          if (typeof value !== 'string') return -1;
          digit = (options[i] as readonly string[]).indexOf(value) + 1;
          if (digit === 0) return -1;
        } else if (kind === SINGLE_NAMED) {
          if (typeof value !== 'string') return -1;
          digit = (options[i] as readonly string[]).indexOf(value) + 1;
        } else if (kind === SCALE) {
          if (typeof value !== 'number' || !Number.isInteger(value) || value < (mins[i] as number) || value > (maxes[i] as number)) return -1;
          digit = 1 + value - (mins[i] as number);
        } else if (kind === MULTI_NAMED) {
          digit = namedTicks(options[i] as readonly string[], value);
          if (digit < 0) return -1;
        } else {
          digit = ticks(options[i] as readonly string[], value);
          if (digit < 0) return -1;
        }
      }
      key = key * (radices[i] as number) + digit;
    }
    return key;
  }
}

/** A tick list's digit: 1 + the bits of the options it ticks, or -1 when it is no tick list of them in order. */
function ticks(options: readonly string[], value: AnswerValue): number {
  if (!Array.isArray(value)) return -1;
  let mask = 0;
  let last = -1;
  for (const id of value) {
    const i = options.indexOf(id);
    if (i < 0 || i <= last) return -1;
    last = i;
    mask |= 1 << i;
  }
  return 1 + mask;
}

/** A tick list's digit by the named options it ticks (any order, others ignored), or -1 when it is no list. */
function namedTicks(named: readonly string[], value: AnswerValue): number {
  if (!Array.isArray(value)) return -1;
  let mask = 0;
  for (const id of value) {
    const i = named.indexOf(id);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

function codeOf(question: Question, named: ReadonlySet<string> | undefined): Code | null {
  if (question.type === 'scale') return { kind: SCALE, radix: question.max - question.min + 2, options: [], min: question.min, max: question.max };
  if (named) {
    // In the options' order; an option no condition names cannot change any condition's value.
    const kept = question.options.map((o) => o.id).filter((id) => named.has(id));
    if (question.type === 'single') return { kind: SINGLE_NAMED, radix: kept.length + 1, options: kept, min: 0, max: 0 };
    if (kept.length > MAX_TICKED_OPTIONS) return null;
    return { kind: MULTI_NAMED, radix: 2 ** kept.length, options: kept, min: 0, max: 0 };
  }
  const options = question.options.map((o) => o.id);
  // Option ids are unique (the schema checks it), so an id's place is its index.
  if (question.type === 'single') return { kind: SINGLE, radix: options.length + 1, options, min: 0, max: 0 };
  if (options.length > MAX_TICKED_OPTIONS) return null;
  return { kind: MULTI, radix: 2 ** options.length + 1, options, min: 0, max: 0 };
}
