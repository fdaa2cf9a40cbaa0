// The follow-up check through the machine alone (no React): the same machine, given the earlier check, asks the
// follow-up's screens from the rules, and ends on the outcome the rules define.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compareFollowUp, DAY_MS, type PreviousCheck } from '../../src/engine/follow-up.ts';
import { checkMachine } from '../../src/flow/machine.ts';
import { currentStep } from '../../src/flow/machine.ts';
import { countedAnswers } from '../../src/engine/navigation.ts';
import { mainRules } from '../helpers.ts';

const rules = mainRules();
const checkedOn = Date.UTC(2026, 0, 10, 9);
const previous: PreviousCheck = {
  date: checkedOn,
  urgency: 'self-care',
  causes: ['soreness'],
  answers: { pain_score: 5, pain_trend: 'same', pain_duration: 'under_3_days' },
  rulesId: rules.meta.id,
  rulesVersion: rules.meta.version,
};

function followUp(pain: { score: number; trend: string }, groups: Record<string, 'no' | 'yes'> = {}, ticked: string[] = []) {
  const actor = createActor(checkMachine, { input: { rules, followUp: previous } }).start();
  actor.send({ type: 'user.start' });
  const seen: string[] = [];
  for (let i = 0; i < 40 && actor.getSnapshot().matches('question'); i++) {
    const step = currentStep(actor.getSnapshot().context);
    if (!step) throw new Error('no step');
    seen.push(step.key);
    if (step.kind === 'which') actor.send({ type: 'user.answer', response: { kind: 'ticked', questions: ticked, confirmed: Object.fromEntries(ticked.map((id) => [id, 'yes'])) } });
    else if (step.screen.kind === 'group') actor.send({ type: 'user.answer', response: { kind: 'choice', choice: groups[step.screen.id] ?? 'no' } });
    else {
      const values: Record<string, string | number> = {};
      for (const q of step.questions) {
        if (q.id === 'pain_score') values[q.id] = pain.score;
        else if (q.id === 'pain_trend') values[q.id] = pain.trend;
        else if (q.id === 'age_band') values[q.id] = 'age_20_to_50';
        else if (q.type === 'single') values[q.id] = q.options[0]?.id ?? '';
      }
      actor.send({ type: 'user.answer', response: { kind: 'values', values } });
    }
  }
  if (actor.getSnapshot().matches('review')) actor.send({ type: 'user.confirm' });
  return { actor, seen };
}

describe('the follow-up check in the machine', () => {
  it('asks only the screens the rules list for a follow-up: the grouped warning checks, then the pain now', () => {
    const { actor, seen } = followUp({ score: 2, trend: 'better' });
    expect(actor.getSnapshot().matches('result')).toBe(true);
    const listed = new Set([...(rules.followUp?.screens ?? []), rules.followUp?.ask.id]);
    for (const key of seen) expect(listed.has(key.split('/')[0])).toBe(true);
    expect(seen).toContain('warning_signs_now');
    expect(seen.at(-1)).toBe('pain_since');
    expect(actor.getSnapshot().context.followUp).toEqual(previous);
  });

  it('better after two days: the rules\' "better" outcome, self-care, with a step for this week', () => {
    const { actor } = followUp({ score: 2, trend: 'better' });
    const ctx = actor.getSnapshot().context;
    const c = compareFollowUp(rules, previous, countedAnswers(ctx.rules, ctx.answers), checkedOn + 2 * DAY_MS);
    expect(c.outcome?.id).toBe('followup_better');
    expect(c.urgency).toBe('self-care');
    expect(c.text).toBe('From 5/10 to 2/10: getting better. Keep going with the plan, one step at a time, as below.');
    expect(c.step?.id).toBe('step_build_up');
  });

  it('the same after a week: book a consultation', () => {
    const { actor } = followUp({ score: 5, trend: 'same' });
    const ctx = actor.getSnapshot().context;
    const c = compareFollowUp(rules, previous, countedAnswers(ctx.rules, ctx.answers), checkedOn + 7 * DAY_MS);
    expect(c.outcome?.id).toBe('followup_not_better_week');
    expect(c.urgency).toBe('consult');
    expect(c.usual).toBe(false);
  });

  it('a new warning sign ends at once on the usual emergency result, whatever the comparison', () => {
    const { actor } = followUp({ score: 1, trend: 'better' }, { warning_signs_now: 'yes' }, ['rf_saddle_numbness']);
    expect(actor.getSnapshot().matches('result')).toBe(true);
    const ctx = actor.getSnapshot().context;
    const c = compareFollowUp(rules, previous, countedAnswers(ctx.rules, ctx.answers), checkedOn + 2 * DAY_MS);
    expect(c.usual).toBe(true);
    expect(c.urgency).toBe('emergency');
    expect(c.step).toBeNull();
  });

  it('without a follow-up input the machine asks the whole check as before', () => {
    const actor = createActor(checkMachine, { input: { rules } }).start();
    expect(actor.getSnapshot().context.followUp).toBeNull();
    expect(actor.getSnapshot().context.rules).toBe(rules);
  });
});
