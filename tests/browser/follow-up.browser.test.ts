// The follow-up check in real Chromium (issue #18): accept it on a self-care result, move the clock forward (the
// stored date, moved back), reopen the check, and answer "better", "the same after a week" and a new warning sign:
// each lands on the outcome the rules define. "Forget this" leaves nothing in storage. Zero axe violations.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DAY_MS, followUpRulesOf } from '../../src/engine/follow-up.ts';
import { formatDate } from '../../src/i18n/index.ts';
import { followUpKey } from '../../src/storage/follow-up.ts';
import { progressKey } from '../../src/storage/progress.ts';
import { mainRules } from '../helpers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { browserSuite, CALM, CheckPage, EMERGENCY, type Plan } from './pages.ts';

const rules = mainRules();
const suite = browserSuite();
const KEY = followUpKey(rules.meta.id);
const storedKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage));

/** The CALM person's check to its self-care result, and "Keep it on this device". */
async function acceptFollowUp(page: Page): Promise<CheckPage> {
  const check = new CheckPage(page, rules);
  await check.goto(suite.url);
  await check.toResult(CALM);
  expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel['self-care']);
  const offer = page.getByRole('region', { name: check.t.followUpOffer('2') });
  await offer.getByRole('button', { name: check.t.followUpAccept }).click();
  await expect.poll(() => offer.getByRole('status').textContent()).toMatch(/^Saved on this device\./);
  return check;
}

/**
 * Moves the clock forward by moving every stored time back: the kept follow-up's date (and when it is due), and the
 * saved result's (a day later it is no longer offered back). Then opens the check afresh.
 */
async function daysLater(page: Page, days: number): Promise<{ check: CheckPage; date: string }> {
  const date = await page.evaluate(
    ([key, progressKey, ms]) => {
      const kept = JSON.parse(localStorage.getItem(key) ?? '{}') as { date: number; dueAt: number };
      kept.date -= ms;
      kept.dueAt -= ms;
      localStorage.setItem(key, JSON.stringify(kept));
      const progress = JSON.parse(localStorage.getItem(progressKey) ?? '{}') as { savedAt: number };
      progress.savedAt -= ms;
      localStorage.setItem(progressKey, JSON.stringify(progress));
      return kept.date;
    },
    [KEY, progressKey(rules.meta.id), days * DAY_MS] as const,
  );
  // The follow-up asks its own screens: the page object reads them from the follow-up's layout of the same rules.
  const check = new CheckPage(page, followUpRulesOf(rules));
  await check.goto(suite.url);
  return { check, date: formatDate('en-GB', new Date(date)) };
}

async function followUpTo(page: Page, days: number, plan: Plan) {
  await acceptFollowUp(page);
  const { check, date } = await daysLater(page, days);
  expect(await check.headingText()).toBe(check.t.followUpTitle(date));
  await expectNoAxeViolations(page, 'the follow-up intro');
  const first = await check.step(() => check.press(check.t.followUpStart));
  // Focus moves to each new heading.
  expect((await check.focused()).tag).toBe('H1');
  expect(first).toMatchObject({ kind: 'step', step: { screen: 'warning_signs_now' } });
  const result = await check.toResult(plan);
  expect(result.kind).toBe('result');
  expect((await check.focused()).tag).toBe('H1');
  await expectNoAxeViolations(page, 'the follow-up result');
  return { check, date };
}

describe('the follow-up check', () => {
  it('better after two days: "From 3/10 to 1/10: getting better", self-care, with this week\'s step', async () => {
    const { page } = await suite.open();
    const { check, date } = await followUpTo(page, 2, { ...CALM, pain_score: 1, pain_trend: 'better' });
    expect(await check.headingText()).toBe(check.t.followUpResultTitle(date));
    expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel['self-care']);
    await page.getByText('From 3/10 to 1/10: getting better. Keep going with the plan, one step at a time, as below.').waitFor();
    await page.getByText(/^This week: train at about half your usual weights/).waitFor();
    // Used: the follow-up is gone; its result may offer another, from now.
    expect(await storedKeys(page)).not.toContain(KEY);
  });

  it('the same after a week: "Not better after a week: book a physiotherapist or GP"', async () => {
    const { page } = await suite.open();
    const { check } = await followUpTo(page, 7, { ...CALM, pain_score: 3, pain_trend: 'same' });
    expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel.consult);
    await page.getByText('Not better after a week: book a physiotherapist or GP.').waitFor();
  });

  it('a new warning sign: the usual emergency result, whatever the comparison', async () => {
    const { page } = await suite.open();
    const { check } = await followUpTo(page, 2, { ...EMERGENCY, pain_score: 1, pain_trend: 'better' });
    expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel.emergency);
    expect(await page.getByText(/^From 3\/10/).count()).toBe(0);
  });

  it('"Forget this" leaves nothing in storage', async () => {
    const { page } = await suite.open();
    const check = await acceptFollowUp(page);
    expect(await storedKeys(page)).toContain(KEY);
    await page.getByRole('button', { name: check.t.followUpForget }).click();
    await page.getByText(check.t.followUpForgotten).waitFor();
    expect(await storedKeys(page)).toEqual([]);
    // And a new visit starts afresh.
    await check.goto(suite.url);
    expect((await check.screen()).kind).toBe('intro');
  });
});
