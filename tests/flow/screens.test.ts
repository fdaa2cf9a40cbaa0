// The machine over screens: a grouped check (No answers all, Yes asks which, with an emergency sign confirmed in
// full words, I'm not sure asks the list again on one page), several questions on one screen, and what is left out
// once it cannot change the result. Mini rules laid out on screens (tests/fixtures/mini-screens.yaml): a group of a
// big (emergency, confirmed when ticked) and a small (urgent) sign, then age, lifting, and a screen with the lifts
// done, a pain score and a late emergency sign.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { Response } from '../../src/engine/navigation.ts';
import { checkMachine, currentStep, type CheckEvent } from '../../src/flow/machine.ts';
import { miniScreenRules } from '../helpers.ts';

type Actor = ReturnType<typeof createActor<typeof checkMachine>>;

function start(...events: CheckEvent[]): Actor {
  const actor = createActor(checkMachine, { input: { rules: miniScreenRules() } }).start();
  actor.send({ type: 'user.start' });
  for (const e of events) actor.send(e);
  return actor;
}
const respond = (response: Response): CheckEvent => ({ type: 'user.answer', response });
const choose = (choice: 'yes' | 'no' | 'not_sure') => respond({ kind: 'choice', choice });
const tick = (...questions: string[]) => respond({ kind: 'ticked', questions });
/** Ticks on "Which of these?" with the big sign's answer in full words. */
const tickConfirmed = (big: string, ...others: string[]) => respond({ kind: 'ticked', questions: ['rf_big', ...others], confirmed: { rf_big: big } });
const values = (v: Record<string, string | string[] | number>) => respond({ kind: 'values', values: v });

/** Where the actor is: a step key with the questions it asks, or the state's name. */
function where(actor: Actor): string {
  const s = actor.getSnapshot();
  if (s.value !== 'question') return String(s.value);
  const step = currentStep(s.context);
  return step ? `${step.key} [${step.questions.map((q) => q.id).join(', ')}]` : `unknown ${String(s.context.current)}`;
}

const calmRest = [values({ age: 'adult' }), values({ lifts: 'no' }), values({ pain: 2, late_flag: 'no' })];

describe('a grouped check', () => {
  it('asks "any of these?" first, over the listed warning questions', () => {
    expect(where(start())).toBe('signs [rf_big, rf_small]');
  });

  it('No answers every listed question "no" at once and moves on', () => {
    const actor = start(choose('no'));
    expect(actor.getSnapshot().context.answers).toEqual({ rf_big: 'no', rf_small: 'no' });
    expect(where(actor)).toBe('about [age]');
  });

  it('Yes asks which; a ticked emergency sign must be confirmed in full words, then ends the check at once', () => {
    const actor = start(choose('yes'));
    expect(where(actor)).toBe('signs/which [rf_big, rf_small]');
    actor.send(tick('rf_big'));
    expect(where(actor)).toBe('signs/which [rf_big, rf_small]');
    expect(actor.getSnapshot().context.error?.problems).toEqual([{ field: 'rf_big', kind: 'required', message: '"rf_big" is ticked and needs confirming' }]);
    actor.send(tickConfirmed('yes'));
    expect(where(actor)).toBe('result');
    expect(actor.getSnapshot().context.answers).toEqual({ rf_big: 'yes', rf_small: 'no' });
  });

  it('a tick taken back on confirming does not count, and with no other tick the group is No', () => {
    const actor = start(choose('yes'), tickConfirmed('no'));
    expect(actor.getSnapshot().context.answers).toEqual({ rf_big: 'no', rf_small: 'no' });
    expect(actor.getSnapshot().context.choices).toEqual({ signs: 'no' });
    expect(where(actor)).toBe('about [age]');
  });

  it('"not sure" on confirming counts as not sure (urgent for this sign), and the check goes on', () => {
    const actor = start(choose('yes'), tickConfirmed('not_sure'));
    expect(actor.getSnapshot().context.answers).toEqual({ rf_big: 'not_sure', rf_small: 'no' });
    // Urgent: only what could make it an emergency is asked.
    expect(where(actor)).toBe('habits [late_flag]');
  });

  it('Yes with an urgent sign then asks only what could make it an emergency', () => {
    const actor = start(choose('yes'), tick('rf_small'));
    // age, lifting, lifts done and pain cannot change "urgent"; the late emergency sign can.
    expect(where(actor)).toBe('habits [late_flag]');
    actor.send(values({ late_flag: 'no' }));
    expect(where(actor)).toBe('result');
  });

  it('"Which of these?" needs at least one tick, or "none of these" after reading them', () => {
    const actor = start(choose('yes'), tick());
    expect(where(actor)).toBe('signs/which [rf_big, rf_small]');
    expect(actor.getSnapshot().context.error?.problems).toEqual([{ field: 'signs', kind: 'required', message: 'tick at least one, or "none of these"' }]);
    actor.send(respond({ kind: 'ticked', questions: [], none: true }));
    expect(actor.getSnapshot().context.choices).toEqual({ signs: 'no' });
    expect(where(actor)).toBe('about [age]');
  });

  it("I'm not sure asks the whole list again on one page, each with its own answer", () => {
    const actor = start(choose('not_sure'));
    expect(where(actor)).toBe('signs/unsure [rf_big, rf_small]');
    actor.send(values({ rf_big: 'no' }));
    expect(actor.getSnapshot().context.error?.problems.map((p) => p.field)).toEqual(['rf_small']);
    actor.send(values({ rf_big: 'no', rf_small: 'not_sure' }));
    expect(actor.getSnapshot().context.answers).toEqual({ rf_big: 'no', rf_small: 'not_sure' });
  });

  it('needs an answer', () => {
    const actor = start(respond({ kind: 'choice', choice: undefined }));
    expect(where(actor)).toBe('signs [rf_big, rf_small]');
    expect(actor.getSnapshot().context.error?.problems[0]?.kind).toBe('required');
  });

  it('back shows the choice made; changing No to Yes asks which, then only what became relevant', () => {
    const actor = start(choose('no'), ...calmRest);
    expect(where(actor)).toBe('review');
    actor.send({ type: 'user.change', screen: 'signs' });
    expect(where(actor)).toBe('signs [rf_big, rf_small]');
    expect(actor.getSnapshot().context.choices).toEqual({ signs: 'no' });
    actor.send(choose('yes'));
    expect(where(actor)).toBe('signs/which [rf_big, rf_small]');
    actor.send(tick('rf_small'));
    // Urgent now: the late emergency sign was already answered, so nothing is left to ask.
    expect(where(actor)).toBe('result');
  });

  it('walking back through the "not sure" page keeps its answers, and Forward goes over it again', () => {
    const actor = start(choose('not_sure'), values({ rf_big: 'no', rf_small: 'no' }));
    expect(where(actor)).toBe('about [age]');
    actor.send({ type: 'user.back' });
    actor.send({ type: 'user.back' });
    expect(where(actor)).toBe('signs [rf_big, rf_small]');
    expect(actor.getSnapshot().context.choices).toEqual({ signs: 'not_sure' });
    actor.send({ type: 'user.forward' });
    expect(where(actor)).toBe('signs/unsure [rf_big, rf_small]');
    expect(actor.getSnapshot().context.answers).toEqual({ rf_big: 'no', rf_small: 'no' });
  });

  it('after a red flag, the browser\'s Forward goes on to the next step still to answer', () => {
    const actor = start(choose('yes'), tick('rf_small'), { type: 'user.back' }, { type: 'user.back' });
    expect(where(actor)).toBe('signs [rf_big, rf_small]');
    actor.send({ type: 'user.forward' });
    expect(where(actor)).toBe('habits [late_flag]');
    expect(actor.getSnapshot().context.answers.rf_small).toBe('yes');
  });

  it('a new Yes left open behind the person is asked before the review, never skipped (found by the model test)', () => {
    const actor = start(choose('no'), ...calmRest);
    actor.send({ type: 'user.change', screen: 'signs' });
    actor.send({ type: 'user.forward' });
    expect(where(actor)).toBe('review');
    // Now outside the change: back to the group, Yes (which clears its list), then back past it and forward.
    actor.send({ type: 'user.back' });
    actor.send(choose('yes'));
    actor.send({ type: 'user.back' });
    actor.send({ type: 'user.back' });
    actor.send({ type: 'user.forward' });
    expect(where(actor)).toBe('signs/which [rf_big, rf_small]');
  });
});

describe('several questions on one screen', () => {
  it('asks only the questions that apply (skip logic), each its own answer', () => {
    const actor = start(choose('no'), values({ age: 'adult' }), values({ lifts: 'no' }));
    expect(where(actor)).toBe('habits [pain, late_flag]');
  });

  it('lists each unanswered question as its own problem', () => {
    const actor = start(choose('no'), values({ age: 'adult' }), values({ lifts: 'yes' }));
    expect(where(actor)).toBe('habits [lift_kind, pain, late_flag]');
    actor.send(values({ pain: 3 }));
    expect(actor.getSnapshot().context.error?.problems.map((p) => p.field)).toEqual(['lift_kind', 'late_flag']);
    actor.send(values({ lift_kind: ['squat'], pain: 3, late_flag: 'no' }));
    expect(where(actor)).toBe('review');
  });

  it('an emergency answer on a shared screen ends the check at once', () => {
    const actor = start(choose('no'), values({ age: 'adult' }), values({ lifts: 'no' }), values({ pain: 1, late_flag: 'yes' }));
    expect(where(actor)).toBe('result');
  });

  it('Forward (the browser button) only moves over a step already answered', () => {
    const actor = start(choose('no'), values({ age: 'adult' }), { type: 'user.back' });
    expect(where(actor)).toBe('about [age]');
    actor.send({ type: 'user.forward' });
    expect(where(actor)).toBe('lifting [lifts]');
    actor.send({ type: 'user.forward' });
    expect(where(actor)).toBe('lifting [lifts]');
  });
});
