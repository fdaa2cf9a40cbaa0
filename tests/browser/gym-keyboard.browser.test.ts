// The whole check with the keyboard only (Tab, Shift+Tab, Space, Enter, arrow keys; no clicks), in real Chromium.
// After every step the focus must be on the new screen's heading, so a keyboard or screen reader user starts reading
// at the new question instead of on a button that is gone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mainRules } from '../helpers.ts';
import { asks, browserSuite, CALM, CheckPage, EMERGENCY, NOT_SURE, type Screen } from './pages.ts';

const rules = mainRules();
const suite = browserSuite();

/** The focused element's tag and text, read from document.activeElement. */
const activeElement = (page: Page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName ?? '',
    text: (document.activeElement?.textContent ?? '').trim(),
    id: document.activeElement?.id ?? '',
  }));

/** Asserts the focus is on the one h1 of the screen. */
async function expectFocusOnHeading(page: Page, s: Screen): Promise<void> {
  expect(await page.locator('h1').count()).toBe(1);
  expect(await activeElement(page), `focus after reaching "${s.heading}"`).toMatchObject({ tag: 'H1', text: s.heading });
}

describe('keyboard only', () => {
  it('"I\'m not sure" on a grouped check asks the whole list again on one page, by keyboard, to an urgent result', async () => {
    const { page } = await suite.open();
    const check = new CheckPage(page, rules, 'en', 'keyboard');
    await check.goto(suite.url);
    let s = await check.start();
    s = await check.answer(NOT_SURE);
    // Every sign of the list on one page, each in its full words, with the heading focused.
    expect(s).toMatchObject({ kind: 'step', step: { kind: 'questions' } });
    expect(s.kind === 'step' && s.step.questions.map((q) => q.id)).toEqual(rules.screens![0]!.questions);
    await expectFocusOnHeading(page, s);
    s = await check.toResult(NOT_SURE, (screen) => expectFocusOnHeading(page, screen));
    expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel.urgent);
  });

  it('a calm check from the intro to the result, with focus on each new heading, Back and an error on the way', async () => {
    const { page } = await suite.open();
    const check = new CheckPage(page, rules, 'en', 'keyboard');
    await check.goto(suite.url);
    // The standalone page does not grab focus on load; Tab reaches Start.
    let s = await check.start();
    expect(s).toMatchObject({ kind: 'step', step: { kind: 'group' } });
    expect(asks(s, 'rf_saddle_numbness')).toBe(true);
    await expectFocusOnHeading(page, s);

    // Continue without an answer: focus goes to the error summary, its link leads to the first answer.
    await check.tabToButton(check.t.continue);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await activeElement(page)).text).toContain(check.t.errorSummaryTitle);
    await page.keyboard.press('Tab');
    expect((await activeElement(page)).tag).toBe('A');
    await page.keyboard.press('Enter');
    const firstInput = await page.locator('fieldset input').first().getAttribute('id');
    expect(await activeElement(page)).toMatchObject({ tag: 'INPUT', id: firstInput });
    // Focus is on the first radio ("Yes"), not checked: the arrow key moves to "No" and selects it.
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('fieldset input:checked').getAttribute('value')).toBe('no');
    s = await check.step(async () => {
      await check.tabToButton(check.t.continue);
      await page.keyboard.press('Enter');
    });
    await expectFocusOnHeading(page, s);

    // Two more grouped checks, then Back with Shift+Tab: the previous answer is still chosen, focus on its heading.
    s = await check.answer(CALM);
    await expectFocusOnHeading(page, s);
    // The third screen: progress moves on every screen.
    expect(await page.locator('.backcheck__progress').textContent()).toMatch(/^Step 3 of \d+$/);
    const third = s.kind === 'step' ? s.step.key : '';
    s = await check.answer(CALM);
    await expectFocusOnHeading(page, s);
    s = await check.step(async () => {
      await check.tabToButton(check.t.back, true);
      await page.keyboard.press('Enter');
    });
    expect(s.kind === 'step' && s.step.key).toBe(third);
    await expectFocusOnHeading(page, s);
    expect(await page.locator('fieldset input:checked').getAttribute('value')).toBe('no');

    // On to the review, checking the focus on every step, and that every kind of question was met.
    const kinds = new Set<string>();
    s = await check.toReview(CALM, async (screen) => {
      if (screen.kind === 'step') for (const q of screen.step.questions) kinds.add(screen.step.kind === 'questions' ? q.type : screen.step.kind);
      await expectFocusOnHeading(page, screen);
    });
    expect(s.kind).toBe('review');
    expect([...kinds].sort()).toEqual(['group', 'multi', 'scale', 'single']);

    // Review: Shift+Tab from "See my result" lands on the Change button of the last screen the person saw (the
    // drinks question: the brown-pee check after it is only for a brown answer).
    await check.tabToButton(check.t.seeResult);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(check.changeButton('drinks'));
    await page.keyboard.press('Tab');
    s = await check.step(() => page.keyboard.press('Enter'));
    expect(s.kind).toBe('result');
    await expectFocusOnHeading(page, s);
    expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel['self-care']);
  });

  it('Start pressed while the rest of the check is still loading is kept, and focus lands on the first question', async () => {
    const { page } = await suite.open();
    // Hold back the lazily loaded part of the check (everything after the intro) until Start has been pressed.
    let release = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });
    await page.route(/\/assets\/LoadedCheck-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const check = new CheckPage(page, rules, 'en', 'keyboard');
    await page.goto(suite.url);
    await page.getByRole('button', { name: check.t.start }).waitFor();
    await check.tabToButton(check.t.start);
    await page.keyboard.press('Enter');
    release();
    await page.locator('form[data-step]').waitFor();
    const s = await check.screen();
    expect(s).toMatchObject({ kind: 'step', step: { key: rules.screens![0]!.id } });
    await expectFocusOnHeading(page, s);
  });

  it('an emergency answer goes straight to the emergency result, focused', async () => {
    const { page } = await suite.open();
    const check = new CheckPage(page, rules, 'en', 'keyboard');
    await check.goto(suite.url);
    let s = await check.start();
    await expectFocusOnHeading(page, s);
    // Yes on the first grouped check, then the sign ticked in "Which of these?": the result at once.
    s = await check.answer(EMERGENCY);
    expect(s).toMatchObject({ kind: 'step', step: { kind: 'which' } });
    await expectFocusOnHeading(page, s);
    s = await check.answer(EMERGENCY);
    expect(s.kind).toBe('result');
    await expectFocusOnHeading(page, s);
    expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel.emergency);
    // The result's own buttons are reachable too: Tab gets to "Start again", Enter goes back to the intro.
    s = await check.step(async () => {
      await check.tabToButton(check.t.startAgain);
      await page.keyboard.press('Enter');
    });
    expect(s.kind).toBe('intro');
  });
});
