// Clicking through an embedded check the way a calm person would: "Start", then per step "No" (on a grouped check,
// and "None of these" on a tick list, a low number on the 0-10 scale, an adult age), "Continue", and "See my
// result" on the review; a result can also come straight after a step (out of scope, a red flag). Works inside a shadow root (Playwright's locators pierce open
// shadow roots) and inside an iframe (a FrameLocator).
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { mainRules } from '../helpers.ts';

const RULES = mainRules();
/** Calm answers where "No" is not one of the options. */
const CALM_CHOICES: Readonly<Record<string, string>> = { age_band: 'age_20_to_50' };

export type CheckRoot = Locator | FrameLocator;

export interface WidgetEventRecord {
  type: string;
  source: string;
  detail: Record<string, unknown>;
}

const MAX_SCREENS = 60;

/** What identifies the screen: the step's key on a question screen, else the heading. */
async function where(root: CheckRoot): Promise<string> {
  const form = root.locator('form[data-step]');
  if ((await form.count()) > 0) return `step:${(await form.first().getAttribute('data-step')) ?? ''}`;
  const h1 = root.locator('h1');
  return (await h1.count()) > 0 ? ((await h1.first().textContent()) ?? '') : '';
}

/** The calm answer to a question: "No" where offered, "None of these" on tick lists, 2 on the 0-10 scale, an adult. */
function calmValue(questionId: string, choices: Readonly<Record<string, string>>): string {
  const question = RULES.questions.find((q) => q.id === questionId);
  if (!question) throw new Error(`No question "${questionId}" in the rules`);
  if (question.type === 'scale') return String(Math.min(Math.max(2, question.min), question.max));
  const pick =
    question.options.find((o) => o.id === (choices[question.id] ?? '')) ??
    question.options.find((o) => (question.type === 'multi' ? o.kind === 'none' : o.id === 'no')) ??
    question.options.find((o) => o.kind === 'answer') ??
    question.options[0];
  if (!pick) throw new Error(`Question "${question.id}" has no options`);
  return pick.id;
}

/**
 * Answers the step on screen: on a grouped check "Yes" (or "I'm not sure") when `choices` says so for a listed sign,
 * else "No"; on "Which of these?" the signs chosen "yes"; each question on a screen its calm answer.
 */
async function answerCalmly(root: CheckRoot, choices: Readonly<Record<string, string>>): Promise<void> {
  const form = root.locator('form[data-step]');
  if ((await form.locator('.backcheck__group-list').count()) > 0) {
    const listed = await form.locator('li[data-question]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question ?? ''));
    const said = listed.map((id) => choices[id] ?? 'no');
    const choice = said.includes('not_sure') ? 'not_sure' : said.includes('yes') ? 'yes' : 'no';
    await form.locator(`input[value="${choice}"]`).check();
    return;
  }
  if (((await form.getAttribute('data-step')) ?? '').endsWith('/which')) {
    const ticks = await form.locator('input[type="checkbox"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    for (const id of ticks) if (choices[id] === 'yes') await form.locator(`input[value="${id}"]`).check();
    // A ticked emergency-level sign is confirmed in full words on the same page.
    const confirm = await form.locator('.backcheck__confirm div[data-question]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question ?? ''));
    for (const id of confirm) await form.locator(`.backcheck__confirm div[data-question="${id}"] input[value="${calmValue(id, choices)}"]`).check();
    return;
  }
  const ids = await form.locator('div[data-question]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question ?? ''));
  for (const id of ids) await form.locator(`div[data-question="${id}"] input[value="${calmValue(id, choices)}"]`).check();
}

/** From the intro to the result screen; returns the keys of the steps answered. */
export async function completeCheck(
  root: CheckRoot,
  options: {
    onScreen?: (where: string) => Promise<void>;
    /** Option ids to pick instead of the calm defaults, by question id (e.g. to stay in scope). */
    choices?: Readonly<Record<string, string>>;
  } = {},
): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < MAX_SCREENS; i++) {
    const before = await where(root);
    await options.onScreen?.(before);
    if ((await root.locator('[part~="result"]').count()) > 0) return asked;
    const seeResult = root.getByRole('button', { name: 'See my result' });
    if (await seeResult.isVisible()) {
      await seeResult.click();
      await expect.poll(() => root.locator('[part~="result"]').count()).toBe(1);
      return asked;
    }
    const start = root.getByRole('button', { name: 'Start', exact: true });
    if (await start.isVisible()) {
      await start.click();
    } else {
      asked.push(before.replace(/^step:/, ''));
      await answerCalmly(root, { ...CALM_CHOICES, ...options.choices });
      await root.getByRole('button', { name: 'Continue', exact: true }).click();
    }
    await expect.poll(() => where(root), { timeout: 10_000 }).not.toBe(before);
  }
  throw new Error(`No result after ${MAX_SCREENS} screens`);
}

/** The events the demo page's listener (examples/clinic-page.js) collected on window. */
export function hostEvents(page: Page): Promise<WidgetEventRecord[]> {
  return page.evaluate('window.backcheckEvents') as Promise<WidgetEventRecord[]>;
}

/** Waits until the whole page (its widget chunks included) has loaded and the network is quiet. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle');
}
