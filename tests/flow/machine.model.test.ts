// Model-based test of the check machine: xstate/graph explores every state reachable on the small fixture rules
// with every answer, back, change and confirm event, and each state is checked against the navigation's safety
// invariants. Random walks on the real rules (tests/engine) complement this exhaustive pass on a small model.
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { evaluate } from '../../src/engine/evaluate.ts';
import { matches, questionsIn } from '../../src/engine/conditions.ts';
import { stopReason } from '../../src/engine/navigation.ts';
import { pendingQuestions, visibleQuestions } from '../../src/engine/visibility.ts';
import { checkMachine, type CheckEvent } from '../../src/flow/machine.ts';
import type { AnswerValue } from '../../src/engine/answers.ts';
import type { Question } from '../../src/rules/schema.ts';
import { miniRules } from '../helpers.ts';

const rules = miniRules();

/** Every answer worth trying for a question: each option, each valid tick list, a calm and a high pain score. */
function answersFor(q: Question): AnswerValue[] {
  if (q.type === 'scale') return [q.min, 7, q.max];
  if (q.type === 'single') return q.options.map((o) => o.id);
  const real = q.options.filter((o) => o.kind !== 'none').map((o) => o.id);
  const none = q.options.filter((o) => o.kind === 'none').map((o) => [o.id]);
  const subsets = real.flatMap((a, i) => [[a], ...real.slice(i + 1).map((b) => [a, b])]);
  return [...subsets, ...none];
}

const paths = getShortestPaths(checkMachine, {
  input: { rules },
  events: (snapshot): CheckEvent[] => {
    const { current, answers } = snapshot.context;
    const events: CheckEvent[] = [{ type: 'user.back' }];
    if (snapshot.value === 'intro') events.push({ type: 'user.start' });
    if (snapshot.value === 'question' && current) {
      const q = rules.questions.find((x) => x.id === current);
      if (q) events.push(...answersFor(q).map((value) => ({ type: 'user.answer' as const, value })));
    }
    if (snapshot.value === 'review') {
      events.push({ type: 'user.confirm' });
      events.push(...Object.keys(answers).map((questionId) => ({ type: 'user.change' as const, questionId })));
    }
    return events;
  },
  // What decides the next steps: the screen, the answers, where "back" goes, and how deep into a change we are.
  // (The whole history would make the space infinite: every change from the review adds to it.)
  serializeState: (snapshot) => {
    const { current, answers, history, changeStart } = snapshot.context;
    const change = changeStart ? [history.length - changeStart.historyLength, changeStart.answers] : null;
    return JSON.stringify([snapshot.value, current, answers, history.at(-1), change]);
  },
});
const states = paths.map((p) => p.state);

describe('the check machine, explored exhaustively on the fixture rules', () => {
  it('reaches a meaningful number of states, and every urgency level as a result', () => {
    expect(states.length).toBeGreaterThan(200);
    const urgencies = new Set(states.filter((s) => s.value === 'result').map((s) => evaluate(rules, s.context.answers).urgency));
    expect([...urgencies].sort()).toEqual(['consult', 'emergency', 'self-care', 'urgent']);
  });

  it('never asks a new question once an emergency answer was given (going back to look at answers is allowed)', () => {
    for (const s of states) {
      if (stopReason(rules, s.context.answers) !== 'emergency' || s.value === 'result' || s.value === 'intro') continue;
      expect(s.value).toBe('question');
      expect(s.context.answers[s.context.current ?? ''], JSON.stringify(s.context)).toBeDefined();
    }
  });

  it('never shows a result below emergency while an emergency question is still unanswered', () => {
    const emergencyQuestions = new Set(
      rules.redFlags.filter((r) => r.level === 'emergency').flatMap((r) => questionsIn(r.when)),
    );
    for (const s of states.filter((x) => x.value === 'result')) {
      if (evaluate(rules, s.context.answers).urgency === 'emergency') continue;
      const skipped = pendingQuestions(rules, s.context.answers).filter((q) => emergencyQuestions.has(q.id));
      expect(skipped.map((q) => q.id), JSON.stringify(s.context.answers)).toEqual([]);
    }
  });

  it('only ever asks a question that applies, and the review only comes when every question is answered', () => {
    for (const s of states) {
      const { current, answers } = s.context;
      if (s.value === 'question') {
        expect(visibleQuestions(rules, answers).map((q) => q.id)).toContain(current);
      }
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
      const { answers } = s.context;
      const flagged = rules.redFlags.some((r) => matches(r.when, answers)) || rules.scopeExits.some((r) => matches(r.when, answers));
      if (!flagged) expect(pendingQuestions(rules, answers)).toEqual([]);
    }
  });
});
