// What a rules change does to the people who use the check: both versions of the rules are run, with the engine's
// own `evaluate`, over (a) the clinicians' scenarios, (b) a generated population of answer sets (population.ts) and
// (c) answer sets searched for in the rules themselves (search-changes.ts), so that a change which lowers an
// urgency is found even when the people it affects are too rare to be drawn. Answer sets are compared on the
// questions both versions share, by id; a question only the new version has gets its most common answer, and the
// report says so. Pure: no files, no clock but the one timing figure, so the CLI, the review page's worker and the
// tests all run exactly this.
import { answerProblem, type AnswerValue, type Answers } from '../engine/answers.ts';
import { describeAnswer } from '../engine/because.ts';
import { evaluateWalked, outcomeWalked, urgencyRank, type Outcome, type Result } from '../engine/evaluate.ts';
import type { Expect } from '../scenarios/schema.ts';
import { compare } from '../scenarios/run.ts';
import { URGENCY_LEVELS, type Likelihood, type Question, type Rules, type Urgency } from '../rules/schema.ts';
import { answerModel, drawAnswer, walkQuestionnaireSlots, type AnswerModel, type QuestionModel } from './population.ts';
import { seededRandom, type Random } from '../engine/random-answers.ts';
import { searchUrgencyChanges } from './search-changes.ts';
import { mappedAnswer, type AnswerMap } from './answer-map.ts';
import { isVisible } from '../engine/visibility.ts';

export const DEFAULT_SETS = 100_000;
export const DEFAULT_SEED = 20261125;
/** Examples kept per kind of change, after minimising; candidates tried per kind before that. */
const EXAMPLES = 3;
const CANDIDATES = 4;
/** Kinds of change given examples besides those that lower an urgency (which always get them), commonest first. */
const EXAMPLE_KINDS = 12;

export interface ScenarioCase {
  /** The scenario's name (and "after change N" for its changes). */
  name: string;
  /** Where it is written, e.g. `rules/scenarios/red-flags.yaml`. */
  source: string;
  answers: Readonly<Record<string, AnswerValue>>;
  expect: Expect;
}

export interface ImpactOptions {
  sets?: number;
  seed?: number;
  scenarios?: readonly ScenarioCase[];
  /** How the old version's answers carry over to renamed or merged questions of the new one (answer-map.ts). */
  map?: AnswerMap;
  /** Told every few thousand answer sets, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface OutcomeSummary {
  urgency: Urgency;
  /** Red flags, consult signs and the scope exit that fired. */
  signs: string[];
  likely: string[];
  possible: string[];
  /** False when a red flag or scope exit decided and causes were not weighed. */
  causesWeighed: boolean;
}

export interface ExampleAnswer {
  questionId: string;
  answer: AnswerValue;
  /** The answer in words (option labels). */
  text: string;
}

export interface ImpactExample {
  /** The answers that differ from the most common ones; every other question: its most common answer. */
  answers: ExampleAnswer[];
  before: OutcomeSummary;
  after: OutcomeSummary;
}

export type ChangeFamily = 'urgency' | 'sign' | 'cause';

export interface ChangeKind {
  key: string;
  family: ChangeFamily;
  /** Some answer sets get a lower urgency: always listed first. */
  lowersUrgency: boolean;
  /** In words, e.g. "urgency lowered: urgent -> consult". */
  title: string;
  /** Answer sets of the generated population with this change. */
  count: number;
  /** Found by searching the rules (maybe too rare to be drawn). */
  searched: boolean;
  examples: ImpactExample[];
}

export interface SignChange {
  id: string;
  kindBefore: SignKind | null;
  kindAfter: SignKind | null;
  /** Answer sets (of the population) where it fires, before and after. */
  before: number;
  after: number;
  /** Fires after but not before, and the reverse. */
  gained: number;
  lost: number;
}

export type SignKind = 'red flag (emergency)' | 'red flag (urgent)' | 'consult sign' | 'scope exit';

export interface CauseChange {
  id: string;
  likelyBefore: number;
  likelyAfter: number;
  possibleBefore: number;
  possibleAfter: number;
}

export interface ScenarioImpact {
  name: string;
  source: string;
  before: OutcomeSummary;
  after: OutcomeSummary;
  changed: boolean;
  /** Questions the scenario does not answer, given their most common answer (new questions, mostly). */
  filled: string[];
  /** The scenario's own expectation against each version: empty when it holds. */
  failuresBefore: string[];
  failuresAfter: string[];
}

export interface ImpactReport {
  before: { id: string; version: string };
  after: { id: string; version: string };
  population: { sets: number; seed: number; ms: number };
  questions: {
    shared: number;
    /** Only in the new version: answered with their most common answer. */
    added: { id: string; answer: string }[];
    /** Only in the old version: their answers no longer count. */
    removed: string[];
    /** Shared questions whose old answers may not fit the new question: those get its most common answer. */
    remapped: { id: string; answer: string }[];
  };
  /** Answer sets by urgency, before (rows) and after (columns), in URGENCY_LEVELS order. */
  urgency: { levels: readonly Urgency[]; table: number[][]; lowered: number; raised: number };
  signs: SignChange[];
  causes: { changed: number; byCause: CauseChange[] };
  /** Every kind of change, those that lower an urgency first. */
  changes: ChangeKind[];
  scenarios: ScenarioImpact[];
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Both versions, with what comparing them needs. Answer vectors are arrays over the union of both versions'
 * questions ("slots": the old version's questions in order, then those only the new one has), so the hot loop of
 * the population reads and writes by index.
 */
interface Pair {
  before: Rules;
  after: Rules;
  modelBefore: AnswerModel;
  modelAfter: AnswerModel;
  /** Question id of each slot. */
  ids: string[];
  slotOf: Map<string, number>;
  /** For each version, the slot of the question at each position. */
  slots: { before: number[]; after: number[] };
  /** The old version's answer model per slot (none for a question only the new one has). */
  draws: (QuestionModel | undefined)[];
  /** The most common answer per slot: the old version's, and the new one's for its own questions. */
  common: AnswerValue[];
  /** Per version and position, its most common answer, and whether a carried-over answer must be checked against it. */
  fallback: { before: AnswerValue[]; after: AnswerValue[] };
  check: { before: boolean[]; after: boolean[] };
  /** Shared questions whose definitions differ. */
  changed: string[];
  map: AnswerMap | undefined;
  beforeById: Map<string, Question>;
}

/** An answer per slot (undefined: not answered yet, or the most common answer). */
type Vector = (AnswerValue | undefined)[];

function pairOf(before: Rules, after: Rules, map?: AnswerMap): Pair {
  const modelBefore = answerModel(before);
  const modelAfter = answerModel(after);
  const oldById = new Map(before.questions.map((q) => [q.id, q]));
  const newById = new Map(after.questions.map((q) => [q.id, q]));
  const ids = [...before.questions.map((q) => q.id), ...after.questions.filter((q) => !oldById.has(q.id)).map((q) => q.id)];
  const slotOf = new Map(ids.map((id, i) => [id, i]));
  const differs = (a: Question, b: Question) => JSON.stringify(shape(a)) !== JSON.stringify(shape(b));
  const changed = [...oldById.keys()].filter((id) => newById.has(id) && differs(oldById.get(id) as Question, newById.get(id) as Question));
  const isChanged = new Set(changed);
  const common = ids.map((id) => (modelBefore.common[id] ?? modelAfter.common[id]) as AnswerValue);
  return {
    before,
    after,
    modelBefore,
    modelAfter,
    ids,
    slotOf,
    slots: { before: before.questions.map((q) => slotOf.get(q.id) as number), after: after.questions.map((q) => slotOf.get(q.id) as number) },
    draws: ids.map((id) => modelBefore.byId.get(id)),
    common,
    fallback: {
      before: before.questions.map((q) => modelBefore.common[q.id] as AnswerValue),
      after: after.questions.map((q) => modelAfter.common[q.id] as AnswerValue),
    },
    check: { before: before.questions.map((q) => isChanged.has(q.id)), after: after.questions.map((q) => isChanged.has(q.id)) },
    changed,
    map,
    beforeById: oldById,
  };
}

/** What an answer to the question can be: its type and option ids, or its range. */
function shape(q: Question): unknown {
  return q.type === 'scale' ? [q.type, q.min, q.max] : [q.type, q.options.map((o) => `${o.id}/${o.kind}`)];
}

/** A vector with the given answers by question id (ids neither version has are left out). */
function vectorOf(pair: Pair, answers: Readonly<Record<string, AnswerValue>>): Vector {
  const vector: Vector = new Array<AnswerValue | undefined>(pair.ids.length);
  for (const [id, value] of Object.entries(answers)) {
    const slot = pair.slotOf.get(id);
    if (slot !== undefined) vector[slot] = value;
  }
  return vector;
}

/**
 * Answer a version's question from the vector. A question the vector has no answer for yet is drawn from the old
 * version's model when `draw` is given (the person answers it the way they would have), else it gets its most
 * common answer; an answer that does not fit the question (its options changed) becomes its most common answer.
 */
function answerer(pair: Pair, vector: Vector, side: 'before' | 'after', filled?: string[], draw?: Random): (q: Question, position: number) => AnswerValue {
  const slots = pair.slots[side];
  const check = pair.check[side];
  const fallback = pair.fallback[side];
  return (q, position) => {
    const slot = slots[position] as number;
    let value = vector[slot];
    if (value === undefined && draw !== undefined) {
      const model = pair.draws[slot];
      if (model !== undefined) value = vector[slot] = drawAnswer(model, draw);
    }
    if (value !== undefined && (!check[position] || answerProblem(q, value) === null)) return value;
    filled?.push(q.id);
    return fallback[position] as AnswerValue;
  };
}

interface Evaluated {
  before: Result;
  after: Result;
  /** The answers each walk kept, by id (made when asked for: the population never reads them). */
  answersBefore: () => Answers;
  answersAfter: () => Answers;
}

/**
 * Both questionnaires walked with the vector's answers, and evaluated. With `draw`, the vector is filled as the
 * questions are asked (the old version's walk first, so the population's answers to it never depend on the new one).
 */
function run(pair: Pair, vector: Vector, filled?: { before: string[]; after: string[] }, draw?: Random): Evaluated {
  const { before, after } = walks(pair, vector, filled, draw);
  return {
    before: evaluateWalked(pair.before, before.slots),
    after: evaluateWalked(pair.after, after.slots),
    answersBefore: before.kept,
    answersAfter: after.kept,
  };
}

/** Both questionnaires walked with the vector's answers (see `run`). */
function walks(pair: Pair, vector: Vector, filled?: { before: string[]; after: string[] }, draw?: Random): { before: Walked; after: Walked } {
  const before = walkQuestionnaireSlots(pair.before, answerer(pair, vector, 'before', filled?.before, draw));
  const plain = answerer(pair, vector, 'after', filled?.after, draw);
  const map = pair.map;
  const ask = map === undefined ? plain : mappedAnswerer(pair, map, vector, before.kept(), plain, draw);
  return { before, after: walkQuestionnaireSlots(pair.after, ask) };
}

type Walked = ReturnType<typeof walkQuestionnaireSlots>;

/**
 * The new version's answers through the map: a mapped question takes the answer the map works out from the old
 * version's answers (those the old questionnaire collected; an old question it did not reach, because it stopped
 * early, is drawn as the person would have answered it, if its skip logic lets it be asked). Unmapped questions, and
 * mapped ones the map gives nothing for, are answered as without a map.
 */
function mappedAnswerer(
  pair: Pair,
  map: AnswerMap,
  vector: Vector,
  answersBefore: Answers,
  plain: (q: Question, position: number) => AnswerValue,
  draw?: Random,
): (q: Question, position: number) => AnswerValue {
  const known: Record<string, AnswerValue> = { ...answersBefore };
  const old = (id: string): AnswerValue | undefined => {
    if (known[id] !== undefined) return known[id];
    const question = pair.beforeById.get(id);
    const slot = pair.slotOf.get(id);
    if (!question || slot === undefined || !isVisible(question, known)) return undefined;
    let value = vector[slot];
    if (value === undefined && draw !== undefined) {
      const model = pair.draws[slot];
      if (model !== undefined) value = vector[slot] = drawAnswer(model, draw);
    }
    if (value !== undefined) known[id] = value;
    return value;
  };
  return (q, position) => mappedAnswer(map, pair.after, q.id, old) ?? plain(q, position);
}

function summary(result: Result): OutcomeSummary {
  return {
    urgency: result.urgency,
    signs: [...result.redFlags.map((h) => h.id), ...result.consultSigns.map((h) => h.id), ...(result.outOfScope ? [result.outOfScope.id] : [])],
    likely: result.causes.filter((c) => c.likelihood === 'likely').map((c) => c.id),
    possible: result.causes.filter((c) => c.likelihood === 'possible').map((c) => c.id),
    causesWeighed: result.causes.length > 0,
  };
}

/** The kinds of change one answer set shows, as keys (see `describeKey`). */
function kindsOf(before: Outcome, after: Outcome): string[] {
  const keys: string[] = [];
  if (before.urgency !== after.urgency) keys.push(`urgency:${before.urgency}>${after.urgency}`);
  const signs = (r: Outcome) => new Set([...r.redFlags.map((h) => h.id), ...r.consultSigns.map((h) => h.id), ...(r.outOfScope ? [r.outOfScope.id] : [])]);
  const a = signs(before);
  const b = signs(after);
  for (const id of b) if (!a.has(id)) keys.push(`sign+:${id}`);
  for (const id of a) if (!b.has(id)) keys.push(`sign-:${id}`);
  // Causes only where both versions weighed them: otherwise the urgency change already says what happened.
  if (before.causes.length > 0 && after.causes.length > 0) {
    const likelihoods = (r: Outcome) => new Map<string, Likelihood>(r.causes.map((c) => [c.id, c.likelihood]));
    const x = likelihoods(before);
    const y = likelihoods(after);
    for (const id of new Set([...x.keys(), ...y.keys()])) {
      const from = x.get(id) ?? 'unlikely';
      const to = y.get(id) ?? 'unlikely';
      if (from !== to) keys.push(`cause:${id}:${from}>${to}`);
    }
  }
  return keys;
}

function lowers(key: string): boolean {
  const m = /^urgency:(.+)>(.+)$/.exec(key);
  return m !== null && urgencyRank(m[2] as Urgency) < urgencyRank(m[1] as Urgency);
}

function familyOf(key: string): ChangeFamily {
  return key.startsWith('urgency:') ? 'urgency' : key.startsWith('sign') ? 'sign' : 'cause';
}

export function describeKey(key: string): string {
  const urgency = /^urgency:(.+)>(.+)$/.exec(key);
  if (urgency) {
    const [, from, to] = urgency as unknown as [string, Urgency, Urgency];
    return `urgency ${urgencyRank(to) < urgencyRank(from) ? 'lowered' : 'raised'}: ${from} -> ${to}`;
  }
  const sign = /^sign([+-]):(.+)$/.exec(key);
  if (sign) return `"${sign[2]}" ${sign[1] === '+' ? 'now fires' : 'no longer fires'}`;
  const cause = /^cause:(.+):(.+)>(.+)$/.exec(key);
  if (cause) return `cause "${cause[1]}": ${cause[2]} -> ${cause[3]}`;
  return key;
}

function signKinds(rules: Rules): Map<string, SignKind> {
  return new Map<string, SignKind>([
    ...rules.redFlags.map((r): [string, SignKind] => [r.id, r.level === 'emergency' ? 'red flag (emergency)' : 'red flag (urgent)']),
    ...rules.consultSigns.map((r): [string, SignKind] => [r.id, 'consult sign']),
    ...rules.scopeExits.map((r): [string, SignKind] => [r.id, 'scope exit']),
  ]);
}

/** Per sign: answer sets where it fires before and after, and where it starts or stops firing. */
interface SignTally {
  before: number;
  after: number;
  gained: number;
  lost: number;
}

/**
 * What the generated population adds to the report, over a range of its answer sets: counts, and per kind of change
 * the first few answer vectors that show it. Tallies of consecutive ranges merge into the tally of the whole
 * (`mergeTallies`): Maps keep the order keys were first seen in, so the merge is what one pass would have built.
 */
export interface PopulationTally {
  /** Answer sets by urgency, before (rows) and after (columns), in URGENCY_LEVELS order. */
  table: number[][];
  fired: Map<string, SignTally>;
  causeCounts: Map<string, Omit<CauseChange, 'id'>>;
  causesChanged: number;
  kinds: Map<string, { count: number; candidates: Vector[] }>;
}

export interface TallyRange {
  seed: number;
  /** Answer sets `from` (included) to `to` (excluded) of a population of `sets`. */
  from: number;
  to: number;
  sets: number;
  map?: AnswerMap;
  onProgress?: (done: number, total: number) => void;
}

function settings(options: ImpactOptions): { sets: number; seed: number } {
  return { sets: Math.max(0, Math.floor(options.sets ?? DEFAULT_SETS)), seed: options.seed ?? DEFAULT_SEED };
}

/** The impact of changing the rules from `before` to `after`. */
export function analyseImpact(before: Rules, after: Rules, options: ImpactOptions = {}): ImpactReport {
  const started = performance.now();
  const { sets, seed } = settings(options);
  const tally = tallyPopulation(before, after, { seed, from: 0, to: sets, sets, map: options.map, onProgress: options.onProgress });
  options.onProgress?.(sets, sets);
  return impactReport(before, after, options, tally, started);
}

/** The generated population's part of the analysis, for answer sets `range.from` to `range.to`. */
export function tallyPopulation(before: Rules, after: Rules, range: TallyRange): PopulationTally {
  return populationTallier(before, after, range)(range.from, range.to);
}

/**
 * Tallies of ranges of one population, the versions paired once (see `tallyPopulation`): for callers that tally it
 * in many small ranges (impact-parallel.ts, where two threads take the next range as each finishes one).
 */
export function populationTallier(before: Rules, after: Rules, population: Omit<TallyRange, 'from' | 'to'>): (from: number, to: number) => PopulationTally {
  const pair = pairOf(before, after, population.map);
  return (from, to) => tallyRange(pair, { ...population, from, to });
}

function tallyRange(pair: Pair, range: TallyRange): PopulationTally {
  const { before, after } = pair;
  const levels = URGENCY_LEVELS;
  const table = levels.map(() => levels.map(() => 0));
  const fired = new Map<string, SignTally>();
  const causeCounts = new Map(causeIdsOf(before, after).map((id) => [id, { likelyBefore: 0, likelyAfter: 0, possibleBefore: 0, possibleAfter: 0 }]));
  let causesChanged = 0;
  const kinds = new Map<string, { count: number; candidates: Vector[] }>();
  const kind = (key: string) => {
    let k = kinds.get(key);
    if (!k) kinds.set(key, (k = { count: 0, candidates: [] }));
    return k;
  };
  const tally = (id: string) => {
    let t = fired.get(id);
    if (!t) fired.set(id, (t = { before: 0, after: 0, gained: 0, lost: 0 }));
    return t;
  };

  const count = (r: Outcome, side: 'before' | 'after') => {
    for (const h of r.redFlags) tally(h.id)[side] += 1;
    for (const h of r.consultSigns) tally(h.id)[side] += 1;
    if (r.outOfScope) tally(r.outOfScope.id)[side] += 1;
    for (const c of r.causes) {
      const counts = causeCounts.get(c.id);
      if (!counts || c.likelihood === 'unlikely') continue;
      if (c.likelihood === 'likely') counts[side === 'before' ? 'likelyBefore' : 'likelyAfter'] += 1;
      else counts[side === 'before' ? 'possibleBefore' : 'possibleAfter'] += 1;
    }
  };
  const step = Math.max(1000, Math.floor(range.sets / 50));
  for (let i = range.from; i < range.to; i++) {
    // Person i's answers come from their own stream, drawn as the questions are asked: only what is asked is
    // drawn, and the same person answers the same way whatever the new version asks.
    const vector: Vector = new Array<AnswerValue | undefined>(pair.ids.length);
    // Outcomes only: the population's results are compared, never shown, so none of their words are said.
    const walked = walks(pair, vector, undefined, seededRandom(mix(range.seed, i)));
    const a = outcomeWalked(pair.before, walked.before.slots);
    const b = outcomeWalked(pair.after, walked.after.slots);
    table[levels.indexOf(a.urgency)]![levels.indexOf(b.urgency)]! += 1;
    count(a, 'before');
    count(b, 'after');
    const keys = kindsOf(a, b);
    if (keys.some((k) => k.startsWith('cause:'))) causesChanged += 1;
    for (const key of keys) {
      const k = kind(key);
      k.count += 1;
      if (k.candidates.length < CANDIDATES) k.candidates.push(vector);
      const sign = /^sign([+-]):(.+)$/.exec(key);
      if (sign) tally(sign[2] as string)[sign[1] === '+' ? 'gained' : 'lost'] += 1;
    }
    if ((i + 1) % step === 0) range.onProgress?.(i + 1, range.sets);
  }
  return { table, fired, causeCounts, causesChanged, kinds };
}

/** The tallies of consecutive ranges, in order, as one tally of them all. */
export function mergeTallies(parts: readonly PopulationTally[]): PopulationTally {
  const [first, ...rest] = parts;
  if (!first) throw new Error('no tallies to merge');
  const merged: PopulationTally = {
    table: first.table.map((row) => [...row]),
    fired: new Map([...first.fired].map(([id, t]) => [id, { ...t }])),
    causeCounts: new Map([...first.causeCounts].map(([id, c]) => [id, { ...c }])),
    causesChanged: first.causesChanged,
    kinds: new Map([...first.kinds].map(([key, k]) => [key, { count: k.count, candidates: [...k.candidates] }])),
  };
  for (const part of rest) {
    part.table.forEach((row, from) => row.forEach((n, to) => (merged.table[from]![to]! += n)));
    for (const [id, t] of part.fired) {
      const into = merged.fired.get(id);
      if (!into) merged.fired.set(id, { ...t });
      else for (const side of ['before', 'after', 'gained', 'lost'] as const) into[side] += t[side];
    }
    for (const [id, c] of part.causeCounts) {
      const into = merged.causeCounts.get(id);
      if (!into) merged.causeCounts.set(id, { ...c });
      else for (const band of ['likelyBefore', 'likelyAfter', 'possibleBefore', 'possibleAfter'] as const) into[band] += c[band];
    }
    merged.causesChanged += part.causesChanged;
    for (const [key, k] of part.kinds) {
      let into = merged.kinds.get(key);
      if (!into) merged.kinds.set(key, (into = { count: 0, candidates: [] }));
      into.count += k.count;
      // The first few over the whole population: the earlier range's first.
      for (const vector of k.candidates) if (into.candidates.length < CANDIDATES) into.candidates.push(vector);
    }
  }
  return merged;
}

function causeIdsOf(before: Rules, after: Rules): string[] {
  return [...new Set([...before.causes, ...after.causes].map((c) => c.id))];
}

/** The report from the population's tally: the searched answer sets, examples and every figure. */
export function impactReport(before: Rules, after: Rules, options: ImpactOptions, population: PopulationTally, started: number): ImpactReport {
  const { sets, seed } = settings(options);
  const pair = pairOf(before, after, options.map);
  const { table, fired, causeCounts, causesChanged } = population;
  const levels = URGENCY_LEVELS;
  const causeIds = causeIdsOf(before, after);
  const kinds = new Map([...population.kinds].map(([key, k]) => [key, { count: k.count, candidates: [...k.candidates], searched: false }]));
  const kind = (key: string) => {
    let k = kinds.get(key);
    if (!k) kinds.set(key, (k = { count: 0, candidates: [], searched: false }));
    return k;
  };

  // (c) Answer sets searched for in the rules: the urgency can only go down where a rule of the old version fired
  // and no rule of the new version at that level does (and up the other way round).
  for (const found of searchUrgencyChanges(pair.before, pair.after, pair.modelBefore.common, pair.modelAfter.common)) {
    const vector: Vector = [...pair.common];
    for (const [id, value] of Object.entries(found)) {
      const slot = pair.slotOf.get(id);
      if (slot !== undefined) vector[slot] = value;
    }
    const { before: a, after: b } = run(pair, vector);
    for (const key of kindsOf(a, b)) {
      if (!key.startsWith('urgency:')) continue;
      const k = kind(key);
      k.searched = true;
      k.candidates.unshift(vector);
    }
  }

  const changes = [...kinds.entries()].map(([key, k]): ChangeKind => ({
    key,
    family: familyOf(key),
    lowersUrgency: lowers(key),
    title: describeKey(key),
    count: k.count,
    searched: k.searched,
    examples: [],
  }));
  changes.sort(changeOrder);
  changes.forEach((c, i) => {
    if (c.lowersUrgency || i < EXAMPLE_KINDS + changes.filter((x) => x.lowersUrgency).length) {
      c.examples = minimalExamples(pair, c.key, kinds.get(c.key)?.candidates ?? []);
    }
  });

  const kindsBefore = signKinds(before);
  const kindsAfter = signKinds(after);
  const signs = [...fired.entries()]
    .map(([id, t]): SignChange => ({ id, kindBefore: kindsBefore.get(id) ?? null, kindAfter: kindsAfter.get(id) ?? null, ...t }))
    // Those that fire for other people now, or that fire for the same people with another effect.
    .filter((t) => t.gained > 0 || t.lost > 0 || t.kindBefore !== t.kindAfter)
    .sort((x, y) => y.lost + y.gained - (x.lost + x.gained) || x.id.localeCompare(y.id));

  const byCause = causeIds
    .map((id): CauseChange => ({ id, ...causeCounts.get(id)! }))
    .filter((c) => c.likelyBefore !== c.likelyAfter || c.possibleBefore !== c.possibleAfter);

  const oldIds = new Set(before.questions.map((q) => q.id));
  const newIds = new Set(after.questions.map((q) => q.id));
  const say = (rules: Rules, id: string, value: AnswerValue | undefined) => (value === undefined ? '' : describeAnswer(rules, id, value, 'en'));
  return {
    before: { id: before.meta.id, version: before.meta.version },
    after: { id: after.meta.id, version: after.meta.version },
    population: { sets, seed, ms: performance.now() - started },
    questions: {
      shared: [...oldIds].filter((id) => newIds.has(id)).length,
      added: after.questions.filter((q) => !oldIds.has(q.id)).map((q) => ({ id: q.id, answer: say(after, q.id, pair.modelAfter.common[q.id]) })),
      removed: before.questions.filter((q) => !newIds.has(q.id)).map((q) => q.id),
      remapped: pair.changed.map((id) => ({ id, answer: say(after, id, pair.modelAfter.common[id]) })),
    },
    urgency: {
      levels,
      table,
      lowered: sumCells(table, (from, to) => to > from),
      raised: sumCells(table, (from, to) => to < from),
    },
    signs,
    causes: { changed: causesChanged, byCause },
    changes,
    scenarios: (options.scenarios ?? []).map((s) => scenarioImpact(pair, s)),
  };
}

/** A seed for answer set `i` of a population: nearby seeds give unrelated streams (murmur3's finaliser). */
function mix(seed: number, i: number): number {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Cells of the from x to table, by index in URGENCY_LEVELS (0 = emergency): a higher index is a lower urgency. */
function sumCells(table: number[][], pick: (from: number, to: number) => boolean): number {
  let sum = 0;
  table.forEach((row, from) => row.forEach((n, to) => (sum += pick(from, to) ? n : 0)));
  return sum;
}

/** Lowered urgency first (the biggest drop first), then raised urgency, warning signs, causes; commoner first. */
function changeOrder(a: ChangeKind, b: ChangeKind): number {
  const rank = (c: ChangeKind) => (c.lowersUrgency ? 0 : c.family === 'urgency' ? 1 : c.family === 'sign' ? 2 : 3);
  const drop = (c: ChangeKind) => {
    const m = /^urgency:(.+)>(.+)$/.exec(c.key);
    return m ? urgencyRank(m[1] as Urgency) - urgencyRank(m[2] as Urgency) : 0;
  };
  return rank(a) - rank(b) || (a.lowersUrgency ? drop(b) - drop(a) : 0) || b.count - a.count || a.key.localeCompare(b.key);
}

/** Does this answer vector still show the change `key`? */
function shows(pair: Pair, vector: Vector, key: string): Evaluated | null {
  const evaluated = run(pair, vector);
  return kindsOf(evaluated.before, evaluated.after).includes(key) ? evaluated : null;
}

/**
 * Few answers that still show the change: each answer that differs from the most common one is set back to it, and
 * kept back if the change still shows (so no single answer of an example can be dropped). Shortest first, no two
 * alike.
 */
function minimalExamples(pair: Pair, key: string, candidates: readonly Vector[]): ImpactExample[] {
  const { common } = pair;
  const found = new Map<string, ImpactExample>();
  const unusual = (vector: Vector, slot: number) => vector[slot] !== undefined && JSON.stringify(vector[slot]) !== JSON.stringify(common[slot]);
  for (const candidate of candidates) {
    const vector: Vector = [...candidate];
    let evaluated = shows(pair, vector, key);
    if (!evaluated) continue;
    // Set answers back in ever smaller groups (half of them, a quarter, ... one by one): most answers of a drawn
    // set play no part, so big groups go back at once and few evaluations are needed. Passes until nothing more
    // can be set back, since two answers may only be droppable together or in one order.
    for (let progress = true; progress; ) {
      progress = false;
      let slots = notable(pair, vector, evaluated);
      for (let size = Math.ceil(slots.length / 2); size >= 1 && slots.length > 0; size = size === 1 ? 0 : Math.ceil(size / 2)) {
        for (let at = 0; at < slots.length; at += size) {
          const group = slots.slice(at, at + size);
          const kept = group.map((slot) => vector[slot]);
          for (const slot of group) vector[slot] = common[slot];
          const still = shows(pair, vector, key);
          if (still) {
            evaluated = still;
            progress = true;
          } else group.forEach((slot, i) => (vector[slot] = kept[i]));
        }
        slots = slots.filter((slot) => unusual(vector, slot));
      }
    }
    const answers = notable(pair, vector, evaluated).map((slot): ExampleAnswer => {
      const id = pair.ids[slot] as string;
      const value = vector[slot] as AnswerValue;
      const rules = pair.modelBefore.byId.has(id) ? pair.before : pair.after;
      return { questionId: id, answer: value, text: describeAnswer(rules, id, value, 'en') };
    });
    const signature = JSON.stringify(answers.map((a) => [a.questionId, a.answer]));
    if (!found.has(signature)) found.set(signature, { answers, before: summary(evaluated.before), after: summary(evaluated.after) });
  }
  return [...found.values()].sort((a, b) => a.answers.length - b.answers.length).slice(0, EXAMPLES);
}

/** Slots of questions asked in either version whose answer is not the most common one, in asking order. */
function notable(pair: Pair, vector: Vector, evaluated: Evaluated): number[] {
  const before = evaluated.answersBefore();
  const after = evaluated.answersAfter();
  const asked = (id: string) => id in before || id in after;
  return pair.ids
    .map((id, slot) => ({ id, slot }))
    .filter(({ id, slot }) => asked(id) && vector[slot] !== undefined && JSON.stringify(vector[slot]) !== JSON.stringify(pair.common[slot]))
    .map(({ slot }) => slot);
}

function scenarioImpact(pair: Pair, scenario: ScenarioCase): ScenarioImpact {
  const filled = { before: [] as string[], after: [] as string[] };
  const evaluated = run(pair, vectorOf(pair, scenario.answers), filled);
  const before = summary(evaluated.before);
  const after = summary(evaluated.after);
  const same = (x: OutcomeSummary, y: OutcomeSummary) =>
    x.urgency === y.urgency &&
    [...x.signs].sort().join() === [...y.signs].sort().join() &&
    [...x.likely].sort().join() === [...y.likely].sort().join() &&
    [...x.possible].sort().join() === [...y.possible].sort().join();
  return {
    name: scenario.name,
    source: scenario.source,
    before,
    after,
    changed: !same(before, after),
    filled: [...new Set([...filled.before, ...filled.after])],
    failuresBefore: compare(scenario.expect, evaluated.before),
    failuresAfter: compare(scenario.expect, evaluated.after),
  };
}
