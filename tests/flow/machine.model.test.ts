// Model-based test of the check machine: xstate/graph explores every state reachable on the small fixture rules
// with every answer, back, change and confirm event, and each state is checked against the navigation's safety
// invariants. Random walks on the real rules (tests/engine) complement this exhaustive pass on a small model.
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import type { AnswerValue } from '../../src/engine/answers.ts';
import { matches, questionsIn } from '../../src/engine/conditions.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { countedAnswers, isStepAnswered, pendingQuestions, stopReason, walk, type Step } from '../../src/engine/navigation.ts';
import { visibleQuestions } from '../../src/engine/visibility.ts';
import { checkMachine, currentStep, type CheckEvent } from '../../src/flow/machine.ts';
import type { Question, Rules } from '../../src/rules/schema.ts';
import { miniRules, miniScreenRules } from '../helpers.ts';

/** Every answer worth trying for a question: each option, each valid tick list, a calm and a high pain score. */
function answersFor(q: Question): AnswerValue[] {
  if (q.type === 'scale') return [q.min, 7, q.max];
  if (q.type === 'single') return q.options.map((o) => o.id);
  const real = q.options.filter((o) => o.kind !== 'none').map((o) => o.id);
  const none = q.options.filter((o) => o.kind === 'none').map((o) => [o.id]);
  const subsets = real.flatMap((a, i) => [[a], ...real.slice(i + 1).map((b) => [a, b])]);
  return [...subsets, ...none];
}

/** Every response worth trying on a step: each group choice, each tick list, every combination of answers. */
function responsesFor(step: Step): CheckEvent[] {
  const send = (response: Extract<CheckEvent, { type: 'user.answer' }>['response']): CheckEvent => ({ type: 'user.answer', response });
  if (step.kind === 'screen' && step.screen.kind === 'group') {
    return (['yes', 'no', 'not_sure'] as const).map((choice) => send({ kind: 'choice', choice }));
  }
  const ids = step.questions.map((q) => q.id);
  if (step.kind === 'which') {
    return ids.flatMap((a, i) => [[a], ...ids.slice(i + 1).map((b) => [a, b])]).map((questions) => send({ kind: 'ticked', questions }));
  }
  let combos: Record<string, AnswerValue>[] = [{}];
  for (const q of step.questions) combos = combos.flatMap((c) => answersFor(q).map((v) => ({ ...c, [q.id]: v })));
  return combos.map((values) => send({ kind: 'values', values }));
}

function explore(rules: Rules) {
  const paths = getShortestPaths(checkMachine, {
    input: { rules },
    events: (snapshot): CheckEvent[] => {
      const events: CheckEvent[] = [{ type: 'user.back' }, { type: 'user.forward' }];
      if (snapshot.value === 'intro') events.push({ type: 'user.start' });
      const step = snapshot.value === 'question' ? currentStep(snapshot.context) : null;
      if (step) events.push(...responsesFor(step));
      if (snapshot.value === 'review') {
        events.push({ type: 'user.confirm' });
        const { plan } = walk(rules, snapshot.context.answers);
        events.push(...plan.map((p) => ({ type: 'user.change' as const, screen: p.screen.id })));
      }
      return events;
    },
    // What decides the next steps: the screen, the answers and choices, where "back" goes, and how deep into a
    // change we are. (The whole history would make the space infinite: every change from the review adds to it.)
    serializeState: (snapshot) => {
      const { current, answers, choices, history, changeStart } = snapshot.context;
      const change = changeStart ? [history.length - changeStart.historyLength, changeStart.answers, changeStart.choices] : null;
      return JSON.stringify([snapshot.value, current, answers, choices, history.at(-1), change]);
    },
  });
  return paths.map((p) => p.state);
}

describe.each([
  ['one question per screen', miniRules()],
  ['a grouped check and questions together', miniScreenRules()],
])('the check machine, explored exhaustively on the fixture rules (%s)', (_, rules) => {
  const states = explore(rules);
  const counted = (answers: Parameters<typeof countedAnswers>[1]) => countedAnswers(rules, answers);

  it('reaches a meaningful number of states, and every urgency level as a result', () => {
    expect(states.length).toBeGreaterThan(200);
    const urgencies = new Set(states.filter((s) => s.value === 'result').map((s) => evaluate(rules, counted(s.context.answers)).urgency));
    expect([...urgencies].sort()).toEqual(['consult', 'emergency', 'self-care', 'urgent']);
  });

  it('never asks anything new once an emergency answer was given (going back to look at answers is allowed)', () => {
    for (const s of states) {
      if (stopReason(rules, s.context.answers) !== 'emergency' || s.value === 'result' || s.value === 'intro') continue;
      expect(s.value).toBe('question');
      const step = currentStep(s.context);
      expect(step && isStepAnswered(step, s.context.answers, s.context.choices), JSON.stringify(s.context)).toBe(true);
    }
  });

  it('never shows a result below emergency while an emergency question is still unanswered', () => {
    const emergencyQuestions = new Set(
      rules.redFlags.filter((r) => r.level === 'emergency').flatMap((r) => questionsIn(r.when)),
    );
    for (const s of states.filter((x) => x.value === 'result')) {
      if (evaluate(rules, counted(s.context.answers)).urgency === 'emergency') continue;
      const skipped = pendingQuestions(rules, s.context.answers).filter((q) => emergencyQuestions.has(q.id));
      expect(skipped.map((q) => q.id), JSON.stringify(s.context.answers)).toEqual([]);
      // Nor one that was left out: every emergency question that applies was asked and answered.
      const visible = visibleQuestions(rules, counted(s.context.answers)).filter((q) => emergencyQuestions.has(q.id));
      expect(visible.filter((q) => counted(s.context.answers)[q.id] === undefined).map((q) => q.id)).toEqual([]);
    }
  });

  it('only ever shows a step on the path, and the review only comes when nothing is left to ask', () => {
    for (const s of states) {
      const { answers } = s.context;
      if (s.value === 'question') expect(currentStep(s.context), JSON.stringify(s.context)).not.toBeNull();
      if (s.value === 'review') {
        expect(pendingQuestions(rules, answers)).toEqual([]);
        expect(stopReason(rules, answers)).toBeNull();
      }
    }
  });

  it('never keeps an answer to a question that no longer applies', () => {
    for (const s of states) {
      const visible = new Set(visibleQuestions(rules, s.context.answers).map((q) => q.id));
      expect(Object.keys(s.context.answers).filter((id) => !visible.has(id))).toEqual([]);
    }
  });

  it('a result without a red flag or scope exit only follows a complete set of answers', () => {
    for (const s of states.filter((x) => x.value === 'result')) {
      const answers = counted(s.context.answers);
      const flagged = rules.redFlags.some((r) => matches(r.when, answers)) || rules.scopeExits.some((r) => matches(r.when, answers));
      if (!flagged) expect(pendingQuestions(rules, s.context.answers)).toEqual([]);
    }
  });

  it('on the review, a grouped check answered No has every listed question answered "no"', () => {
    for (const s of states.filter((x) => x.value === 'review')) {
      for (const { screen, questions } of walk(rules, s.context.answers).plan) {
        if (s.context.choices[screen.id] !== 'no') continue;
        expect(questions.map((q) => s.context.answers[q.id])).toEqual(questions.map(() => 'no'));
      }
    }
  });
});
