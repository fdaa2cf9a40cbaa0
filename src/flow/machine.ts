// The questionnaire's navigation: the single source of truth for which screen is shown. It never scores; its
// guards call the engine's pure functions. Built from any valid rules, given as input, so a clinician's new
// question or section needs no code.
import { assertEvent, assign, setup } from 'xstate';
import type { Rules } from '../rules/schema.ts';
import { answerProblem, findQuestion, type AnswerValue, type Answers } from '../engine/answers.ts';
import { nextQuestion, stopReason } from '../engine/navigation.ts';
import { pruneAnswers, visibleQuestions } from '../engine/visibility.ts';

export interface CheckContext {
  rules: Rules;
  answers: Answers;
  /** The question on screen (in the `question` state). */
  current: string | null;
  /** Questions shown before the current one, oldest first: what "back" walks through. */
  history: string[];
  /** Set while changing an answer from the review screen: continue returns there. */
  changingFromReview: boolean;
  /**
   * While changing: where the change began (how long `history` was, and the answers then), so "back" knows when
   * it is at the review again, and backing out of an unfinished change restores the answers it left.
   */
  changeStart: { historyLength: number; answers: Answers } | null;
  /** The problem with the last answer given, shown as an error summary. */
  error: { questionId: string; message: string } | null;
}

export interface CheckInput {
  rules: Rules;
  /** Saved progress to resume from (already checked against these rules by the caller). */
  resume?: { answers: Answers; current: string | null; history: string[] };
}

export type CheckEvent =
  | { type: 'user.start' }
  | { type: 'user.answer'; value: AnswerValue | undefined }
  | { type: 'user.back' }
  | { type: 'user.change'; questionId: string }
  | { type: 'user.confirm' }
  | { type: 'user.restart' };

type AnswerEvent = Extract<CheckEvent, { type: 'user.answer' }>;

/** The answers as they would be after this answer, with answers that no longer apply dropped. */
function withAnswer(context: CheckContext, event: AnswerEvent): Answers {
  if (context.current === null || event.value === undefined) return context.answers;
  return pruneAnswers(context.rules, { ...context.answers, [context.current]: event.value });
}

function afterAnswer(context: CheckContext, event: AnswerEvent) {
  const answers = withAnswer(context, event);
  const stop = stopReason(context.rules, answers);
  // Changing an answer from the review screen asks only what that change made newly relevant, then goes back.
  const next = context.changingFromReview
    ? nextQuestion(context.rules, answers, { unansweredOnly: true })
    : nextQuestion(context.rules, answers, { after: context.current ?? undefined });
  return { answers, stop, next };
}

export const checkMachine = setup({
  types: {
    context: {} as CheckContext,
    events: {} as CheckEvent,
    input: {} as CheckInput,
  },
  guards: {
    answerIsInvalid: ({ context, event }) => {
      const e = event as AnswerEvent;
      const question = context.current ? findQuestion(context.rules, context.current) : undefined;
      return !question || e.value === undefined || answerProblem(question, e.value) !== null;
    },
    answerEndsAtOnce: ({ context, event }) => afterAnswer(context, event as AnswerEvent).stop === 'emergency',
    answerLeavesNoQuestion: ({ context, event }) => afterAnswer(context, event as AnswerEvent).next === null,
    answerStopsEarly: ({ context, event }) => afterAnswer(context, event as AnswerEvent).stop !== null,
    hasHistory: ({ context }) => context.history.length > 0,
    // Back from the question being changed returns to the review; back from a question that the change made
    // relevant returns to the changed question, so the review is never reached with that question unanswered.
    isBackAtReview: ({ context }) =>
      context.changeStart !== null && context.history.length <= context.changeStart.historyLength,
    // Only answered questions can be changed: the review screen lists nothing else.
    isKnownQuestion: ({ context, event }) => {
      assertEvent(event, 'user.change');
      return findQuestion(context.rules, event.questionId) !== undefined && context.answers[event.questionId] !== undefined;
    },
    wasStoppedEarly: ({ context }) => stopReason(context.rules, context.answers) !== null,
    isResuming: ({ context }) => context.current !== null,
    hasAnswers: ({ context }) => Object.keys(context.answers).length > 0,
  },
  actions: {
    // Always the first question, even with answers already given (the person went back to the intro): its
    // answer is shown and they walk forward from there.
    showFirstQuestion: assign(({ context }) => ({
      current: visibleQuestions(context.rules, context.answers)[0]?.id ?? null,
      history: [],
      changingFromReview: false,
      changeStart: null,
      error: null,
    })),
    recordAnswerProblem: assign(({ context, event }) => {
      const e = event as AnswerEvent;
      const question = context.current ? findQuestion(context.rules, context.current) : undefined;
      const message =
        e.value === undefined || !question ? 'required' : (answerProblem(question, e.value) ?? 'required');
      return { error: { questionId: context.current ?? '', message } };
    }),
    recordAnswerAndAdvance: assign(({ context, event }) => {
      const { answers, next } = afterAnswer(context, event as AnswerEvent);
      return {
        answers,
        history: context.current ? [...context.history, context.current] : context.history,
        current: next?.id ?? null,
        error: null,
      };
    }),
    recordAnswer: assign(({ context, event }) => ({
      answers: withAnswer(context, event as AnswerEvent),
      history: context.current ? [...context.history, context.current] : context.history,
      current: null,
      changingFromReview: false,
      changeStart: null,
      error: null,
    })),
    showPreviousQuestion: assign(({ context }) => ({
      current: context.history.at(-1) ?? null,
      history: context.history.slice(0, -1),
      error: null,
    })),
    showQuestionToChange: assign(({ context, event }) => {
      assertEvent(event, 'user.change');
      return {
      current: event.questionId,
      changeStart: { historyLength: context.history.length, answers: context.answers },
      changingFromReview: true,
      error: null,
      };
    }),
    // Backing out of a change: an unfinished change (a question it made relevant is still unanswered) is undone,
    // so the review never shows an incomplete set of answers.
    leaveChangeMode: assign(({ context }) => ({
      answers: context.changeStart?.answers ?? context.answers,
      changingFromReview: false,
      changeStart: null,
      error: null,
    })),
    forgetEverything: assign({
      answers: {},
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
    rules: input.rules,
    answers: input.resume?.answers ?? {},
    current: input.resume?.current ?? null,
    history: input.resume?.history ?? [],
    changingFromReview: false,
    changeStart: null,
    error: null,
  }),
  initial: 'start',
  states: {
    // A transient state: a resumed session goes straight back to where the person was.
    start: {
      always: [
        { guard: 'isResuming', target: 'question' },
        { guard: 'hasAnswers', target: 'decide' },
        { target: 'intro' },
      ],
    },
    intro: {
      on: { 'user.start': { target: 'question', actions: 'showFirstQuestion' } },
    },
    question: {
      tags: ['asking'],
      on: {
        'user.answer': [
          { guard: 'answerIsInvalid', actions: 'recordAnswerProblem' },
          { guard: 'answerEndsAtOnce', target: 'result', actions: 'recordAnswer' },
          {
            guard: 'answerLeavesNoQuestion',
            target: 'decide',
            actions: 'recordAnswer',
          },
          { actions: 'recordAnswerAndAdvance' },
        ],
        'user.back': [
          { guard: 'isBackAtReview', target: 'review', actions: 'leaveChangeMode' },
          { guard: 'hasHistory', actions: 'showPreviousQuestion' },
          { target: 'intro' },
        ],
      },
    },
    // Out of questions: either a red flag or scope exit ended it (straight to the result) or the person checks
    // their answers first.
    decide: {
      always: [{ guard: 'wasStoppedEarly', target: 'result' }, { target: 'review' }],
    },
    review: {
      tags: ['reviewing'],
      on: {
        'user.change': { guard: 'isKnownQuestion', target: 'question', actions: 'showQuestionToChange' },
        'user.confirm': { target: 'result' },
        'user.back': { target: 'question', actions: 'showPreviousQuestion' },
      },
    },
    result: {
      tags: ['done'],
      on: {
        'user.back': { guard: 'hasHistory', target: 'question', actions: 'showPreviousQuestion' },
      },
    },
  },
  on: {
    'user.restart': { target: '.intro', actions: 'forgetEverything' },
  },
});
