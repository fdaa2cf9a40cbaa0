import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  PROGRESS_MAX_AGE_MS,
  progressKey,
  readProgress,
  saveProgress,
  type StorageLike,
} from '../../src/storage/progress.ts';
import { miniRules } from '../helpers.ts';
import { answer, HASH, MemoryStorage, REACT_MODES, renderCheck, start } from './helpers.tsx';

const rules = miniRules();
const KEY = progressKey(rules.meta.id);

/** Progress as the app saves it after three answers, at question 4 ("Do you lift?"). */
function savedAfterThree(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    v: 2,
    rulesId: rules.meta.id,
    rulesHash: HASH,
    savedAt: Date.now() - 60_000,
    answers: { rf_big: 'no', rf_small: 'no', age: 'adult' },
    choices: {},
    current: 'lifts',
    history: ['rf_big', 'rf_small', 'age'],
    ...overrides,
  });
}

describe.each(REACT_MODES)('resuming a check (%s)', (_mode, wrap) => {
  it('saves as the person goes, and after a reload offers to continue where they left off', async () => {
    const storage = new MemoryStorage();
    const first = renderCheck({ rules, storage }, wrap);
    await start(first.user);
    await answer(first.user, 'no');
    await answer(first.user, 'no');
    await answer(first.user, 'adult');
    expect(JSON.parse(storage.getItem(KEY)!)).toMatchObject({ v: 2, rulesHash: HASH, current: 'lifts' });
    first.unmount();

    const { user } = renderCheck({ rules, storage }, wrap);
    // The question is the heading, with the time the person left off (today: the time alone).
    const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(JSON.parse(storage.getItem(KEY)!).savedAt));
    expect(screen.getByRole('heading', { level: 1, name: `Continue your check from ${time}, or start again?` })).toBeInTheDocument();
    expect(screen.getByText('You have answered 3 questions so far.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue where you left off' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Do you lift?' })).toHaveFocus();
    expect(screen.getByText('Step 4 of 6')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('radio', { name: '16 or over' })).toBeChecked();
  });

  it('a reload within the hour carries on at once; later, it asks "Continue your check from ..., or start again?"', async () => {
    // The page's history entry carries the check's mark, as after a reload of the standalone page.
    window.history.replaceState({ backcheck: { check: rules.meta.id, depth: 3 } }, '');
    const storage = new MemoryStorage();
    storage.setItem(KEY, savedAfterThree({ savedAt: Date.now() - 10 * 60_000 }));
    const soon = renderCheck({ rules, storage, browserHistory: true }, wrap);
    expect(screen.getByRole('heading', { level: 1, name: 'Do you lift?' })).toBeInTheDocument();
    soon.unmount();
    const saved = Date.now() - 2 * 60 * 60_000;
    storage.setItem(KEY, savedAfterThree({ savedAt: saved }));
    renderCheck({ rules, storage, browserHistory: true }, wrap);
    expect(screen.getByRole('heading', { level: 1, name: /^Continue your check from .+, or start again\?$/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue where you left off' })).toBeInTheDocument();
    window.history.replaceState(null, '');
  });

  it('a reload of the result shows the result, not "Check your answers"', async () => {
    const storage = new MemoryStorage();
    const first = renderCheck({ rules, storage }, wrap);
    await start(first.user);
    for (const a of ['no', 'no', 'adult', 'no']) await answer(first.user, a);
    await answer(first.user, 2);
    await answer(first.user, 'no');
    await first.user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Self-care' })).toBeInTheDocument();
    expect(JSON.parse(storage.getItem(KEY)!)).toMatchObject({ atResult: true, current: null });
    first.unmount();
    window.history.replaceState({ backcheck: { check: rules.meta.id, depth: 7 } }, '');
    const events: string[] = [];
    renderCheck({ rules, storage, browserHistory: true, onEvent: (e) => events.push(e.type) }, wrap);
    expect(screen.getByRole('heading', { level: 1, name: 'Self-care' })).toBeInTheDocument();
    // The same outcome again is not a second completed check for the host.
    expect(events).toEqual([]);
    window.history.replaceState(null, '');
  });

  it('"Start again" on the offer forgets the saved answers', async () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, savedAfterThree());
    const { user } = renderCheck({ rules, storage }, wrap);
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(storage.getItem(KEY)).toBeNull();
    expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument();
  });

  it.each([
    ['from other rules (another hash)', savedAfterThree({ rulesHash: 'older-rules' }), /questions have changed/],
    ['from an older save format (one question per screen)', savedAfterThree({ v: 1 }), /questions have changed/],
    ['older than a day', savedAfterThree({ savedAt: Date.now() - PROGRESS_MAX_AGE_MS - 1000 }), /more than a day old/],
    ['corrupted JSON', '{"v":2,"answers":', /could not read your saved answers/],
    ['with its history not a list', savedAfterThree({ history: 'lifts' }), /could not read/],
    ['with an answer that is neither text, a list of texts nor a number', savedAfterThree({ answers: { rf_big: { yes: true } } }), /could not read/],
    ['with no time it was saved', savedAfterThree({ savedAt: 'yesterday' }), /could not read/],
    ['a grouped-check choice for a screen that is not a group', savedAfterThree({ choices: { about: 'yes' } }), /could not read/],
    ['answers that do not fit the rules', savedAfterThree({ answers: { rf_big: 'purple' } }), /could not read/],
    ['an answer to a question that does not apply', savedAfterThree({ answers: { lifts: 'no', lift_kind: ['squat'] }, current: null }), /could not read/],
  ])('discards saved answers %s with a calm message, never a crash', (_what, saved, message) => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, saved);
    renderCheck({ rules, storage }, wrap);
    expect(screen.getByRole('status')).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument();
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('works through to the result when every storage call throws', async () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    const { user } = renderCheck({ rules, storage: throwing }, wrap);
    await start(user);
    await answer(user, 'yes');
    expect(screen.getByRole('heading', { level: 1, name: 'Now' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear my answers' }));
    expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument();
  });

  it('"Clear my answers" removes everything stored and says so', async () => {
    const storage = new MemoryStorage();
    const { user } = renderCheck({ rules, storage }, wrap);
    await start(user);
    await answer(user, 'yes');
    expect(storage.getItem(KEY)).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear my answers' }));
    expect(storage.items.size).toBe(0);
    expect(screen.getByRole('status')).toHaveTextContent('Your answers have been cleared from this device.');
  });

  it('saves nothing when the host passes storage: null', async () => {
    window.localStorage.clear();
    const { user } = renderCheck({ rules, storage: null }, wrap);
    await start(user);
    await answer(user, 'no');
    expect(window.localStorage.length).toBe(0);
  });
});

describe('readProgress', () => {
  it('finds a fresh save for the same rules and leaves the storage untouched', () => {
    const storage = new MemoryStorage();
    saveProgress(storage, rules, HASH, { answers: { rf_big: 'no' }, choices: {}, current: 'rf_small', history: ['rf_big'] }, 1000);
    const found = readProgress(storage, rules, HASH, 2000);
    expect(found).toMatchObject({ kind: 'found', progress: { answers: { rf_big: 'no' }, current: 'rf_small' } });
    expect(readProgress(storage, rules, HASH, 1000 + PROGRESS_MAX_AGE_MS + 1)).toEqual({ kind: 'discarded', reason: 'expired' });
    // A save "from the future" (a changed clock) is not trusted either.
    expect(readProgress(storage, rules, HASH, 500)).toEqual({ kind: 'discarded', reason: 'expired' });
    expect(storage.getItem(KEY)).not.toBeNull();
  });

  it('reports nothing saved when there is no storage at all', () => {
    expect(readProgress(null, rules, HASH)).toEqual({ kind: 'none' });
    expect(saveProgress(null, rules, HASH, { answers: {}, choices: {}, current: null, history: [] })).toBe(false);
  });
});
