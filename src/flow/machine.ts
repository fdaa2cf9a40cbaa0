// The check's navigation: the single source of truth for which step is shown. It never scores; its guards call
// the engine's pure functions. Built from any valid rules, given as input, so a clinician's new question, screen
// or section needs no code.
import { and, assertEvent, assign, not, setup } from 'xstate';
import type { Rules } from '../rules/schema.ts';
import type { Answers } from '../engine/answers.ts';
import { followUpRulesOf, type PreviousCheck } from '../engine/follow-up.ts';
import {
  applyResponse,
  findStep,
  isStepAnswered,
  nextStep,
  recordedResponse,
  responseProblems,
  stepsOf,
  stopReason,
  type Choices,
  type Response,
  type ResponseProblem,
  type Step,
} from '../engine/navigation.ts';

export interface CheckContext {
  rules: Rules;
  /** Answers by question id. Answers to questions a later change made irrelevant may stay; `countedAnswers` drops them. */
  answers: Answers;
  /** Each grouped check's own answer (Yes / No / I'm not sure), by screen id. */
  choices: Choices;
  /** The step on screen (in the `question` state), by its key. */
  current: string | null;
  /** Steps shown before the current one, oldest first: what "back" walks through. */
  history: string[];
  /** Set while changing an answer from the review screen: continue returns there. */
  changingFromReview: boolean;
  /**
   * While changing: where the change began (how long `history` was, and the answers then), so "back" knows when
   * it is at the review again, and backing out of an unfinished change restores what it left.
   */
  changeStart: { historyLength: number; answers: Answers; choices: Choices } | null;
  /** The problems with the last response, shown as an error summary. */
  error: { step: string; problems: ResponseProblem[] } | null;
  /** Resumed from a save made on the result screen (a reload there shows the result again). */
  resumedAtResult: boolean;
  /**
   * A follow-up check (issue #18): the earlier check as kept on the device. `rules` is then the follow-up's layout of
   * the same rules (its screens only), so every guard, step and result below works on it unchanged.
   */
  followUp: PreviousCheck | null;
}

export interface CheckInput {
  rules: Rules;
  /**
   * Saved progress to resume from (already checked against these rules by the caller). `atResult`: the person had
   * reached the result, which a reload shows again.
   */
  resume?: { answers: Answers; choices: Choices; current: string | null; history: string[]; atResult?: boolean };
  /** Ask the follow-up check the rules' `followUp` block lays out, against this earlier check. */
  followUp?: PreviousCheck;
}

export type CheckEvent =
  | { type: 'user.start' }
  | { type: 'user.answer'; response: Response }
  /** Forward again over a step already answered (the browser's Forward button). */
  | { type: 'user.forward' }
  | { type: 'user.back' }
  /** Change the answers on a screen, from the review. */
  | { type: 'user.change'; screen: string }
  | { type: 'user.confirm' }
  | { type: 'user.restart' };

/** The step on screen, as the path now runs. */
export function currentStep(context: Pick<CheckContext, 'rules' | 'answers' | 'choices' | 'current'>): Step | null {
  return context.current === null ? null : findStep(context.rules, context.answers, context.choices, context.current);
}

/** What this event gives for the current step: the person's response, or (Forward) what is already recorded. */
function responseOf(context: CheckContext, event: CheckEvent): { step: Step; response: Response } | null {
  const step = currentStep(context);
  if (!step) return null;
  if (event.type === 'user.answer') return { step, response: event.response };
  if (event.type === 'user.forward') return { step, response: recordedResponse(step, context.answers, context.choices) };
  return null;
}

function problemsOf(context: CheckContext, event: CheckEvent): ResponseProblem[] {
  const given = responseOf(context, event);
  if (!given) return [{ field: context.current ?? '', kind: 'required', message: 'nothing is being asked' }];
  return responseProblems(given.step, given.response);
}

function afterResponse(context: CheckContext, event: CheckEvent) {
  const given = responseOf(context, event);
  const { answers, choices } = given
    ? applyResponse(context.rules, context.answers, context.choices, given.step, given.response)
    : { answers: context.answers, choices: context.choices };
  const stop = stopReason(context.rules, answers);
  // Changing an answer from the review screen asks only what that change made newly relevant, then goes back.
  // Past the last step, anything still unanswered further up (a grouped check's new Yes left its list open, and
  // the person went back past it and forward again) is asked before the review, never skipped.
  const next = context.changingFromReview
    ? nextStep(context.rules, answers, choices, { unansweredOnly: true })
    : (nextStep(context.rules, answers, choices, { after: context.current ?? undefined }) ??
      nextStep(context.rules, answers, choices, { unansweredOnly: true }));
  return { answers, choices, stop, next };
}

/**
 * The answers every new check starts from: one object, never changed (the machine assigns new ones), so that the
 * engine's walk of it, which finds the first step and counts the steps (most of what pressing Start costs a slow
 * phone), is worked out once, by `prepareFirstStep`, and remembered (navigation.ts keeps each answers object's walk).
 */
const NO_ANSWERS: Answers = Object.freeze({});

/**
 * Works out a new check's first step now (while the person reads the intro), so that pressing Start only shows it.
 * Optional: without it the same walk is done on Start.
 */
export function prepareFirstStep(rules: Rules): void {
  stepsOf(rules, NO_ANSWERS, {});
}

export const checkMachine = setup({
  types: {
    context: {} as CheckContext,
    events: {} as CheckEvent,
    input: {} as CheckInput,
  },
  guards: {
    responseIsInvalid: ({ context, event }) => problemsOf(context, event).length > 0,
    canGoForward: ({ context }) => {
      const step = currentStep(context);
      return step !== null && isStepAnswered(step, context.answers, context.choices);
    },
    endsAtOnce: ({ context, event }) => afterResponse(context, event).stop === 'emergency',
    leavesNoStep: ({ context, event }) => afterResponse(context, event).next === null,
    hasHistory: ({ context }) => context.history.length > 0,
    // Back from the screen being changed returns to the review; back from a step the change made relevant
    // returns to the changed screen, so the review is never reached with that step unanswered.
    isBackAtReview: ({ context }) =>
      context.changeStart !== null && context.history.length <= context.changeStart.historyLength,
    // Only screens on the path with answers can be changed: the review lists nothing else.
    isAnsweredScreen: ({ context, event }) => {
      assertEvent(event, 'user.change');
      const step = findStep(context.rules, context.answers, context.choices, event.screen);
      return step !== null && isStepAnswered(step, context.answers, context.choices);
    },
    wasStoppedEarly: ({ context }) => stopReason(context.rules, context.answers) !== null,
    isResuming: ({ context }) => context.current !== null,
    // Only a complete check: nothing still to answer, whatever the saved flag says.
    isResumingResult: ({ context }) =>
      context.resumedAtResult && context.current === null && nextStep(context.rules, context.answers, context.choices, { unansweredOnly: true }) === null,
    hasAnswers: ({ context }) => Object.keys(context.answers).length > 0,
  },
  actions: {
    // Always the first step, even with answers already given (the person went back to the intro): its answers
    // are shown and they walk forward from there.
    showFirstStep: assign(({ context }) => ({
      current: stepsOf(context.rules, context.answers, context.choices)[0]?.key ?? null,
      history: [],
      changingFromReview: false,
      changeStart: null,
      error: null,
    })),
    recordProblems: assign(({ context, event }) => ({
      error: { step: context.current ?? '', problems: problemsOf(context, event) },
    })),
    recordAndAdvance: assign(({ context, event }) => {
      const { answers, choices, next } = afterResponse(context, event);
      return {
        answers,
        choices,
        history: context.current ? [...context.history, context.current] : context.history,
        current: next?.key ?? null,
        error: null,
      };
    }),
    recordAndLeave: assign(({ context, event }) => {
      const { answers, choices } = afterResponse(context, event);
      return {
        answers,
        choices,
        history: context.current ? [...context.history, context.current] : context.history,
        current: null,
        changingFromReview: false,
        changeStart: null,
        error: null,
      };
    }),
    // Back goes to the last step shown that is still on the person's path: a "Which of these?" answered "none of
    // these" (or whose ticks were all taken back) is no longer part of it, so Back skips it to the grouped check.
    showPreviousStep: assign(({ context }) => {
      const onPath = new Set(stepsOf(context.rules, context.answers, context.choices).map((s) => s.key));
      let at = context.history.length - 1;
      while (at > 0 && !onPath.has(context.history[at] ?? '')) at--;
      return { current: context.history[at] ?? null, history: context.history.slice(0, Math.max(0, at)), error: null };
    }),
    showScreenToChange: assign(({ context, event }) => {
      assertEvent(event, 'user.change');
      return {
        current: event.screen,
        changeStart: { historyLength: context.history.length, answers: context.answers, choices: context.choices },
        changingFromReview: true,
        error: null,
      };
    }),
    // Backing out of a change: an unfinished change (a step it made relevant is still unanswered) is undone, so
    // the review never shows an incomplete set of answers.
    leaveChangeMode: assign(({ context }) => ({
      answers: context.changeStart?.answers ?? context.answers,
      choices: context.changeStart?.choices ?? context.choices,
      changingFromReview: false,
      changeStart: null,
      error: null,
    })),
    forgetEverything: assign({
      answers: NO_ANSWERS,
      choices: {},
      current: null,
      history: [],
      changingFromReview: false,
      changeStart: null,
      error: null,
    }),
  },
}).createMachine({
  id: 'backcheck',
  context: ({ input }) => ({
    rules: input.followUp && input.rules.followUp ? followUpRulesOf(input.rules) : input.rules,
    answers: input.resume?.answers ?? NO_ANSWERS,
    choices: input.resume?.choices ?? {},
    current: input.resume?.current ?? null,
    history: input.resume?.history ?? [],
    changingFromReview: false,
    changeStart: null,
    error: null,
    resumedAtResult: input.resume?.atResult === true,
    followUp: input.followUp && input.rules.followUp ? input.followUp : null,
  }),
  initial: 'start',
  states: {
    // A transient state: a resumed session goes straight back to where the person was.
    start: {
      always: [
        { guard: 'isResumingResult', target: 'result' },
        { guard: 'isResuming', target: 'question' },
        { guard: 'hasAnswers', target: 'decide' },
        { target: 'intro' },
      ],
    },
    intro: {
      on: { 'user.start': { target: 'question', actions: 'showFirstStep' } },
    },
    question: {
      tags: ['asking'],
      on: {
        'user.answer': [
          { guard: 'responseIsInvalid', actions: 'recordProblems' },
          { guard: 'endsAtOnce', target: 'result', actions: 'recordAndLeave' },
          { guard: 'leavesNoStep', target: 'decide', actions: 'recordAndLeave' },
          { actions: 'recordAndAdvance' },
        ],
        // Forward only over a step that is already answered; then it behaves exactly like Continue.
        'user.forward': [
          { guard: and(['canGoForward', 'endsAtOnce']), target: 'result', actions: 'recordAndLeave' },
          { guard: and(['canGoForward', 'leavesNoStep']), target: 'decide', actions: 'recordAndLeave' },
          { guard: 'canGoForward', actions: 'recordAndAdvance' },
        ],
        'user.back': [
          { guard: 'isBackAtReview', target: 'review', actions: 'leaveChangeMode' },
          { guard: 'hasHistory', actions: 'showPreviousStep' },
          { target: 'intro' },
        ],
      },
    },
    // Out of steps: either a red flag or scope exit ended it (straight to the result) or the person checks
    // their answers first.
    decide: {
      always: [{ guard: 'wasStoppedEarly', target: 'result' }, { target: 'review' }],
    },
    review: {
      tags: ['reviewing'],
      on: {
        'user.change': { guard: 'isAnsweredScreen', target: 'question', actions: 'showScreenToChange' },
        'user.confirm': { target: 'result' },
        'user.back': { target: 'question', actions: 'showPreviousStep' },
      },
    },
    result: {
      tags: ['done'],
      on: {
        // Back goes where the person came from: the review, or the step that ended the check early.
        'user.back': [
          { guard: not('wasStoppedEarly'), target: 'review' },
          { guard: 'hasHistory', target: 'question', actions: 'showPreviousStep' },
        ],
      },
    },
  },
  on: {
    'user.restart': { target: '.intro', actions: 'forgetEverything' },
  },
});
