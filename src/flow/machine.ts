// The questionnaire's navigation: the single source of truth for which screen is shown. It never scores; its
// guards call the engine's pure functions. Built from any valid rules, given as input, so a clinician's new
// question or section needs no code.
import { assertEvent, assign, setup } from 'xstate';
import type { Rules } from '../rules/schema.ts';
import { answerProblem, findQuestion, type AnswerValue, type Answers } from '../engine/answers.ts';
import { nextQuestion, stopReason } from '../engine/navigation.ts';
import { pruneAnswers } from '../engine/visibility.ts';

export interface CheckContext {
  rules: Rules;
  answers: Answers;
  /** The question on screen (in the `question` state). */
  current: string | null;
  /** Questions shown before the current one, oldest first: what "back" walks through. */
  history: string[];
  /** Set while changing an answer from the review screen: continue returns there. */
  changingFromReview: boolean;
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
    isChangingFromReview: ({ context }) => context.changingFromReview,
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
    showFirstQuestion: assign(({ context }) => ({
      current: nextQuestion(context.rules, context.answers)?.id ?? null,
      history: [],
      changingFromReview: false,
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
      error: null,
    })),
    showPreviousQuestion: assign(({ context }) => ({
      current: context.history.at(-1) ?? null,
      history: context.history.slice(0, -1),
      error: null,
    })),
    showQuestionToChange: assign(({ event }) => {
      assertEvent(event, 'user.change');
      return {
      current: event.questionId,
      changingFromReview: true,
      error: null,
      };
    }),
    leaveChangeMode: assign({ changingFromReview: false, error: null }),
    forgetEverything: assign({ answers: {}, current: null, history: [], changingFromReview: false, error: null }),
  },
}).createMachine({
  id: 'backcheck',
  context: ({ input }) => ({
    rules: input.rules,
    answers: input.resume?.answers ?? {},
    current: input.resume?.current ?? null,
    history: input.resume?.history ?? [],
    changingFromReview: false,
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
          { guard: 'isChangingFromReview', target: 'review', actions: 'leaveChangeMode' },
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
