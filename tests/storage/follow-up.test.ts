// The follow-up kept on the device: only what the rules name, gone after 30 days, and anything damaged, from other
// rules or from the future ignored (and reported as discarded, so the caller removes it).
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/engine/follow-up.ts';
import { FOLLOW_UP_MAX_AGE_MS, followUpKey, followUpToKeep, forgetFollowUp, readFollowUp, saveFollowUp } from '../../src/storage/follow-up.ts';
import type { StorageLike } from '../../src/storage/progress.ts';
import { mainRules } from '../helpers.ts';
import { MemoryStorage } from '../ui/helpers.tsx';

const rules = mainRules();
const HASH = 'h';
const NOW = Date.UTC(2026, 5, 1);
const KEY = followUpKey(rules.meta.id);
const keep = (now = NOW) =>
  followUpToKeep(rules, HASH, { urgency: 'self-care', causes: ['soreness'] }, { pain_score: 5, pain_trend: 'same', age_band: 'age_20_to_50', rf_fever: 'no' }, 2, now);

describe('the follow-up kept on the device', () => {
  it('keeps only the answers followUp.keep names, and is waiting until due, then due', () => {
    const storage = new MemoryStorage();
    expect(saveFollowUp(storage, keep())).toBe(true);
    const saved = JSON.parse(storage.getItem(KEY)!);
    expect(saved.answers).toEqual({ pain_score: 5, pain_trend: 'same' });
    expect(readFollowUp(storage, rules, HASH, NOW + DAY_MS).kind).toBe('waiting');
    expect(readFollowUp(storage, rules, HASH, NOW + 2 * DAY_MS).kind).toBe('due');
  });

  it('keeps the shared response\'s random id only when there is one (share-answers), and nothing else with it', () => {
    const storage = new MemoryStorage();
    saveFollowUp(storage, keep());
    expect(JSON.parse(storage.getItem(KEY)!)).not.toHaveProperty('responseId');
    const id = '0b7a6f43-3c1e-4d0e-9a55-6f1f2b9c8d10';
    const shared = followUpToKeep(rules, HASH, { urgency: 'self-care', causes: ['soreness'], responseId: id }, { pain_score: 5 }, 2, NOW);
    saveFollowUp(storage, shared);
    const read = readFollowUp(storage, rules, HASH, NOW + 2 * DAY_MS);
    expect(read).toEqual({ kind: 'due', followUp: shared });
    expect(read.kind === 'due' && read.followUp.responseId).toBe(id);
  });

  it('after a follow-up, the next one keeps the first check as its baseline, so a week counts from the first check', () => {
    const storage = new MemoryStorage();
    const first = keep();
    // Two days on, the follow-up said "about the same" and the person accepts another check.
    const later = NOW + 2 * DAY_MS;
    const next = followUpToKeep(rules, HASH, { urgency: 'self-care', causes: [] }, { pain_score: 5, pain_trend: 'same' }, 2, later, first);
    expect(next.date).toBe(first.date);
    expect(next.answers).toEqual(first.answers);
    expect(next.dueAt).toBe(later + 2 * DAY_MS);
    saveFollowUp(storage, next);
    expect(readFollowUp(storage, rules, HASH, later + DAY_MS).kind).toBe('waiting');
    expect(readFollowUp(storage, rules, HASH, later + 2 * DAY_MS).kind).toBe('due');
    // Still gone 30 days after the first check, however many follow-ups came between.
    expect(readFollowUp(storage, rules, HASH, NOW + FOLLOW_UP_MAX_AGE_MS + 1).kind).toBe('discarded');
  });

  it('expires after 30 days', () => {
    const storage = new MemoryStorage();
    saveFollowUp(storage, keep());
    expect(readFollowUp(storage, rules, HASH, NOW + FOLLOW_UP_MAX_AGE_MS).kind).toBe('due');
    expect(readFollowUp(storage, rules, HASH, NOW + FOLLOW_UP_MAX_AGE_MS + 1).kind).toBe('discarded');
  });

  it('ignores damaged data, other rules, a date from the future and answers it should never have kept', () => {
    const storage = new MemoryStorage();
    const put = (value: unknown) => storage.setItem(KEY, typeof value === 'string' ? value : JSON.stringify(value));
    const good = keep();
    for (const bad of [
      '{not json',
      'null',
      [],
      { ...good, v: 2 },
      { ...good, date: 'yesterday' },
      { ...good, urgency: 'whenever' },
      { ...good, causes: [1] },
      { ...good, answers: { ...good.answers, age_band: 'age_20_to_50' } },
      { ...good, answers: { pain_score: 'five' } },
      { ...good, dueAt: good.date - 1 },
      { ...good, date: NOW + 3 * DAY_MS, dueAt: NOW + 5 * DAY_MS },
      { ...good, responseId: 'jane.doe@example.com' },
      { ...good, responseId: 42 },
    ]) {
      put(bad);
      expect(readFollowUp(storage, rules, HASH, NOW + 2 * DAY_MS), JSON.stringify(bad)).toEqual({ kind: 'discarded' });
    }
    put(good);
    expect(readFollowUp(storage, rules, 'other-hash', NOW + 2 * DAY_MS)).toEqual({ kind: 'discarded' });
  });

  it('"Forget this" removes it at once; blocked storage never throws', () => {
    const storage = new MemoryStorage();
    saveFollowUp(storage, keep());
    expect(forgetFollowUp(storage, rules.meta.id)).toBe(true);
    expect(storage.items.size).toBe(0);
    const blocked: StorageLike = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(saveFollowUp(blocked, keep())).toBe(false);
    expect(readFollowUp(blocked, rules, HASH, NOW)).toEqual({ kind: 'none' });
    expect(forgetFollowUp(blocked, rules.meta.id)).toBe(false);
    expect(readFollowUp(null, rules, HASH, NOW)).toEqual({ kind: 'none' });
  });
});
