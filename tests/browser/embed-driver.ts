// Clicking through an embedded check the way a calm person would: "Start", then per question "No" (or "None of
// these" on a tick list, a low number on the 0-10 scale, an adult age), "Continue", and "See my result" on the
// review; a result can also come straight after a question (out of scope, a red flag). Works inside a shadow root (Playwright's locators pierce open
// shadow roots) and inside an iframe (a FrameLocator).
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { localize } from '../../src/rules/text.ts';
import { mainRules } from '../helpers.ts';

const RULES = mainRules();
/** Calm answers where "No" is not one of the options. */
const CALM_CHOICES: Readonly<Record<string, string>> = { age_band: 'age_16_to_35' };

export type CheckRoot = Locator | FrameLocator;

export interface WidgetEventRecord {
  type: string;
  source: string;
  detail: Record<string, unknown>;
}

const MAX_SCREENS = 60;

async function heading(root: CheckRoot): Promise<string> {
  const h1 = root.locator('h1');
  return (await h1.count()) > 0 ? ((await h1.first().textContent()) ?? '') : '';
}

/**
 * The calm answer to the question on screen, found in the real rules by its heading: "No" where offered, "None of
 * these" on tick lists, 2 on the 0-10 scale, an adult age, else the first real option.
 */
function calmLabel(
  headingText: string,
  choices: Readonly<Record<string, string>> = CALM_CHOICES,
): { role: 'radio' | 'checkbox'; name: string } {
  const question = RULES.questions.find((q) => localize(q.text, 'en') === headingText.trim());
  if (!question) throw new Error(`No question in the rules has the heading "${headingText}"`);
  if (question.type === 'scale') return { role: 'radio', name: String(Math.min(Math.max(2, question.min), question.max)) };
  const pick =
    question.options.find((o) => o.id === (choices[question.id] ?? '')) ??
    question.options.find((o) => (question.type === 'multi' ? o.kind === 'none' : o.id === 'no')) ??
    question.options.find((o) => o.kind === 'answer') ??
    question.options[0];
  if (!pick) throw new Error(`Question "${question.id}" has no options`);
  return { role: question.type === 'multi' ? 'checkbox' : 'radio', name: localize(pick.label, 'en') };
}

async function pickAnswer(root: CheckRoot, headingText: string, choices?: Readonly<Record<string, string>>): Promise<void> {
  const { role, name } = calmLabel(headingText, choices);
  await root.getByRole(role, { name, exact: true }).check();
}

/** From the intro to the result screen; returns the headings of the questions answered. */
export async function completeCheck(
  root: CheckRoot,
  options: {
    onScreen?: (heading: string) => Promise<void>;
    /** Option ids to pick instead of the calm defaults, by question id (e.g. to stay in scope). */
    choices?: Readonly<Record<string, string>>;
  } = {},
): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < MAX_SCREENS; i++) {
    const before = await heading(root);
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
      asked.push(before);
      await pickAnswer(root, before, { ...CALM_CHOICES, ...options.choices });
      await root.getByRole('button', { name: 'Continue', exact: true }).click();
    }
    await expect.poll(() => heading(root), { timeout: 10_000 }).not.toBe(before);
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
