// Drawing people from a reference population: seeded (the same seed always gives the same people), one class per
// person by its share, each answer drawn from the class's entry (or the baseline), a serious class redrawn until the
// person shows a sign that defines it, then the misreadings. "Not sure" answers that a self-check would settle are
// settled later, per rules version: only a version that shows the check (`check` on the question) gets the benefit.
//
// Each person's draws are named (`Draws`): the class, each question's answer, each misreading and each self-check
// has its own numbers, from the seed, the person and that name. A model version that adds a question or a
// misreading then redraws nobody's other answers: with one stream for everyone, model 1.8.0's two new questions
// moved every later answer of every person, and self-care by 0.3 points, more than the rules change it measured.
import type { AnswerValue } from '../engine/answers.ts';
import { matches } from '../engine/conditions.ts';
import { seededRandom, type Random } from '../engine/random-answers.ts';
import type { Question, Rules } from '../rules/schema.ts';
import type { ClassGroup, Entry, Population } from './model.ts';

/** One answer, drawn. */
type Sampler = (random: Random) => AnswerValue;

interface CompiledClass {
  id: string;
  group: ClassGroup;
  samplers: ReadonlyMap<string, Sampler>;
  requireAny: Population['classes'][number]['requireAny'];
  misreadings: readonly { id: string; question: string; answer: string; multi: boolean; rate: number }[];
  /** For each self-checked question: the chance a settled "not sure" turns out yes (the class's yes : no). */
  settlesToYes: ReadonlyMap<string, number>;
}

export interface CompiledPopulation {
  model: Population;
  /** The rules whose question and option ids the model uses. */
  rules: Rules;
  classes: readonly CompiledClass[];
  cumulativeShares: readonly number[];
  selfChecks: readonly { question: string; resolves: number }[];
  /** How misread ticks fare when confirmed in full words (no correction when the model does not say). */
  confirmation: { corrects: number; unsure: number };
  /** The multiplier applied to warning-sign rates (1: the central model). */
  warningRates: number;
}

export interface Person {
  classIndex: number;
  /** What the person would answer to every question, misreadings included. */
  answers: Record<string, AnswerValue>;
  /** The same without misreadings, when there were any (to tell how much over-triage they cause). */
  clean: Record<string, AnswerValue> | null;
  misread: readonly string[];
  /** For each "not sure" a self-check would settle: the settled answer. */
  settled: ReadonlyMap<string, AnswerValue>;
  /**
   * For each sign ticked because of a misreading: the answer it becomes when a version confirms it in full words
   * (the answer without the misreading, "not sure", or the tick kept).
   */
  confirmed: ReadonlyMap<string, AnswerValue>;
}

const MAX_REDRAWS = 10_000;

/**
 * The model ready to draw from. `warningRates` scales every warning-sign rate (the "yes" and "not sure" answers of
 * the questions on grouped checks, outside the serious classes, and every misreading) for the sensitivity band.
 */
export function compilePopulation(model: Population, rules: Rules, warningRates = 1): CompiledPopulation {
  const byId = new Map(rules.questions.map((q) => [q.id, q]));
  const warning = new Set((rules.screens ?? []).filter((s) => s.kind === 'group').flatMap((s) => s.questions));
  const classes = model.classes.map((c): CompiledClass => {
    const scale = c.group === 'serious' ? 1 : warningRates;
    const samplers = new Map<string, Sampler>();
    const settlesToYes = new Map<string, number>();
    for (const q of rules.questions) {
      const entry = c.answers[q.id] ?? model.baseline[q.id];
      if (!entry) continue;
      const probabilities = entryProbabilities(q, entry, warning.has(q.id) ? scale : 1);
      samplers.set(q.id, samplerFor(q, entry, probabilities));
      if (probabilities) {
        const yes = probabilities.get('yes') ?? 0;
        const no = probabilities.get('no') ?? 0;
        settlesToYes.set(q.id, yes + no > 0 ? yes / (yes + no) : 0);
      }
    }
    const misreadings = model.misreadings
      .filter((m) => (m.classes ? m.classes.includes(c.id) : c.group !== 'serious'))
      .map((m) => ({ id: m.id, question: m.question, answer: m.answer, multi: byId.get(m.question)?.type === 'multi', rate: Math.min(1, m.rate * warningRates) }));
    return { id: c.id, group: c.group, samplers, requireAny: c.requireAny, misreadings, settlesToYes };
  });
  let run = 0;
  const cumulativeShares = model.classes.map((c) => (run += c.share));
  const confirmation = { corrects: model.confirmation?.corrects ?? 0, unsure: model.confirmation?.unsure ?? 0 };
  return { model, rules, classes, cumulativeShares, selfChecks: model.selfChecks, confirmation, warningRates };
}

/** A single-choice or scale entry as option -> probability, warning answers scaled; null for a tick list. */
function entryProbabilities(q: Question, entry: Entry, warningRates: number): Map<string, number> | null {
  if (q.type === 'multi') return null;
  const raw = new Map<string, number>();
  if (entry.answers) for (const [k, p] of Object.entries(entry.answers)) raw.set(k, p);
  else if (entry.scale && q.type === 'scale') {
    const { mean, sd } = entry.scale;
    for (let v = q.min; v <= q.max; v++) {
      // The mass of a normal curve that rounds to v, the tails folded into the ends of the range.
      const lo = v === q.min ? -Infinity : (v - 0.5 - mean) / sd;
      const hi = v === q.max ? Infinity : (v + 0.5 - mean) / sd;
      raw.set(String(v), normalCdf(hi) - normalCdf(lo));
    }
  }
  if (warningRates === 1 || q.type !== 'single') return raw;
  // The sensitivity band: yes and not sure scaled, "no" takes up the rest (never below zero).
  const scaled = new Map<string, number>();
  let moved = 0;
  for (const [k, p] of raw) {
    if (k === 'no') continue;
    const next = Math.min(p * warningRates, 1);
    scaled.set(k, next);
    moved += next;
  }
  if (raw.has('no') || moved < 1) scaled.set('no', Math.max(0, 1 - moved));
  const total = [...scaled.values()].reduce((a, b) => a + b, 0) || 1;
  for (const [k, p] of scaled) scaled.set(k, p / total);
  return scaled;
}

function samplerFor(q: Question, entry: Entry, probabilities: Map<string, number> | null): Sampler {
  if (q.type === 'multi') {
    const ticks = Object.entries(entry.ticks ?? {});
    const none = q.options.find((o) => o.kind === 'none')?.id;
    const likeliest = [...ticks].sort((a, b) => b[1] - a[1])[0]?.[0] ?? q.options[0]?.id ?? '';
    return (random) => {
      const ticked: string[] = [];
      for (const [id, p] of ticks) if (random() < p) ticked.push(id);
      return ticked.length > 0 ? ticked : [none ?? likeliest];
    };
  }
  const values = [...(probabilities ?? new Map<string, number>())].filter(([, p]) => p > 0);
  let run = 0;
  const cumulative = values.map(([, p]) => (run += p));
  const asValue = (k: string): AnswerValue => (q.type === 'scale' ? Number(k) : k);
  const last = values.at(-1)?.[0];
  return (random) => {
    const r = random() * run;
    for (let i = 0; i < cumulative.length; i++) if (r < (cumulative[i] as number)) return asValue(values[i]?.[0] ?? '');
    return asValue(last ?? '');
  };
}

/** One person's random numbers, by what they decide (see the top of this file). */
export type Draws = (name: string) => Random;

/** The draws of person number `person` with `seed`: the same three always give the same numbers. */
export function personDraws(seed: number, person: number): Draws {
  // FNV-1a over the seed, the person and the name: a different start for each stream of mulberry32.
  let base = 0x811c9dc5;
  for (const n of [seed, person]) for (let b = 0; b < 32; b += 8) base = Math.imul(base ^ ((n >>> b) & 0xff), 0x01000193);
  return (name) => {
    let h = base;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
    return seededRandom(h >>> 0);
  };
}

/** One person. */
export function drawPerson(population: CompiledPopulation, draws: Draws): Person {
  const r = draws('class')();
  let classIndex = population.cumulativeShares.findIndex((c) => r < c);
  if (classIndex < 0) classIndex = population.classes.length - 1;
  const cls = population.classes[classIndex] as CompiledClass;
  let answers = drawAnswers(cls, draws, 0);
  for (let tries = 1; cls.requireAny && !cls.requireAny.some((c) => matches(c, answers)); tries++) {
    if (tries >= MAX_REDRAWS) {
      throw new Error(`class "${cls.id}": no one drawn in ${MAX_REDRAWS} tries shows any of its requireAny answers; check its answer rates`);
    }
    answers = drawAnswers(cls, draws, tries);
  }
  const misread: string[] = [];
  const confirmed = new Map<string, AnswerValue>();
  let clean: Record<string, AnswerValue> | null = null;
  for (const m of cls.misreadings) {
    const random = draws(`misreading ${m.id}`);
    if (random() >= m.rate) continue;
    clean ??= { ...answers };
    misread.push(m.id);
    const u = random();
    const { corrects, unsure } = population.confirmation;
    if (!m.multi) {
      const before = clean[m.question];
      if (u < corrects && before !== undefined) confirmed.set(m.question, before);
      else if (u < corrects + unsure) confirmed.set(m.question, 'not_sure');
    }
    const before = answers[m.question];
    if (!m.multi) answers[m.question] = m.answer;
    else answers[m.question] = [...(Array.isArray(before) ? before : []).filter((id) => id !== 'none' && id !== m.answer), m.answer];
  }
  const settled = new Map<string, AnswerValue>();
  for (const check of population.selfChecks) {
    const random = draws(`self-check ${check.question}`);
    const resolves = random() < check.resolves;
    const toYes = random() < (cls.settlesToYes.get(check.question) ?? 0);
    if (resolves && answers[check.question] === 'not_sure') settled.set(check.question, toYes ? 'yes' : 'no');
  }
  return { classIndex, answers, clean, misread, settled, confirmed };
}

/** Every answer of a class, each from its own draws (`tries`: the redraws of a serious class get new ones). */
function drawAnswers(cls: CompiledClass, draws: Draws, tries: number): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const [id, sample] of cls.samplers) answers[id] = sample(draws(tries === 0 ? id : `${id} ${tries}`));
  return answers;
}

/** The standard normal distribution function (Abramowitz and Stegun 7.1.26; error below 1.5e-7). */
function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  const t = 1 / (1 + 0.3275911 * Math.abs(z / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
