// Opening a page of the embed test site in its own browser context, recording its requests and console.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, recordRequests, type RequestLog } from './chromium.ts';
import { settle } from './embed-driver.ts';
import { serveEmbedSite, type EmbedSite } from './embed-site.ts';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Opened {
  page: Page;
  requests: RequestLog;
  /** Console messages of the page and its frames. */
  console: ConsoleMessage[];
}

export async function openPage(browser: Browser, siteUrl: string, path: string, options: BrowserContextOptions = {}): Promise<Opened> {
  // A context per page: a fresh profile each, and what AxeBuilder needs.
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, ...options });
  const page = await context.newPage();
  // The browser may already be closing (afterAll); a context that is gone needs no closing.
  page.on('close', () => void context.close().catch(() => undefined));
  const console: ConsoleMessage[] = [];
  page.on('console', (m) => console.push(m));
  const requests = await recordRequests(page, siteUrl);
  await page.goto(new URL(path, siteUrl).href);
  await settle(page);
  return { page, requests, console };
}

export const consoleErrors = ({ console }: Opened): string[] =>
  console.filter((m) => m.type() === 'error').map((m) => m.text());

/** CSP violations reported on the console (page and frames) or to the page's listener (examples/clinic-page.js). */
export async function cspProblems({ page, console }: Opened): Promise<string[]> {
  return [
    ...console.filter((m) => /Content Security Policy/i.test(m.text())).map((m) => m.text()),
    ...((await page.evaluate('window.cspViolations')) as string[]),
  ];
}

/** axe-core over the page, shadow roots and iframes included. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(found, `axe on ${where}`).toEqual([]);
}

/**
 * One embed test site (dist/ + examples/ + test pages under the strict CSP) and one browser per test file, started
 * before its tests and closed after them; `open` gives each page its own fresh context.
 */
export function embedSuite(root: string): { open: (path: string, options?: BrowserContextOptions) => Promise<Opened> } {
  let site: EmbedSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveEmbedSite(root);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    open: (path, options) => {
      if (!browser || !site) throw new Error('embedSuite: open() called outside the tests');
      return openPage(browser, site.url, path, options);
    },
  };
}
