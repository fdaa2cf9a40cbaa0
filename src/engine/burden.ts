// What the check asks of a person: how many screens, how many words to read, and how long that takes by a
// published response-time model for health questionnaires (per question: up to 20 words 8.0 s, 21 to 30 words
// 11.8 s, more than 30 words 16.8 s). A grouped check counts as one question, plus its "Which of these?" when
// answered Yes. Three counts:
//   - question words (`words`, `modelSeconds`): the question, its options and, for a grouped check, its list;
//   - every visible word up to the result, and the result's top card (`allWords`, `modelSecondsAllWords`): on each
//     step also the screen's heading, the section's introduction and what the UI shows beside the question (a hint
//     to tick all, "What we mean"), with the step's first question; the top card is one more screen to read;
//   - the whole visit (`visitWords`, `modelSecondsVisit`), which the intro's estimate uses: also the intro and
//     "Check your answers", each one screen that asks one thing (Start; See my result).
// Every screen goes through the same model, fed all its words; a screen of more than 30 words takes 16.8 s. That
// is about the time to read 60 words (the top card's limit) at 238 words a minute, the mean for silent reading by
// adults (Brysbaert, J Mem Lang 2019); on the review, whose answers the person gave a minute ago, it is a skim, not
// a reading of every word. Collapsed hints stay out: they are read by whoever opens them. The intro and the review
// add the same time whatever the rules say, so the budget is on `modelSecondsAllWords`, which rules changes move.
// The UI supplies its own words (src/ui/page-words.ts); the engine knows none of them. Pure: the bench, the tests
// and the build (the intro's time estimate) share it.
import type { TimeEstimate } from '../rules/time-estimate.ts';
import type { Condition, Question, Rules, Text } from '../rules/schema.ts';
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

/**
 * The words the UI shows around the questions, in one language (src/ui/page-words.ts gives them): the engine counts
 * the rules' words, the UI its own.
 */
export interface PageWords {
  /** "Which of these apply to you?" */
  which: string;
  /**
   * Words the UI shows on a step besides the rules' texts: a hint to tick all, "What we mean", "Why we ask". Told
   * whether the section's introduction shows on the step (the UI may leave a hint out beside it).
   */
  stepExtra: (step: Step, sectionIntroShown: boolean) => number;
  /** Words on the intro. */
  intro: number;
  /** Words on "Check your answers" after this path. */
  review: (path: Path) => number;
  /** Words in the result's top card for this path's answers. */
  topCard: (path: Path) => number;
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
  rules: Rules;
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
  return { rules, steps, end: stopReason(rules, answers) === null ? 'review' : 'result', answers, choices };
}

export interface Burden {
  /** Screens to the result: every step shown, and the review when there is one. */
  screens: number;
  /** The questions' own words, and their time by the model. */
  words: number;
  modelSeconds: number;
  /** Every visible word of the screens that ask a question, and the result's top card; their time by the model. */
  allWords: number;
  modelSecondsAllWords: number;
  /** The whole visit: also the intro and the review. */
  visitWords: number;
  modelSecondsVisit: number;
  topCardWords: number;
}

/**
 * Every visible word of each step, per question (the rules' words and the UI's beside them: the screen's heading,
 * the section's introduction on its first step), with what is not one question's own added to the step's first.
 */
export function stepWordsAll(rules: Rules, steps: readonly Step[], locale: Locale, words: PageWords): number[][] {
  const say = (t: Text) => localize(t, locale);
  const intro = new Map(rules.sections.map((s) => [s.id, countWords(s.intro ? say(s.intro) : '')]));
  return steps.map((step, i) => {
    const own = stepWords(step, locale, words.which);
    const screen = step.screen;
    // A screen of several questions has a heading of its own; a single question is its page's heading.
    const heading = step.kind === 'screen' && screen.kind !== 'group' && step.questions.length > 1 ? countWords(screen.title ? say(screen.title) : '') : 0;
    // A section's introduction shows on its first step.
    const section = screen.section !== steps[i - 1]?.screen.section ? (intro.get(screen.section) ?? 0) : 0;
    const extra = heading + section + words.stepExtra(step, section > 0);
    return own.map((w, k) => (k === 0 ? w + extra : w));
  });
}

export function burdenOf(path: Path, locale: Locale, words: PageWords): Burden {
  const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  const round = (n: number) => Math.round(n * 10) / 10;
  const perQuestion = path.steps.flatMap((s) => stepWords(s, locale, words.which));
  // Every screen read up to the result, as words per question (or per page), and the top card.
  const topCard = words.topCard(path);
  const all = [...stepWordsAll(path.rules, path.steps, locale, words).flat(), topCard];
  const pages = [words.intro, ...(path.end === 'review' ? [words.review(path)] : [])];
  const allSeconds = sum(all.map(modelSeconds));
  return {
    screens: path.steps.length + (path.end === 'review' ? 1 : 0),
    words: sum(perQuestion),
    modelSeconds: round(sum(perQuestion.map(modelSeconds))),
    allWords: sum(all),
    modelSecondsAllWords: round(allSeconds),
    visitWords: sum(all) + sum(pages),
    modelSecondsVisit: round(allSeconds + sum(pages.map(modelSeconds))),
    topCardWords: topCard,
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

/** The options a condition names, by question (`is` and `isAny` leaves). */
function namedOptions(c: Condition, into: Map<string, Set<string>> = new Map()): Map<string, Set<string>> {
  if ('all' in c) c.all.forEach((x) => namedOptions(x, into));
  else if ('any' in c) c.any.forEach((x) => namedOptions(x, into));
  else if ('not' in c) namedOptions(c.not, into);
  else if ('of' in c) c.of.forEach((x) => namedOptions(x, into));
  else if ('is' in c || 'isAny' in c) {
    const set = into.get(c.question) ?? new Set<string>();
    for (const o of 'is' in c ? [c.is] : c.isAny) set.add(String(o));
    into.set(c.question, set);
  }
  return into;
}

/**
 * Warning-sign answers outside the grouped checks: options that only warning rules name (red flags, and the skip
 * logic of the questions red flags read), never a consult sign, a cause or advice. "Pain down both legs" in the pain
 * map and "brown" pee are such answers: ticking one is giving a warning sign, which is then confirmed in full words.
 * Age over 50 is not (consult signs and causes read it too), nor is severe pain (advice reads it).
 */
function warningOptions(rules: Rules): Map<string, Set<string>> {
  const warning = new Map<string, Set<string>>();
  const flagRead = new Set(rules.redFlags.flatMap((r) => questionsIn(r.when)));
  for (const r of rules.redFlags) namedOptions(r.when, warning);
  for (const q of rules.questions) if (q.showIf && flagRead.has(q.id)) namedOptions(q.showIf, warning);
  const ordinary = new Map<string, Set<string>>();
  for (const r of [...rules.consultSigns, ...(rules.advice ?? [])]) namedOptions(r.when, ordinary);
  for (const c of rules.causes) for (const e of c.evidence) namedOptions(e.when, ordinary);
  const first = rules.sections[0]?.id;
  const sectionOf = new Map(rules.questions.map((q) => [q.id, q.section]));
  for (const [id, options] of warning) {
    if (sectionOf.get(id) === first) warning.delete(id);
    else for (const o of ordinary.get(id) ?? []) options.delete(o);
  }
  return warning;
}

/** Whether answers give a warning-sign answer outside the grouped checks (see `warningOptions`). */
function warningAnswerTest(rules: Rules): (answers: Answers) => boolean {
  const warning = warningOptions(rules);
  return (answers) =>
    Object.entries(answers).some(([id, value]) => {
      const options = warning.get(id);
      if (!options || value === undefined) return false;
      return (Array.isArray(value) ? value : [value]).some((v) => options.has(String(v)));
    });
}

/**
 * People with no warning sign, in scope: random answers with every warning question answered "no" and no
 * warning-sign answer elsewhere (see `warningOptions`), kept only when no red flag and no scope exit fires.
 */
export function calmAnswerSets(rules: Rules, count: number, seed = 1): Answers[] {
  const random = seededRandom(seed);
  const fixed = Object.fromEntries(warningQuestions(rules).map((q) => [q.id, 'no']));
  const givesWarning = warningAnswerTest(rules);
  const sets: Answers[] = [];
  for (let tries = 0; sets.length < count && tries < count * 50; tries++) {
    const truth = randomAnswers(rules, random, fixed);
    const calm = !givesWarning(truth) && !rules.redFlags.some((r) => matches(r.when, truth)) && !rules.scopeExits.some((r) => matches(r.when, truth));
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
  allWords: Spread;
  modelSecondsAllWords: Spread;
  visitWords: Spread;
  modelSecondsVisit: Spread;
}

export function burdenSpread(burdens: readonly Burden[]): BurdenSpread {
  return {
    count: burdens.length,
    screens: spread(burdens.map((b) => b.screens)),
    words: spread(burdens.map((b) => b.words)),
    modelSeconds: spread(burdens.map((b) => b.modelSeconds)),
    allWords: spread(burdens.map((b) => b.allWords)),
    modelSecondsAllWords: spread(burdens.map((b) => b.modelSecondsAllWords)),
    visitWords: spread(burdens.map((b) => b.visitWords)),
    modelSecondsVisit: spread(burdens.map((b) => b.modelSecondsVisit)),
  };
}

export interface BurdenFigures {
  /** No red flag, in scope, every warning sign answered No and no warning-sign answer elsewhere: the calm path. */
  noWarningSign: BurdenSpread;
  /** No red flag and in scope, but unsure about a warning sign (each sign is then asked on its own). */
  unsureOfWarningSign: BurdenSpread;
  byUrgency: Partial<Record<'emergency' | 'urgent' | 'consult' | 'self-care', BurdenSpread>>;
  /** Words in the result's top card, over everyone. */
  topCardWords: Spread;
  /** The same, person by person (to combine populations). */
  topCardWordCounts: number[];
}

/** The burden figures over a population: people with no warning sign (and in scope), and by urgency reached. */
export function burdenFigures(rules: Rules, truths: readonly Answers[], locale: Locale, words: PageWords): BurdenFigures {
  const calm: Burden[] = [];
  const unsure: Burden[] = [];
  const warnings = warningQuestions(rules);
  const notSure = new Map(warnings.map((q) => [q.id, new Set(q.type === 'scale' ? [] : q.options.filter((o) => o.kind === 'not_sure').map((o) => o.id))]));
  const givesWarning = warningAnswerTest(rules);
  const byUrgency = new Map<string, Burden[]>();
  const everyone: Burden[] = [];
  for (const truth of truths) {
    const path = pathFor(rules, truth);
    const burden = burdenOf(path, locale, words);
    everyone.push(burden);
    const counted = countedAnswers(rules, path.answers);
    const result = evaluate(rules, counted);
    if (result.redFlags.length === 0 && result.outOfScope === null) {
      const wasUnsure = warnings.some((q) => notSure.get(q.id)?.has(String(counted[q.id])));
      // Calm: every warning sign answered No and no warning-sign answer elsewhere (a Yes that set no red flag, such
      // as a stinging pee, brings its follow-up screens and is not the calm path).
      const allNo = warnings.every((q) => counted[q.id] === undefined || counted[q.id] === 'no') && !givesWarning(counted);
      if (wasUnsure) unsure.push(burden);
      else if (allNo) calm.push(burden);
    }
    const list = byUrgency.get(result.urgency) ?? [];
    list.push(burden);
    byUrgency.set(result.urgency, list);
  }
  return {
    noWarningSign: burdenSpread(calm),
    unsureOfWarningSign: burdenSpread(unsure),
    byUrgency: Object.fromEntries([...byUrgency].map(([level, list]) => [level, burdenSpread(list)])),
    topCardWords: spread(everyone.map((b) => b.topCardWords)),
    topCardWordCounts: everyone.map((b) => b.topCardWords),
  };
}

export type { TimeEstimate };

/**
 * The intro's "usually N to M minutes" in each language: the median (rounded down) and the time nine in ten stay
 * within (rounded up), for the whole visit by the model fed every visible word, for people with no warning sign.
 * The paths are walked once; only the words differ by language.
 */
export function timeEstimate(rules: Rules, words: Readonly<Record<Locale, PageWords>>, count = 300): TimeEstimate {
  const paths = calmAnswerSets(rules, count).map((t) => pathFor(rules, t));
  const minutes = (locale: Locale) => {
    const seconds = paths.map((p) => burdenOf(p, locale, words[locale]).modelSecondsVisit).sort((a, b) => a - b);
    const { median } = spread(seconds);
    // "Usually": nine people in ten take no longer than the upper figure (a rare mix of answers that adds a
    // question or two is not what most people should expect to be told).
    const usual = seconds[Math.ceil(0.9 * seconds.length) - 1] ?? median;
    const high = Math.max(1, Math.ceil(usual / 60));
    return { low: Math.min(high, Math.max(1, Math.floor(median / 60))), high };
  };
  return { en: minutes('en'), es: minutes('es') };
}
