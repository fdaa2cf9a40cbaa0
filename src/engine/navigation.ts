// Where the check goes next, screen by screen. Pure functions of the rules, the answers and the grouped checks'
// choices, used by the state machine's guards, the linter, the scenario runner and the burden figures.
//
// Safety rule: the check may stop early, but never before every question that could still raise the urgency has
// been asked. Each screen asks only the questions that can still change the result (relevance.ts): before any
// red flag or scope exit, anything that changes the urgency, a red flag, a consult sign, the scope exit or a
// cause's band; after an urgent red flag, only what could make it an emergency, and the screens the rules ask after
// an urgent sign too (`askAfterUrgent`: the pain questions the doctor needs); after a scope exit, only what could
// make it urgent or an emergency; after an emergency sign, nothing.
import type { Condition, Question, Rules } from '../rules/schema.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { answerProblem } from './answers.ts';
import { matches, questionsIn } from './conditions.ts';
import { holds, slotProgram, testableOf, type SlotPredicate, type Slots, type Testable } from './answer-slots.ts';
import { canChangeResultAt, focusOf, skipReasons, type Focus, type SkipReason } from './relevance.ts';
import { layoutOf, type Screen } from './screens.ts';
import { packedRelevance } from './walk-relevance.ts';
import { isVisible } from './visibility.ts';

export type Stop = 'emergency' | 'urgent' | 'out_of_scope';

/** A grouped check's answer: "Do you have any of these?" */
export type GroupChoice = 'yes' | 'no' | 'not_sure';
export const GROUP_CHOICES: readonly GroupChoice[] = ['yes', 'no', 'not_sure'];
export type Choices = Readonly<Record<string, GroupChoice>>;

/**
 * One page the person sees. A grouped check is one step, plus "Which of these?" after Yes (each sign with what does
 * not count), or, after "I'm not sure", the whole list again on one page: each sign in full words, with what does not
 * count and how to check it, answered Yes, No or "I'm not sure" row by row.
 */
export type Step =
  | { kind: 'screen'; key: string; screen: Screen; questions: readonly Question[] }
  | { kind: 'which'; key: string; screen: Screen; questions: readonly Question[] }
  | { kind: 'unsure'; key: string; screen: Screen; questions: readonly Question[] };

export interface ScreenPlan {
  screen: Screen;
  /** The questions this screen asks: those shown by skip logic that can still change the result. */
  questions: readonly Question[];
}

export interface Walk {
  /** The screens that ask something, in order. */
  plan: readonly ScreenPlan[];
  /** The answers that count: answers to the questions the walk asks (others were skipped or are hidden). */
  kept: Answers;
}

// The machine's guards ask about the same answers object several times per event: remember each object's walk.
// Answers objects are never changed once made (the machine assigns new ones), which makes this safe.
const walks = new WeakMap<Rules, WeakMap<Answers, Walk>>();

/**
 * Walk the screens in order with these answers. Each screen is judged on the answers to the screens before it;
 * a question not asked is treated as unanswered by everything after it.
 */
export function walk(rules: Rules, answers: Answers): Walk {
  let cache = walks.get(rules);
  if (!cache) walks.set(rules, (cache = new WeakMap()));
  const known = cache.get(answers);
  if (known) return known;
  const walked = walkScreens(rules, (w) => answers[w.question.id], false, true);
  const result: Walk = { plan: walked.plan, kept: walked.kept() };
  cache.set(answers, result);
  return result;
}

/**
 * The walk itself. With `keepWhileOpen`, questions are not tested for relevance while no red flag or scope exit has
 * fired: every question shown is kept. Those answers cannot change the outcome (that is what relevance means), so
 * the outcome is the walk's own, at a fraction of the cost; the impact analysis walks 100,000 people this way.
 */
function walkScreens(
  rules: Rules,
  answerOf: (w: WalkQuestion) => AnswerValue | undefined,
  keepWhileOpen: boolean,
  /** Without it (the population's walks), only the answers are kept: no plan is built. */
  withPlan: boolean,
  /**
   * Relevance remembered by packed answers: for walks of many people (the impact analysis); passed in, so that the
   * check in the browser, which walks one person, does not ship it.
   */
  fast?: Relevant,
  /** Red flags and exits counted answer by answer (stopper-counts.ts): for the same walks, and for the same reason. */
  counts?: StopperCounts,
): SlotWalk {
  const relevant: Relevant = fast ?? ((w, kept, focus, freeFrom) => canChangeResultAt(rules, w.question, kept, focus, freeFrom));
  // The answers by position, which the walk's skip logic and red flags read (see answer-slots.ts): a record of
  // hundreds of answers is a hash table, and reading it by id in every condition was most of a large file's walk.
  // The record by id is made from them only when something reads it (a relevance search, the caller).
  const slots: Slots = new Array<AnswerValue | undefined>(rules.questions.length);
  /** The positions answered, in the order the walk kept them (the record's key order, as it always was). */
  const keptOrder: number[] = [];
  let record: Record<string, AnswerValue> | null = null;
  const kept = (): Answers => (record ??= recordOf(rules, slots, keptOrder));
  const plan: ScreenPlan[] = [];
  // The focus changes only when an answer a red flag or scope exit reads is kept: only those rules are checked again.
  // Which fire is kept by `Stopper.index`, with how many of each kind: deleting from a set of those that fire, on
  // every reread once one had fired, was a tenth of the population's walk on rules ten times larger.
  const fired = new Uint8Array(walkStoppers(rules).length);
  const firingKinds = [0, 0, 0, 0];
  let focus: Focus = { kind: 'everything' };
  for (const { screen, freeFrom, questions, stoppers } of walkPlanOf(rules)) {
    if (focus.kind === 'nothing') break;
    // `askAlways`: the follow-up's pain now, which its comparison reads though no red flag or sign may.
    const askedAnyway =
      (keepWhileOpen && focus.kind === 'everything') || (screen.askAfterUrgent && isUrgentFocus(focus)) || screen.askAlways;
    // Which questions the screen asks is decided on the answers before it, then its answers are kept.
    let asked: WalkQuestion[] | null = null;
    for (const w of questions) {
      if (w.shown !== null && !w.shown(slots)) continue;
      if (!askedAnyway && !relevant(w, kept, focus, freeFrom, slots)) continue;
      (asked ??= []).push(w);
    }
    if (asked === null) continue;
    if (withPlan) plan.push({ screen, questions: asked.map((w) => w.question) });
    // The screen's answers first, then each red flag or exit that reads any of them, once (a grouped check's rule
    // that counts its signs reads all of them: tested per answer, it was most of the population's walk).
    let answered = 0;
    for (const w of asked) {
      const value = answerOf(w);
      if (value === undefined) continue;
      const was = slots[w.position];
      if (was === undefined) keptOrder.push(w.position);
      slots[w.position] = value;
      counts?.keep(w.position, value, was);
      record = null;
      answered++;
    }
    // Every question of the screen answered (the population's usual screen): the list made with the plan.
    let reread = stoppers;
    if (answered < questions.length) {
      const stamp = ++screensWalked;
      const some: Stopper[] = (reread = []);
      for (const w of asked) {
        if (slots[w.position] === undefined) continue;
        for (const stopper of w.stoppers) {
          if (stopper.stamp === stamp) continue;
          stopper.stamp = stamp;
          some.push(stopper);
        }
      }
    }
    let changed = false;
    for (const stopper of reread) {
      const fires = counts ? counts.holds(stopper, slots) : holds(stopper, slots);
      if (fires === (fired[stopper.index] === 1)) continue;
      fired[stopper.index] = fires ? 1 : 0;
      const place = KIND_PLACE[stopper.kind];
      firingKinds[place] = (firingKinds[place] as number) + (fires ? 1 : -1);
      changed = true;
    }
    if (changed) focus = focusOfKinds(firingKinds);
  }
  return { plan, kept, slots };
}

/** The walk's answers by id, in the order it kept them. */
function recordOf(rules: Rules, slots: Slots, order: readonly number[]): Record<string, AnswerValue> {
  const record: Record<string, AnswerValue> = {};
  for (const at of order) record[(rules.questions[at] as Question).id] = slots[at] as AnswerValue;
  return record;
}

/** A walk's plan, and its answers by position and (made when asked for) by id. */
interface SlotWalk {
  plan: readonly ScreenPlan[];
  slots: Slots;
  kept: () => Answers;
}

export interface Stopper extends Testable {
  when: Condition;
  /** Its place among the rules' red flags, then scope exits (`walkStoppers`). */
  index: number;
  kind: 'emergency' | 'urgent' | 'exit' | 'exit-self-care';
  /** The screen (by `screensWalked`) it was last queued for, so a screen tests it once. */
  stamp: number;
}

/** Screens walked so far, by any walk: a stamp for "already queued on this screen" (walks never run inside walks). */
let screensWalked = 0;

/**
 * A walk's red flags and exits kept up to date as answers are kept, so that rereading one that counts matching
 * answers ("2 of these 16") does not test all of its parts again after every screen. Built fresh for each walk.
 */
export interface StopperCounts {
  /** An answer kept at this position; `was` is what the walk had kept there before, if anything. */
  keep(position: number, value: AnswerValue, was: AnswerValue | undefined): void;
  /** The same as `holds(stopper, slots)` for the answers kept so far. */
  holds(stopper: Stopper, slots: Slots): boolean;
}

/** Whether the walk asks this question of its screen (relevance.ts `canChangeResultAt`). */
export type Relevant = (w: WalkQuestion, kept: () => Answers, focus: Focus, freeFrom: number, slots: Slots) => boolean;

/** A question as the walk meets it: its skip logic and the red flags and scope exits that read it, compiled. */
export interface WalkQuestion {
  question: Question;
  /** Its place in asking order (in `rules.questions`). */
  position: number;
  shown: SlotPredicate | null;
  stoppers: readonly Stopper[];
}

interface WalkScreen {
  screen: Screen;
  /** The screen's first question's place in asking order: questions from there on are still open. */
  freeFrom: number;
  questions: readonly WalkQuestion[];
  /** The red flags and exits that read any of its questions, each once. */
  stoppers: readonly Stopper[];
}

const walkPlans = new WeakMap<Rules, readonly WalkScreen[]>();

/**
 * The screens with what the walk reads of each question, built once per rules object: the impact analysis walks
 * 100,000 people through every screen, twice, and looking each of these up by id was most of the walk.
 */
function walkPlanOf(rules: Rules): readonly WalkScreen[] {
  let plan = walkPlans.get(rules);
  if (!plan) {
    const layout = layoutOf(rules);
    const stoppers = stoppersOf(rules);
    const { compile } = slotProgram(rules);
    plan = layout.screens.map((screen) => ({
      screen,
      freeFrom: screen.questions[0] ? (layout.order.get(screen.questions[0].id) ?? 0) : 0,
      stoppers: [...new Set(screen.questions.flatMap((q) => stoppers.get(q.id) ?? []))],
      questions: screen.questions.map((question) => ({
        question,
        position: layout.order.get(question.id) ?? 0,
        shown: question.showIf ? compile(question.showIf) : null,
        stoppers: stoppers.get(question.id) ?? [],
      })),
    }));
    walkPlans.set(rules, plan);
  }
  return plan;
}

const stopperIndex = new WeakMap<Rules, { byQuestion: ReadonlyMap<string, readonly Stopper[]>; all: readonly Stopper[] }>();

/** Red flags and scope exits by the questions they read: only their answers change what is still asked. */
function stoppersOf(rules: Rules): ReadonlyMap<string, readonly Stopper[]> {
  return stopperListOf(rules).byQuestion;
}

/** Every red flag and scope exit as the walk tests them, in `Stopper.index` order (for stopper-counts.ts). */
export function walkStoppers(rules: Rules): readonly Stopper[] {
  return stopperListOf(rules).all;
}

function stopperListOf(rules: Rules): { byQuestion: ReadonlyMap<string, readonly Stopper[]>; all: readonly Stopper[] } {
  let index = stopperIndex.get(rules);
  if (!index) {
    const map = new Map<string, Stopper[]>();
    const program = slotProgram(rules);
    const all: Stopper[] = [
      ...rules.redFlags.map((r, index): Stopper => ({ when: r.when, index, ...testableOf(r.when, program), kind: r.level, stamp: 0 })),
      ...rules.scopeExits.map((r, i): Stopper => ({
        when: r.when,
        index: rules.redFlags.length + i,
        ...testableOf(r.when, program),
        kind: r.level === 'self-care' ? 'exit-self-care' : 'exit',
        stamp: 0,
      })),
    ];
    for (const stopper of all) {
      for (const id of new Set(questionsIn(stopper.when))) map.set(id, [...(map.get(id) ?? []), stopper]);
    }
    stopperIndex.set(rules, (index = { byQuestion: map, all }));
  }
  return index;
}

/** After an urgent red flag (not an emergency one, which asks nothing more). */
function isUrgentFocus(focus: Focus): boolean {
  return focus.kind === 'urgency' && focus.above === 'urgent';
}

/** A stopper kind's place in a walk's count of those that fire, most urgent first. */
const KIND_PLACE = { emergency: 0, urgent: 1, exit: 2, 'exit-self-care': 3 } as const;

/** The same focus as `focusOf`, from how many red flags and exits of each kind fire (by `KIND_PLACE`). */
function focusOfKinds(firing: readonly number[]): Focus {
  if (firing[0]) return { kind: 'nothing' };
  if (firing[1]) return { kind: 'urgency', above: 'urgent' };
  if (firing[2]) return { kind: 'urgency', above: 'consult' };
  return firing[3] ? { kind: 'urgency', above: 'self-care' } : { kind: 'everything' };
}

/**
 * The answers the check collects from a person whose true answers are `truth` (every question answered): what the
 * state machine ends with, without walking it step by step. (A grouped check answered "I'm not sure" asks its whole
 * list again on one page, so its answers all count, as on any screen.) With `outcomeOnly`, questions asked before any
 * red flag or scope exit are all kept, relevant or not: the result they give is the same (the relevance property test
 * proves it), and it is much faster for large populations.
 */
export function collectedAnswers(rules: Rules, truth: Answers, options: { outcomeOnly?: boolean } = {}): Answers {
  return options.outcomeOnly ? collectedOutcomeAnswers(rules, (position) => truth[rules.questions[position]?.id ?? '']) : walk(rules, truth).kept;
}

/**
 * `collectedAnswers(..., { outcomeOnly: true })` with the true answers by place in asking order: the impact
 * analysis walks 100,000 people twice, and a record of every answer by id per person was a fifth of its time.
 */
export function collectedOutcomeAnswers(rules: Rules, answerAt: (position: number) => AnswerValue | undefined): Answers {
  return collectedOutcome(rules, answerAt).kept();
}

/**
 * The same, with the answers by position too (what `evaluateWalked` reads). The population passes its stopper counts
 * (stopper-counts.ts) in, so that the review page's chunk shared with the check does not carry them.
 */
export function collectedOutcome(
  rules: Rules,
  answerAt: (position: number) => AnswerValue | undefined,
  counts?: StopperCounts,
): { kept: () => Answers; slots: Slots } {
  return walkScreens(rules, (w) => answerAt(w.position), true, false, packedRelevance(rules), counts);
}

/** The answers that count for the result and the summary. */
export function countedAnswers(rules: Rules, answers: Answers): Answers {
  return walk(rules, answers).kept;
}

/** Questions the walk still asks and that have no answer, in asking order. */
export function pendingQuestions(rules: Rules, answers: Answers): Question[] {
  return walk(rules, answers).plan.flatMap((p) => p.questions.filter((q) => answers[q.id] === undefined));
}

/** Why the check should go straight to the result, if it should. */
export function stopReason(rules: Rules, answers: Answers): Stop | null {
  const counted = countedAnswers(rules, answers);
  const fired = rules.redFlags.filter((r) => matches(r.when, counted));
  if (fired.some((r) => r.level === 'emergency')) return 'emergency';
  const remaining = pendingQuestions(rules, answers).length > 0;
  if (fired.length > 0) return remaining ? null : 'urgent';
  if (rules.scopeExits.some((r) => matches(r.when, counted))) return remaining ? null : 'out_of_scope';
  return null;
}

/** Why the walk leaves a question out, for clinicians ("try it" on the review page). */
export type LeftOut =
  | { kind: 'hidden' }
  /** An emergency answer before it ended the check. */
  | { kind: 'ended' }
  /** No answer to it, with any answers after it, can change the result: what holds for each rule that reads it. */
  | { kind: 'cannot-change'; reasons: SkipReason[] };

/** Why these answers' walk does not ask this question, or null when it asks it. */
export function whyLeftOut(rules: Rules, answers: Answers, question: Question): LeftOut | null {
  const layout = layoutOf(rules);
  const screen = layout.screenOf.get(question.id);
  const { plan, kept } = walk(rules, answers);
  if (!screen || plan.some((p) => p.questions.includes(question))) return null;
  const first = screen.questions[0];
  const freeFrom = first ? (layout.order.get(first.id) ?? 0) : 0;
  const given = Object.fromEntries(Object.entries(kept).filter(([id]) => (layout.order.get(id) ?? 0) < freeFrom));
  const focus = focusOf(rules, given);
  if (focus.kind === 'nothing') return { kind: 'ended' };
  if (!isVisible(question, given)) return { kind: 'hidden' };
  return { kind: 'cannot-change', reasons: skipReasons(rules, question, given, focus, freeFrom) };
}

// ---- Steps ----

export function stepKey(screen: Screen, part?: 'which' | 'unsure'): string {
  return part === undefined ? screen.id : `${screen.id}/${part}`;
}

/** Every step of the path these answers and choices take, in order. */
export function stepsOf(rules: Rules, answers: Answers, choices: Choices): Step[] {
  return walk(rules, answers).plan.flatMap(({ screen, questions }): Step[] => {
    const main: Step = { kind: 'screen', key: stepKey(screen), screen, questions };
    if (screen.kind !== 'group') return [main];
    const choice = choices[screen.id];
    if (choice === 'yes') return [main, { kind: 'which', key: stepKey(screen, 'which'), screen, questions }];
    if (choice === 'not_sure') return [main, { kind: 'unsure', key: stepKey(screen, 'unsure'), screen, questions }];
    return [main];
  });
}

/** Whether the person has fully answered this step (and, for a grouped check, consistently with its questions). */
export function isStepAnswered(step: Step, answers: Answers, choices: Choices): boolean {
  const allAnswered = step.questions.every((q) => answers[q.id] !== undefined);
  switch (step.kind) {
    case 'screen': {
      if (step.screen.kind !== 'group') return allAnswered;
      const choice = choices[step.screen.id];
      if (choice === undefined) return false;
      // "No" stands only while every listed question is still "no" (an earlier change can list one more).
      return choice !== 'no' || step.questions.every((q) => answers[q.id] === 'no');
    }
    case 'which':
      // A confirmed tick may have become "I'm not sure"; one that became No leaves the group at No (applyResponse).
      return allAnswered && step.questions.some((q) => answers[q.id] === 'yes' || answers[q.id] === 'not_sure');
    case 'unsure':
      return allAnswered;
  }
}

/** Where a step key sits in asking order: its screen, then the group's own question, then "which" or "not sure". */
function position(rules: Rules, key: string): [number, number] {
  const layout = layoutOf(rules);
  const [screenId = '', part] = key.split('/');
  const screen = layout.screenById.get(screenId);
  if (!screen) return [-1, 0];
  return [screen.index, part === undefined ? 0 : 1];
}

function isAfter(a: [number, number], b: [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

/**
 * The step to show after `after` (or the first), or null when there is none left. Walking forward passes through
 * answered steps too (after "back" they show their answers); with `unansweredOnly` (after changing an answer from
 * the review), or once a red flag or scope exit has fired, only steps still to answer are shown.
 */
export function nextStep(
  rules: Rules,
  answers: Answers,
  choices: Choices,
  from: { after?: string; unansweredOnly?: boolean } = {},
): Step | null {
  // An emergency answer ends the check, whatever is still open before or after it.
  if (stopReason(rules, answers) === 'emergency') return null;
  const steps = stepsOf(rules, answers, choices);
  const focus = focusOf(rules, countedAnswers(rules, answers));
  const onlyOpen = from.unansweredOnly === true || focus.kind !== 'everything';
  const start = from.after === undefined ? null : position(rules, from.after);
  return (
    steps.find(
      (s) => (start === null || isAfter(position(rules, s.key), start)) && (!onlyOpen || !isStepAnswered(s, answers, choices)),
    ) ?? null
  );
}

/**
 * The step with this key: as on the path these answers take, or, for a step shown earlier that the path no longer
 * reaches (the person went back to look after an emergency answer ended the check), with the answers given on it.
 */
export function findStep(rules: Rules, answers: Answers, choices: Choices, key: string): Step | null {
  const onPath = stepsOf(rules, answers, choices).find((s) => s.key === key);
  if (onPath) return onPath;
  const [screenId = '', part] = key.split('/');
  const screen = layoutOf(rules).screenById.get(screenId);
  if (!screen) return null;
  const answered = screen.questions.filter((q) => answers[q.id] !== undefined);
  if (answered.length === 0) return null;
  if (part === undefined) return { kind: 'screen', key, screen, questions: answered };
  if (part === 'which') return { kind: 'which', key, screen, questions: answered };
  return part === 'unsure' ? { kind: 'unsure', key, screen, questions: answered } : null;
}

/**
 * Where the person is: the step on screen and the steps of the path as it now runs (answered, this one, and every
 * step still to come as far as the answers so far tell). It moves on every screen, the unsure path's too; a Yes or
 * "I'm not sure" on a grouped check adds the steps it brings. Null for a step off the path (looking back after an
 * emergency answer ended the check).
 */
export function stepProgress(rules: Rules, answers: Answers, choices: Choices, currentKey: string): { step: number; steps: number } | null {
  const steps = stepsOf(rules, answers, choices);
  const at = steps.findIndex((s) => s.key === currentKey);
  return at < 0 ? null : { step: at + 1, steps: steps.length };
}

// ---- Responses: what the person gives on a step, and what it does to the answers ----

export type Response =
  /** Answers to the questions on a screen, or to one question of a group. */
  | { kind: 'values'; values: Readonly<Record<string, AnswerValue | undefined>> }
  /** "Do you have any of these?" */
  | { kind: 'choice'; choice: GroupChoice | undefined }
  /**
   * "Which of these?": the questions ticked, and for each ticked question that asks to be confirmed (`confirm`), its
   * answer in full words; or, with `none`, none of them after all (the person said Yes, then read what counts and
   * what does not).
   */
  | { kind: 'ticked'; questions: readonly string[]; confirmed?: Readonly<Record<string, AnswerValue | undefined>>; none?: boolean };

export interface ResponseProblem {
  /** The question, or the grouped check's screen id, the problem is about. */
  field: string;
  kind: 'required' | 'invalid';
  message: string;
}

/** Every problem with a response to a step; empty when it can be recorded. */
export function responseProblems(step: Step, response: Response): ResponseProblem[] {
  if (step.kind === 'screen' && step.screen.kind === 'group') {
    if (response.kind !== 'choice' || response.choice === undefined) {
      return [{ field: step.screen.id, kind: 'required', message: 'choose Yes, No or "I\'m not sure"' }];
    }
    return GROUP_CHOICES.includes(response.choice)
      ? []
      : [{ field: step.screen.id, kind: 'invalid', message: `"${String(response.choice)}" is not yes, no or not_sure` }];
  }
  if (step.kind === 'which') {
    const listed = new Set(step.questions.map((q) => q.id));
    if (response.kind === 'ticked' && response.none === true) {
      return response.questions.length === 0 ? [] : [{ field: step.screen.id, kind: 'invalid', message: 'ticks together with "none of these"' }];
    }
    if (response.kind !== 'ticked' || response.questions.length === 0) {
      return [{ field: step.screen.id, kind: 'required', message: 'tick at least one, or "none of these"' }];
    }
    const unknown = response.questions.filter((id) => !listed.has(id));
    if (unknown.length > 0) return [{ field: step.screen.id, kind: 'invalid', message: `not in this list: ${unknown.join(', ')}` }];
    // Each ticked sign that asks to be confirmed needs its answer in full words.
    return step.questions.flatMap((q): ResponseProblem[] => {
      if (!q.confirm || !response.questions.includes(q.id)) return [];
      const value = response.confirmed?.[q.id];
      if (value === undefined) return [{ field: q.id, kind: 'required', message: `"${q.id}" is ticked and needs confirming` }];
      const problem = answerProblem(q, value);
      return problem ? [{ field: q.id, kind: 'invalid', message: problem }] : [];
    });
  }
  if (response.kind !== 'values') return [{ field: step.screen.id, kind: 'required', message: 'answer the questions' }];
  return step.questions.flatMap((q): ResponseProblem[] => {
    const value = response.values[q.id];
    if (value === undefined) return [{ field: q.id, kind: 'required', message: `"${q.id}" needs an answer` }];
    const problem = answerProblem(q, value);
    return problem ? [{ field: q.id, kind: 'invalid', message: problem }] : [];
  });
}

/**
 * The answers and choices after a (valid) response. "No" on a grouped check answers each listed question "no";
 * a new Yes or "I'm not sure" clears them, so "Which of these?" or each question is asked afresh; ticks answer
 * "yes" and leave the rest of the list "no". Answers that skip logic now hides are dropped.
 */
export function applyResponse(
  rules: Rules,
  answers: Answers,
  choices: Choices,
  step: Step,
  response: Response,
): { answers: Answers; choices: Choices } {
  const next: Record<string, AnswerValue> = { ...answers };
  const nextChoices: Record<string, GroupChoice> = { ...choices };
  if (response.kind === 'choice' && response.choice !== undefined) {
    const before = choices[step.screen.id];
    nextChoices[step.screen.id] = response.choice;
    for (const q of step.questions) {
      if (response.choice === 'no') next[q.id] = 'no';
      else if (before !== response.choice) delete next[q.id];
    }
  } else if (response.kind === 'ticked') {
    const ticked = new Set(response.questions);
    for (const q of step.questions) {
      const confirmed = q.confirm ? response.confirmed?.[q.id] : undefined;
      next[q.id] = !ticked.has(q.id) ? 'no' : (confirmed ?? 'yes');
    }
    // None after all (said so, or every tick taken back on confirming): the grouped check's answer becomes No, so
    // "Which of these?" is no longer on the path.
    if (response.none === true || step.questions.every((q) => next[q.id] === 'no')) nextChoices[step.screen.id] = 'no';
  } else if (response.kind === 'values') {
    for (const q of step.questions) {
      const value = response.values[q.id];
      if (value !== undefined) next[q.id] = value;
    }
  }
  return { answers: withoutHidden(rules, next), choices: nextChoices };
}

/** Drop answers to questions that skip logic hides (after an earlier answer changed). */
function withoutHidden(rules: Rules, answers: Answers): Answers {
  const kept: Record<string, AnswerValue> = {};
  for (const q of rules.questions) {
    const value = answers[q.id];
    if (value !== undefined && isVisible(q, kept)) kept[q.id] = value;
  }
  return kept;
}

/**
 * The response a person whose true answers are `truth` gives on this step: the scenario runner and the burden
 * figures walk the real steps with it. On a grouped check: "I'm not sure" if they are unsure of any listed sign,
 * else Yes if they have any, else No. Null when `truth` does not answer what the step asks.
 */
export function responseFor(step: Step, truth: Answers): Response | null {
  const values = step.questions.map((q) => truth[q.id]);
  if (values.some((v) => v === undefined)) return null;
  if (step.kind === 'screen' && step.screen.kind === 'group') {
    const choice: GroupChoice = values.includes('not_sure') ? 'not_sure' : values.includes('yes') ? 'yes' : 'no';
    return { kind: 'choice', choice };
  }
  if (step.kind === 'which') return tickedResponse(step, truth);
  return { kind: 'values', values: Object.fromEntries(step.questions.map((q) => [q.id, truth[q.id]])) };
}

/** "Which of these?" as these answers give it: the yes (and, for confirmed signs, not sure) ticked, with confirmations. */
function tickedResponse(step: Step, answers: Answers): Response {
  const ticked = step.questions.filter((q) => answers[q.id] === 'yes' || (q.confirm === true && answers[q.id] === 'not_sure'));
  const confirmed = Object.fromEntries(ticked.filter((q) => q.confirm).map((q) => [q.id, answers[q.id]]));
  return { kind: 'ticked', questions: ticked.map((q) => q.id), confirmed };
}

/**
 * The grouped checks' choices that answers given without them imply (an answers file, a scenario): "I'm not sure"
 * if any listed question is, else Yes if any is, else No, for each group whose listed questions are all answered.
 */
export function impliedChoices(rules: Rules, answers: Answers): Choices {
  const choices: Record<string, GroupChoice> = {};
  for (const { screen, questions } of walk(rules, answers).plan) {
    if (screen.kind !== 'group') continue;
    const step: Step = { kind: 'screen', key: stepKey(screen), screen, questions };
    const response = responseFor(step, answers);
    if (response?.kind === 'choice' && response.choice) choices[screen.id] = response.choice;
  }
  return choices;
}

/** The response that gives again what is already recorded for a step (the browser's Forward button). */
export function recordedResponse(step: Step, answers: Answers, choices: Choices): Response {
  if (step.kind === 'screen' && step.screen.kind === 'group') return { kind: 'choice', choice: choices[step.screen.id] };
  if (step.kind === 'which') return tickedResponse(step, answers);
  return { kind: 'values', values: Object.fromEntries(step.questions.map((q) => [q.id, answers[q.id]])) };
}
