// The clinicians' review page (/review, and #/review) in real Chromium: axe WCAG 2.2 AA with zero violations (also
// after answers are picked in "Try it", as a first check or as a follow-up, and in dark mode), no sideways page
// scroll at 320 px (wide tables scroll in their own focusable region), tap targets, screenshots, and nothing fetched
// from another origin.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localize } from '../../src/rules/text.ts';
import { mainRules } from '../helpers.ts';
import { axeViolations } from './axe.ts';
import { recordRequests } from './chromium.ts';
import { browserSuite, horizontalOverflow, overflowingElements, screenshots, smallTargets } from './pages.ts';

const rules = mainRules();
const suite = browserSuite();
const TITLE = `Rules review: ${localize(rules.meta.title, 'en')}`;

async function openReview(page: Page, path = 'review'): Promise<void> {
  await page.goto(`${suite.url}${path}`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

async function narrowIssues(page: Page, name: string): Promise<string[]> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  // Axe again at this width: the decision tables only become scrollable regions when they do not fit.
  const issues = (await axeViolations(page)).map((v) => `${name} at 320px: axe ${v}`);
  const overflow = await horizontalOverflow(page);
  if (overflow > 0) issues.push(`${name}: scrolls ${overflow}px sideways (${(await overflowingElements(page)).join('; ')})`);
  issues.push(...(await smallTargets(page)).map((t) => `${name}: small target ${t}`));
  if (before) await page.setViewportSize(before);
  return issues;
}

/** Picks an answer in the try-it panel by the question's id (each select is labelled "<id>: <question>"). */
async function pick(page: Page, questionId: string, optionLabel: string): Promise<void> {
  await page.getByLabel(new RegExp(`^${questionId}: `)).selectOption({ label: optionLabel });
}

// The review page lays out every rule of the file, with its rationale, and axe walks all of it: with rules 3.3.0 on
// this shared machine two of these took just over the default 60 s in one CI run (the same tests passed in the two
// runs before). Each is given room; a hang still fails.
const REVIEW_PAGE_MS = 150_000;

describe('the clinicians review page', () => {
  it('on /review: every rule table, no axe violation, fits 320 px, nothing from elsewhere', { timeout: REVIEW_PAGE_MS }, async () => {
    const tp = await suite.open({ viewport: { width: 1280, height: 800 } });
    const log = await recordRequests(tp.context, suite.url, { block: true });
    await openReview(tp.page);
    for (const name of ['Metadata and sign-off', 'Question flow', 'Rules', 'Try it']) {
      await tp.page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
    }
    // Every red flag appears as a row, named by its id.
    for (const flag of rules.redFlags) expect(await tp.page.getByRole('rowheader', { name: flag.id, exact: true }).count()).toBeGreaterThan(0);
    // Wide tables scroll inside a named region a keyboard user can focus, not the page.
    const regions = tp.page.locator('.backcheck-review__scroll');
    expect(await regions.count()).toBeGreaterThan(0);
    for (const region of await regions.all()) {
      expect(await region.getAttribute('tabindex')).toBe('0');
      expect(await region.getAttribute('aria-label')).toBeTruthy();
    }
    expect(await axeViolations(tp.page)).toEqual([]);
    expect(await narrowIssues(tp.page, 'review')).toEqual([]);
    await screenshots(tp.page, 'review-page');
    log.stop();
    log.assertNoForeignRequests();
  });

  it('try it: picking answers shows the urgency and the rules that fired, still without axe violations', { timeout: REVIEW_PAGE_MS }, async () => {
    const tp = await suite.open({ viewport: { width: 1280, height: 800 } });
    await openReview(tp.page, '#/review');
    const result = tp.page.locator('.backcheck-tryit__result');
    await expect.poll(() => result.textContent()).toContain('self-care');
    await pick(tp.page, 'rf_fever', 'Yes');
    await expect.poll(() => result.textContent()).toContain('urgent');
    expect(await result.getByRole('list', { name: 'Rules that fired' }).textContent()).toContain('fever');
    // A question shown only for some answers appears when they are picked: what happened, after a fall or blow.
    const accidentKind = tp.page.getByLabel(/^rf_accident_kind: /);
    expect(await accidentKind.count()).toBe(0);
    await pick(tp.page, 'rf_accident', 'Yes');
    await accidentKind.waitFor();
    // What the check would leave out for these answers, in words: after an urgent sign, the non-emergency questions.
    expect(await result.getByRole('list', { name: 'Questions it leaves out' }).textContent()).toContain('could not raise the urgency already reached');
    await pick(tp.page, 'rf_saddle_numbness', 'Yes');
    await expect.poll(() => result.textContent()).toContain('emergency');
    expect(await axeViolations(tp.page)).toEqual([]);
    expect(await narrowIssues(tp.page, 'try-it')).toEqual([]);
    await tp.page.locator('#review-try').scrollIntoViewIfNeeded();
    await screenshots(tp.page, 'review-page-try-it');
  });

  it('try it as a follow-up: the earlier check by keyboard, the outcome words, still without axe violations', { timeout: REVIEW_PAGE_MS }, async () => {
    const tp = await suite.open({ viewport: { width: 1280, height: 800 } });
    await openReview(tp.page);
    const result = tp.page.locator('.backcheck-tryit__result');
    // Switched on from the keyboard: a real checkbox in a labelled group.
    await tp.page.getByRole('checkbox', { name: 'Try as a follow-up to an earlier check' }).focus();
    await tp.page.keyboard.press('Space');
    const earlier = tp.page.getByRole('group', { name: 'The earlier check' });
    await earlier.getByLabel(/^Days ago/).selectOption('2');
    await earlier.getByLabel(/^Then: pain_score: /).selectOption('6');
    await tp.page.getByLabel(/^pain_score: /).selectOption('2');
    await expect.poll(() => result.textContent()).toContain('From 6/10 to 2/10');
    expect(await axeViolations(tp.page)).toEqual([]);
    expect(await narrowIssues(tp.page, 'try-it follow-up')).toEqual([]);
    await tp.page.locator('#review-try').scrollIntoViewIfNeeded();
    await screenshots(tp.page, 'review-page-try-follow-up');
  });

  it('in a dark colour scheme, no axe violations', { timeout: REVIEW_PAGE_MS }, async () => {
    const tp = await suite.open({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    await openReview(tp.page);
    await pick(tp.page, 'rf_fever', 'Yes');
    expect(await axeViolations(tp.page)).toEqual([]);
    await screenshots(tp.page, 'dark-review-page');
  });
});
