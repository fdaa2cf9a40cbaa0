import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { AnswerValue } from '../../src/engine/answers.ts';
import { checkMachine, type CheckEvent } from '../../src/flow/machine.ts';
import { miniRules } from '../helpers.ts';

/** An answer to the one question on screen (the mini rules have no screens: one question each). */
type Move = CheckEvent | { answer: AnswerValue | undefined };
type Actor = ReturnType<typeof createActor<typeof checkMachine>>;

function send(actor: Actor, move: Move) {
  if (!('answer' in move)) return actor.send(move);
  const current = actor.getSnapshot().context.current ?? '';
  actor.send({ type: 'user.answer', response: { kind: 'values', values: { [current]: move.answer } } });
}
function start(...moves: Move[]) {
  const actor = createActor(checkMachine, { input: { rules: miniRules() } }).start();
  for (const m of moves) send(actor, m);
  return actor;
}
const answer = (value: AnswerValue | undefined): Move => ({ answer: value });
const where = (actor: ReturnType<typeof start>) => {
  const s = actor.getSnapshot();
  return s.value === 'question' ? `question:${s.context.current}` : String(s.value);
};

describe('the check machine', () => {
  it('starts on the intro and asks the red flags first', () => {
    const actor = start();
    expect(where(actor)).toBe('intro');
    actor.send({ type: 'user.start' });
    expect(where(actor)).toBe('question:rf_big');
  });

  it('walks through the questions in order, skipping ones that do not apply, then reviews', () => {
    const actor = start({ type: 'user.start' }, answer('no'), answer('no'), answer('adult'), answer('no'));
    // lift_kind only shows for people who lift
    expect(where(actor)).toBe('question:pain');
    send(actor, answer(3));
    send(actor, answer('no'));
    expect(where(actor)).toBe('review');
    actor.send({ type: 'user.confirm' });
    expect(where(actor)).toBe('result');
  });

  it('ends at once on an emergency answer', () => {
    const actor = start({ type: 'user.start' }, answer('yes'));
    expect(where(actor)).toBe('result');
    expect(actor.getSnapshot().context.answers).toEqual({ rf_big: 'yes' });
  });

  it('after an urgent answer, still asks every question that could make it an emergency, and nothing else', () => {
    const actor = start({ type: 'user.start' }, answer('not_sure'));
    expect(where(actor)).toBe('question:late_flag');
    send(actor, answer('no'));
    expect(where(actor)).toBe('result');
  });

  it('an emergency answer to a late safety question still ends at once', () => {
    const actor = start({ type: 'user.start' }, answer('no'), answer('yes'));
    expect(where(actor)).toBe('question:late_flag');
    send(actor, answer('yes'));
    expect(where(actor)).toBe('result');
  });

  it('a scope exit waits for the remaining red flag questions, then goes to the result', () => {
    const actor = start({ type: 'user.start' }, answer('no'), answer('no'), answer('child'));
    expect(where(actor)).toBe('question:late_flag');
    send(actor, answer('no'));
    expect(where(actor)).toBe('result');
  });

  it('refuses a missing or invalid answer with an error and stays on the question', () => {
    const actor = start({ type: 'user.start' }, answer(undefined));
    expect(where(actor)).toBe('question:rf_big');
    expect(actor.getSnapshot().context.error).toEqual({
      step: 'rf_big',
      problems: [{ field: 'rf_big', kind: 'required', message: '"rf_big" needs an answer' }],
    });
    send(actor, answer('maybe'));
    expect(actor.getSnapshot().context.error?.problems[0]?.message).toMatch(/not an option/);
    send(actor, answer('no'));
    expect(actor.getSnapshot().context.error).toBeNull();
    expect(where(actor)).toBe('question:rf_small');
  });

  it('refuses "none" ticked together with another option, and an out-of-range scale value', () => {
    const actor = start({ type: 'user.start' }, answer('no'), answer('no'), answer('adult'), answer('yes'));
    send(actor, answer(['deadlift', 'none']));
    expect(where(actor)).toBe('question:lift_kind');
    send(actor, answer(['deadlift']));
    send(actor, answer(11));
    expect(where(actor)).toBe('question:pain');
    expect(actor.getSnapshot().context.error?.problems[0]?.message).toMatch(/outside 0-10/);
  });

  it('goes back through the questions actually shown, keeping the answers', () => {
    const actor = start({ type: 'user.start' }, answer('no'), answer('no'), answer('adult'), answer('no'));
    actor.send({ type: 'user.back' });
    expect(where(actor)).toBe('question:lifts');
    actor.send({ type: 'user.back' });
    expect(where(actor)).toBe('question:age');
    expect(actor.getSnapshot().context.answers.age).toBe('adult');
    actor.send({ type: 'user.back' });
    actor.send({ type: 'user.back' });
    expect(where(actor)).toBe('question:rf_big');
    actor.send({ type: 'user.back' });
    expect(where(actor)).toBe('intro');
  });

  it('changing an earlier answer drops the later answers that no longer apply', () => {
    const actor = start(
      { type: 'user.start' },
      answer('no'), answer('no'), answer('adult'), answer('yes'), answer(['deadlift']), answer(4), answer('no'),
    );
    expect(where(actor)).toBe('review');
    actor.send({ type: 'user.change', screen: 'lifts' });
    expect(where(actor)).toBe('question:lifts');
    send(actor, answer('no'));
    expect(where(actor)).toBe('review');
    expect(actor.getSnapshot().context.answers).not.toHaveProperty('lift_kind');
    expect(actor.getSnapshot().context.answers.pain).toBe(4);
  });

  it('a change that makes a new question apply asks it, then returns to the review', () => {
    const actor = start(
      { type: 'user.start' },
      answer('no'), answer('no'), answer('adult'), answer('no'), answer(4), answer('no'),
    );
    actor.send({ type: 'user.change', screen: 'lifts' });
    send(actor, answer('yes'));
    expect(where(actor)).toBe('question:lift_kind');
    send(actor, answer(['squat']));
    expect(where(actor)).toBe('review');
  });

  it('a change to an emergency answer from the review ends at once', () => {
    const actor = start(
      { type: 'user.start' },
      answer('no'), answer('no'), answer('adult'), answer('no'), answer(4), answer('no'),
    );
    actor.send({ type: 'user.change', screen: 'rf_big' });
    send(actor, answer('yes'));
    expect(where(actor)).toBe('result');
  });

  it('back from the result returns to the review it was confirmed on; after an early stop, to the step that ended it', () => {
    const actor = start(
      { type: 'user.start' },
      answer('no'), answer('no'), answer('adult'), answer('no'), answer(4), answer('no'),
      { type: 'user.confirm' },
    );
    expect(where(actor)).toBe('result');
    actor.send({ type: 'user.back' });
    expect(where(actor)).toBe('review');
    const emergency = start({ type: 'user.start' }, answer('yes'));
    expect(where(emergency)).toBe('result');
    emergency.send({ type: 'user.back' });
    expect(where(emergency)).toBe('question:rf_big');
  });

  it('resumed from a save made on the result, starts on the result; on an unfinished check, never', () => {
    const rules = miniRules();
    const answers = { rf_big: 'no', rf_small: 'no', age: 'adult', lifts: 'no', pain: 4, late_flag: 'no' };
    const history = ['rf_big', 'rf_small', 'age', 'lifts', 'pain', 'late_flag'];
    const atResult = createActor(checkMachine, { input: { rules, resume: { answers, choices: {}, current: null, history, atResult: true } } }).start();
    expect(atResult.getSnapshot().value).toBe('result');
    atResult.send({ type: 'user.back' });
    expect(atResult.getSnapshot().value).toBe('review');
    const { late_flag: _late, ...unfinished } = answers;
    const notDone = createActor(checkMachine, { input: { rules, resume: { answers: unfinished, choices: {}, current: null, history, atResult: true } } }).start();
    expect(notDone.getSnapshot().value).not.toBe('result');
  });

  it('back from a question being changed returns to the review without changing anything', () => {
    const actor = start(
      { type: 'user.start' },
      answer('no'), answer('no'), answer('adult'), answer('no'), answer(4), answer('no'),
    );
    const before = actor.getSnapshot().context.answers;
    actor.send({ type: 'user.change', screen: 'age' });
    actor.send({ type: 'user.back' });
    expect(where(actor)).toBe('review');
    expect(actor.getSnapshot().context.answers).toEqual(before);
  });

  it('backing out of a change that made a new question relevant undoes the change (found by the model test)', () => {
    const actor = start(
      { type: 'user.start' },
      answer('no'), answer('no'), answer('adult'), answer('no'), answer(4), answer('no'),
    );
    actor.send({ type: 'user.change', screen: 'lifts' });
    send(actor, answer('yes'));
    expect(where(actor)).toBe('question:lift_kind');
    actor.send({ type: 'user.back' });
    expect(where(actor)).toBe('question:lifts');
    actor.send({ type: 'user.back' });
    expect(where(actor)).toBe('review');
    // Not "lifts: yes" with its follow-up unanswered: the review never shows an incomplete set.
    expect(actor.getSnapshot().context.answers.lifts).toBe('no');
  });

  it('back to the intro after an emergency answer, Start shows the first question with its answer (found by the model test)', () => {
    const actor = start({ type: 'user.start' }, answer('yes'), { type: 'user.back' }, { type: 'user.back' });
    expect(where(actor)).toBe('intro');
    actor.send({ type: 'user.start' });
    expect(where(actor)).toBe('question:rf_big');
    expect(actor.getSnapshot().context.answers.rf_big).toBe('yes');
  });

  it('cannot change a question that was never answered', () => {
    const actor = start(
      { type: 'user.start' },
      answer('no'), answer('no'), answer('adult'), answer('no'), answer(4), answer('no'),
    );
    actor.send({ type: 'user.change', screen: 'lift_kind' });
    expect(where(actor)).toBe('review');
  });

  it('restart forgets every answer', () => {
    const actor = start({ type: 'user.start' }, answer('yes'), { type: 'user.restart' });
    expect(where(actor)).toBe('intro');
    expect(actor.getSnapshot().context.answers).toEqual({});
  });

  it('resumes saved progress where the person was', () => {
    const actor = createActor(checkMachine, {
      input: { rules: miniRules(), resume: { answers: { rf_big: 'no' }, choices: {}, current: 'rf_small', history: ['rf_big'] } },
    }).start();
    expect(where(actor)).toBe('question:rf_small');
    actor.send({ type: 'user.back' });
    expect(where(actor)).toBe('question:rf_big');
  });
});
