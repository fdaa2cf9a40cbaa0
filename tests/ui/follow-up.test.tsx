// The follow-up on screen (issue #18), the way a person uses it: the offer on a self-care result, accepting and
// forgetting it, and, when it is due, "How is your back since <date>?", the warning signs again, the pain now and the
// comparison the rules define.
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '../../src/engine/follow-up.ts';
import { followUpKey, type SavedFollowUp } from '../../src/storage/follow-up.ts';
import { progressKey } from '../../src/storage/progress.ts';
import type { CheckEvent } from '../../src/ui/host-events.ts';
import { mainRules } from '../helpers.ts';
import { answerAll, answerStep, HASH, MemoryStorage, renderCheck, start } from './helpers.tsx';

const rules = mainRules();
const KEY = followUpKey(rules.meta.id);
const IN_SCOPE = { age_band: 'age_20_to_50', pain_onset: 'during_workout', pain_score: 5 };

function kept(daysAgo: number, overrides: Partial<SavedFollowUp> = {}): SavedFollowUp {
  const date = Date.now() - daysAgo * DAY_MS;
  return {
    v: 1,
    date,
    dueAt: date + 2 * DAY_MS,
    urgency: 'self-care',
    causes: ['soreness'],
    answers: { pain_score: 5, pain_trend: 'same' },
    rulesId: rules.meta.id,
    rulesVersion: rules.meta.version,
    rulesHash: HASH,
    ...overrides,
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the follow-up offer on a result', () => {
  it('offers "Check again in 2 days" on a self-care result; accepting keeps only what the rules name; "Forget this" empties storage', async () => {
    const storage = new MemoryStorage();
    const events: CheckEvent[] = [];
    const { user } = renderCheck({ rules, storage, onEvent: (e) => events.push(e) });
    await start(user);
    await answerAll(user, rules, IN_SCOPE);
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    const offer = screen.getByRole('region', { name: 'Check again in 2 days' });
    expect(events).toContainEqual({ type: 'followup-offered', urgency: 'self-care', afterDays: 2 });
    await user.click(within(offer).getByRole('button', { name: 'Keep it on this device' }));
    const saved = JSON.parse(storage.getItem(KEY)!) as SavedFollowUp;
    expect(Object.keys(saved).sort()).toEqual(['answers', 'causes', 'date', 'dueAt', 'rulesHash', 'rulesId', 'rulesVersion', 'urgency', 'v']);
    expect(Object.keys(saved.answers).every((id) => rules.followUp!.keep.includes(id))).toBe(true);
    expect(saved.answers.pain_score).toBe(5);
    expect(saved.urgency).toBe('self-care');
    expect(events).toContainEqual({ type: 'followup-accepted', urgency: 'self-care', afterDays: 2 });
    expect(within(offer).getByRole('status')).toHaveTextContent(/^Saved on this device\. Open this check again from /);
    // The pressed button is gone; focus is on what took its place, not lost to the page.
    expect(within(offer).getByRole('button', { name: 'Forget this' })).toHaveFocus();
    // The saved result goes too: "Forget this" leaves nothing of this check on the device.
    await user.click(within(offer).getByRole('button', { name: 'Forget this' }));
    expect(storage.items.size).toBe(0);
    expect(within(offer).getByRole('status')).toHaveTextContent('Forgotten: nothing about this check is kept on this device.');
    expect(within(offer).getByRole('heading', { name: 'Check again in 2 days' })).toHaveFocus();
  });

  it('offers nothing on an emergency result, nor where nothing can be kept', async () => {
    const storage = new MemoryStorage();
    const { user } = renderCheck({ rules, storage });
    await start(user);
    await answerAll(user, rules, { ...IN_SCOPE, rf_saddle_numbness: 'yes' });
    expect(screen.queryByRole('region', { name: /Check again/ })).toBeNull();
  });
});

describe('the follow-up check when it is due', () => {
  it('asks "How is your back since <date>?", the warning signs, the pain now, then compares: better', async () => {
    const storage = new MemoryStorage();
    const saved = kept(3);
    storage.setItem(KEY, JSON.stringify(saved));
    const events: CheckEvent[] = [];
    const { user } = renderCheck({ rules, storage, onEvent: (e) => events.push(e) });
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(saved.date));
    expect(screen.getByRole('heading', { level: 1, name: `How is your back since ${date}?` })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start the follow-up' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    await answerAll(user, rules, { ...IN_SCOPE, pain_score: 2, pain_trend: 'better' });
    if (screen.queryByRole('button', { name: 'See my result' })) await user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(screen.getByRole('heading', { level: 1, name: `Your back since ${date}` })).toHaveFocus();
    expect(screen.getByText('From 5/10 to 2/10: getting better. Keep going with the plan, one step at a time, as below.')).toBeInTheDocument();
    expect(screen.getByText(/^This week: train at about half your usual weights/)).toBeInTheDocument();
    expect(screen.getByText('Result: Self-care')).toBeInTheDocument();
    expect(events).toContainEqual({ type: 'followup-complete', urgency: 'self-care', outcome: 'better', daysSince: 3, rulesId: rules.meta.id, rulesVersion: rules.meta.version });
    // Used: the follow-up is gone from the device.
    expect(storage.getItem(KEY)).toBeNull();
    // "Start again" is a new, whole check, not the follow-up again.
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await start(user);
    await answerAll(user, rules, IN_SCOPE);
    expect(screen.getByRole('button', { name: 'See my result' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change: Your training' })).toBeInTheDocument();
  });

  it('the same after a week: "Not better after a week: book a physiotherapist or GP", with the clinic\'s booking link', async () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, JSON.stringify(kept(7)));
    const { user } = renderCheck({ rules, storage, clinic: { name: 'Riverside Physio', bookingUrl: 'https://book.example/' } });
    await user.click(screen.getByRole('button', { name: 'Start the follow-up' }));
    await answerAll(user, rules, { ...IN_SCOPE, pain_score: 5, pain_trend: 'same' });
    if (screen.queryByRole('button', { name: 'See my result' })) await user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(screen.getByText('Not better after a week: book a physiotherapist or GP.')).toBeInTheDocument();
    expect(screen.getByText('Result: See a professional soon')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Book/ })).toHaveAttribute('href', 'https://book.example/');
    // The comparison carries the whole safety net, both tiers, as the first check's result does.
    await user.click(screen.getByRole('button', { name: 'Signs to watch for' }));
    const net = screen.getByRole('region', { name: 'Signs to watch for' });
    expect(within(net).getByText('Pain that becomes constant, even when you lie still.')).toBeVisible();
    expect(within(net).getByText('A weak or dropping foot, or a leg that gives way.')).toBeVisible();
    expect(within(net).getAllByRole('heading', { level: 3 })).toHaveLength(2);
  });

  it('a new warning sign gives the usual emergency result, whatever the comparison', async () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, JSON.stringify(kept(3)));
    const events: CheckEvent[] = [];
    const { user } = renderCheck({ rules, storage, onEvent: (e) => events.push(e) });
    await user.click(screen.getByRole('button', { name: 'Start the follow-up' }));
    await answerStep(user, rules, { rf_saddle_numbness: 'yes' });
    await answerAll(user, rules, { rf_saddle_numbness: 'yes' });
    expect(screen.getByText('Result: Emergency')).toBeInTheDocument();
    expect(screen.queryByText(/^From 5\/10/)).toBeNull();
    expect(events.find((e) => e.type === 'followup-complete')).toMatchObject({ urgency: 'emergency', outcome: 'warning-sign' });
  });

  it('"Forget this" on the follow-up\'s intro removes it at once and opens a new check', async () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, JSON.stringify(kept(3)));
    const { user } = renderCheck({ rules, storage });
    await user.click(screen.getByRole('button', { name: 'Forget this' }));
    expect(storage.items.size).toBe(0);
    expect(screen.getByRole('status')).toHaveTextContent('Forgotten: nothing about this check is kept on this device.');
    expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument();
  });

  it('before it is due, the intro names the date, with "Forget this"', async () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, JSON.stringify(kept(1)));
    const { user } = renderCheck({ rules, storage });
    expect(screen.getByText(/^Your follow-up check is saved for /)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Forget this' }));
    expect(storage.getItem(KEY)).toBeNull();
  });
});

describe('with share-answers: the follow-up\'s response refers to the earlier one (issue #18)', () => {
  /** The CALM check to its result, the follow-up accepted, three days passed, the follow-up answered "better". */
  async function firstAndFollowUp(shareAnswers: boolean) {
    const storage = new MemoryStorage();
    const events: CheckEvent[] = [];
    const first = renderCheck({ rules, storage, shareAnswers, onEvent: (e) => events.push(e) });
    await start(first.user);
    await answerAll(first.user, rules, IN_SCOPE);
    await first.user.click(screen.getByRole('button', { name: 'See my result' }));
    const offer = screen.getByRole('region', { name: 'Check again in 2 days' });
    await first.user.click(within(offer).getByRole('button', { name: 'Keep it on this device' }));
    const saved = JSON.parse(storage.getItem(KEY)!) as SavedFollowUp;
    first.unmount();
    storage.setItem(KEY, JSON.stringify({ ...saved, date: saved.date - 3 * DAY_MS, dueAt: saved.dueAt - 3 * DAY_MS }));
    // Three days on, the saved result is no longer offered back.
    storage.removeItem(progressKey(rules.meta.id));
    const later = renderCheck({ rules, storage, shareAnswers, onEvent: (e) => events.push(e) });
    await later.user.click(screen.getByRole('button', { name: 'Start the follow-up' }));
    await answerAll(later.user, rules, { ...IN_SCOPE, pain_score: 2, pain_trend: 'better' });
    if (screen.queryByRole('button', { name: 'See my result' })) await later.user.click(screen.getByRole('button', { name: 'See my result' }));
    const complete = events.find((e) => e.type === 'complete');
    const followUp = events.find((e) => e.type === 'followup-complete');
    if (complete?.type !== 'complete' || followUp?.type !== 'followup-complete') throw new Error('both results should have been reported');
    return { saved, complete, followUp };
  }

  it('keeps the first result\'s response id with the follow-up, and the follow-up reports its answers, its id and that one', async () => {
    const { saved, complete, followUp } = await firstAndFollowUp(true);
    expect(complete.responseId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Kept: the id and the usual fields, nothing more.
    expect(saved.responseId).toBe(complete.responseId);
    expect(Object.keys(saved).sort()).toEqual(['answers', 'causes', 'date', 'dueAt', 'responseId', 'rulesHash', 'rulesId', 'rulesVersion', 'urgency', 'v']);
    expect(followUp).toMatchObject({ outcome: 'better', followUpOf: complete.responseId, answers: { pain_score: 2, pain_trend: 'better' } });
    expect(followUp.responseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(followUp.responseId).not.toBe(complete.responseId);
    // Only the follow-up's own questions: nothing it did not ask again.
    expect(Object.keys(followUp.answers ?? {})).not.toContain('pain_duration');
  });

  it('without share-answers keeps no id and reports no answers, as before', async () => {
    const { saved, complete, followUp } = await firstAndFollowUp(false);
    expect(saved).not.toHaveProperty('responseId');
    for (const event of [complete, followUp]) {
      expect(event).not.toHaveProperty('answers');
      expect(event).not.toHaveProperty('responseId');
    }
    expect(followUp).not.toHaveProperty('followUpOf');
  });
});
