// What the check asks of a person: how many screens, how many words to read, and how long that takes by a
// published response-time model for health questionnaires (per question: up to 20 words 8.0 s, 21 to 30 words
// 11.8 s, more than 30 words 16.8 s). Words are those of the question, its options and, for a grouped check, its
// list; hints, "why we ask" and page furniture are not counted. A grouped check counts as one question, plus its
// "Which of these?" when answered Yes. Pure: the bench, the tests and the build (the intro's time estimate) share it.
import type { TimeEstimate } from '../rules/time-estimate.ts';
import type { Question, Rules, Text } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import type { Answers } from './answers.ts';
import { matches, questionsIn } from './conditions.ts';
import { evaluate } from './evaluate.ts';
import { applyResponse, countedAnswers, nextStep, responseFor, stopReason, type Choices, type Step } from './navigation.ts';
import { randomAnswers, seededRandom } from './random-answers.ts';

/** Seconds to answer one question of this many words. */
export function modelSeconds(words: number): number {
  if (words <= 20) return 8.0;
  if (words <= 30) return 11.8;
  return 16.8;
}

/** Words as a reader counts them: runs of letters or digits ("I'm" is one word, "0" is one). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function questionWords(q: Question, say: (t: Text) => string): number {
  const own = countWords(say(q.text));
  if (q.type === 'scale') return own + (q.max - q.min + 1) + countWords(say(q.minLabel)) + countWords(say(q.maxLabel));
  return own + q.options.reduce((sum, o) => sum + countWords(say(o.label)), 0);
}

/** The words of each question a step asks, in order (one number per question the person answers on it). */
export function stepWords(step: Step, locale: Locale, whichPrompt: string): number[] {
  const say = (t: Text) => localize(t, locale);
  const list = step.questions.reduce((sum, q) => sum + countWords(say(q.short ?? q.text)), 0);
  if (step.kind === 'screen' && step.screen.kind === 'group') {
    // The group's answers are its questions' own Yes / No / I'm not sure labels.
    const first = step.questions[0];
    const options = first && first.type !== 'scale' ? first.options.reduce((s, o) => s + countWords(say(o.label)), 0) : 0;
    return [countWords(step.screen.title ? say(step.screen.title) : '') + list + options];
  }
  if (step.kind === 'which') return [countWords(whichPrompt) + list];
  return step.questions.map((q) => questionWords(q, say));
}

export interface Path {
  steps: Step[];
  /** Where the steps lead: the review ("Check your answers"), or straight to the result (a red flag or exit). */
  end: 'review' | 'result';
  answers: Answers;
  choices: Choices;
}

/** The steps a person whose true answers are `truth` is shown, answering each as `responseFor` says. */
export function pathFor(rules: Rules, truth: Answers): Path {
  let answers: Answers = {};
  let choices: Choices = {};
  const steps: Step[] = [];
  let step = nextStep(rules, answers, choices);
  while (step) {
    steps.push(step);
    const response = responseFor(step, truth);
    if (!response) throw new Error(`the answer set has no answer for step "${step.key}"`);
    ({ answers, choices } = applyResponse(rules, answers, choices, step, response));
    if (stopReason(rules, answers) === 'emergency') break;
    step = nextStep(rules, answers, choices, { after: step.key });
  }
  return { steps, end: stopReason(rules, answers) === null ? 'review' : 'result', answers, choices };
}

export interface Burden {
  /** Screens to the result: every step shown, and the review when there is one. */
  screens: number;
  words: number;
  modelSeconds: number;
}

export function burdenOf(path: Path, locale: Locale, whichPrompt: string): Burden {
  const words = path.steps.flatMap((s) => stepWords(s, locale, whichPrompt));
  return {
    screens: path.steps.length + (path.end === 'review' ? 1 : 0),
    words: words.reduce((a, b) => a + b, 0),
    modelSeconds: Math.round(words.reduce((sum, w) => sum + modelSeconds(w), 0) * 10) / 10,
  };
}

// ---- Populations of answer sets ----

/** Questions a red flag reads, which have a plain "no". */
/** Warning signs: yes/no questions a red flag reads, and every sign listed in a grouped check (some only call for a consultation). */
function warningQuestions(rules: Rules): Question[] {
  const grouped = (rules.screens ?? []).filter((s) => s.kind === 'group').flatMap((s) => s.questions);
  const used = new Set([...rules.redFlags.flatMap((r) => questionsIn(r.when)), ...grouped]);
  return rules.questions.filter((q) => used.has(q.id) && q.type === 'single' && q.options.some((o) => o.id === 'no'));
}

/**
 * People with no warning sign, in scope: random answers with every warning question answered "no", kept only when
 * no red flag and no scope exit fires (a red flag can also read other answers, e.g. the colour of the pee).
 */
export function calmAnswerSets(rules: Rules, count: number, seed = 1): Answers[] {
  const random = seededRandom(seed);
  const fixed = Object.fromEntries(warningQuestions(rules).map((q) => [q.id, 'no']));
  const sets: Answers[] = [];
  for (let tries = 0; sets.length < count && tries < count * 50; tries++) {
    const truth = randomAnswers(rules, random, fixed);
    const calm = !rules.redFlags.some((r) => matches(r.when, truth)) && !rules.scopeExits.some((r) => matches(r.when, truth));
    if (calm) sets.push(truth);
  }
  return sets;
}

/** A mixed population: each warning question "no" most of the time, anything at random otherwise. */
export function mixedAnswerSets(rules: Rules, count: number, seed = 2, warningRate = 0.08): Answers[] {
  const random = seededRandom(seed);
  const warnings = warningQuestions(rules);
  return Array.from({ length: count }, () => {
    const fixed = Object.fromEntries(warnings.filter(() => random() >= warningRate).map((q) => [q.id, 'no']));
    return randomAnswers(rules, random, fixed);
  });
}

// ---- Figures ----

export interface Spread {
  median: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? 0 : sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median: Math.round(median * 10) / 10, max: sorted.at(-1) ?? 0 };
}

export interface BurdenSpread {
  count: number;
  screens: Spread;
  words: Spread;
  modelSeconds: Spread;
}

export function burdenSpread(burdens: readonly Burden[]): BurdenSpread {
  return {
    count: burdens.length,
    screens: spread(burdens.map((b) => b.screens)),
    words: spread(burdens.map((b) => b.words)),
    modelSeconds: spread(burdens.map((b) => b.modelSeconds)),
  };
}

export interface BurdenFigures {
  /** No red flag, in scope, and no "I'm not sure" about a warning sign: the calm path. */
  noWarningSign: BurdenSpread;
  /** No red flag and in scope, but unsure about a warning sign (each sign is then asked on its own). */
  unsureOfWarningSign: BurdenSpread;
  byUrgency: Partial<Record<'emergency' | 'urgent' | 'consult' | 'self-care', BurdenSpread>>;
}

/** The burden figures over a population: people with no warning sign (and in scope), and by urgency reached. */
export function burdenFigures(rules: Rules, truths: readonly Answers[], locale: Locale, whichPrompt: string): BurdenFigures {
  const calm: Burden[] = [];
  const unsure: Burden[] = [];
  const warnings = warningQuestions(rules);
  const notSure = new Map(warnings.map((q) => [q.id, new Set(q.type === 'scale' ? [] : q.options.filter((o) => o.kind === 'not_sure').map((o) => o.id))]));
  const byUrgency = new Map<string, Burden[]>();
  for (const truth of truths) {
    const path = pathFor(rules, truth);
    const burden = burdenOf(path, locale, whichPrompt);
    const counted = countedAnswers(rules, path.answers);
    const result = evaluate(rules, counted);
    if (result.redFlags.length === 0 && result.outOfScope === null) {
      const wasUnsure = warnings.some((q) => notSure.get(q.id)?.has(String(counted[q.id])));
      (wasUnsure ? unsure : calm).push(burden);
    }
    const list = byUrgency.get(result.urgency) ?? [];
    list.push(burden);
    byUrgency.set(result.urgency, list);
  }
  return {
    noWarningSign: burdenSpread(calm),
    unsureOfWarningSign: burdenSpread(unsure),
    byUrgency: Object.fromEntries([...byUrgency].map(([level, list]) => [level, burdenSpread(list)])),
  };
}

export type { TimeEstimate };

/**
 * The intro's "usually N to M minutes" in each language: the median (rounded down) and the time nine in ten stay
 * within (rounded up), by the model, for people with no warning sign. The paths are walked once; only the words
 * differ by language.
 */
export function timeEstimate(rules: Rules, prompts: Readonly<Record<Locale, string>>, count = 150): TimeEstimate {
  const paths = calmAnswerSets(rules, count).map((t) => pathFor(rules, t));
  const minutes = (locale: Locale) => {
    const seconds = paths.map((p) => burdenOf(p, locale, prompts[locale]).modelSeconds).sort((a, b) => a - b);
    const { median } = spread(seconds);
    // "Usually": nine people in ten take no longer than the upper figure (a rare mix of answers that adds a
    // question or two is not what most people should expect to be told).
    const usual = seconds[Math.ceil(0.9 * seconds.length) - 1] ?? median;
    const high = Math.max(1, Math.ceil(usual / 60));
    return { low: Math.min(high, Math.max(1, Math.floor(median / 60))), high };
  };
  return { en: minutes('en'), es: minutes('es') };
}
