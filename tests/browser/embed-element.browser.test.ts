// <backcheck-widget> on clinic pages in real Chromium, under the strict CSP of issue #4: a hostile clinic page,
// two widgets on one page, a page running its own React 18, and bad options from the host.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainRules, ROOT } from '../helpers.ts';
import { completeCheck, hostEvents } from './embed-driver.ts';
import { consoleErrors, cspProblems, expectNoAxeViolations, embedSuite, type Opened } from './embed-open.ts';

const URGENCIES = ['emergency', 'urgent', 'consult', 'self-care'];
const RULES = mainRules();

const { open } = embedSuite(ROOT);


/** Computed styles of widget elements that a leaking page style would change (not the themed colours and font). */
const ISOLATION_PROPS = ['font-size', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'display', 'cursor', 'margin-top', 'padding-left'];
function widgetStyles(page: Page, id: string): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(
    `(() => {
      const root = document.getElementById(${JSON.stringify(id)}).shadowRoot;
      const pick = (el) => Object.fromEntries(${JSON.stringify(ISOLATION_PROPS)}.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
      return {
        heading: pick(root.querySelector('h1')),
        start: pick(root.querySelector('button.backcheck__button')),
        lead: pick(root.querySelector('.backcheck__lead')),
        list: pick(root.querySelector('li')),
      };
    })()`,
  ) as Promise<Record<string, Record<string, string>>>;
}

describe('the custom element on a hostile clinic page (examples/clinic.html)', () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open('examples/clinic.html');
  });
  afterAll(async () => {
    await opened.page.close();
  });

  it('does not take focus on load and renders no <title>', async () => {
    const { page } = opened;
    await expect.poll(() => page.getByRole('button', { name: 'Start', exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate('document.activeElement === document.body')).toBe(true);
    expect(await page.evaluate("document.getElementById('check').shadowRoot.activeElement")).toBeNull();
    expect(await page.title()).toBe('Riverside Sports Physio: back pain self-check');
    expect(await page.evaluate("document.querySelectorAll('title').length + document.getElementById('check').shadowRoot.querySelectorAll('title').length")).toBe(1);
  });

  it("looks the same as on a plain page: the clinic's resets, fonts and hidden buttons do not reach it", async () => {
    const plain = await open('test-pages/plain.html');
    try {
      const expected = await widgetStyles(plain.page, 'check');
      expect(expected.start?.display).not.toBe('none');
      expect(await widgetStyles(opened.page, 'check')).toEqual(expected);
    } finally {
      await plain.page.close();
    }
  });

  it("takes the clinic's brand through the documented custom properties and parts", async () => {
    const styles = (await opened.page.evaluate(
      `(() => {
        const root = document.getElementById('check').shadowRoot;
        const start = getComputedStyle(root.querySelector('button.backcheck__button'));
        const header = getComputedStyle(root.querySelector('[part~="header"]'));
        return { bg: start.backgroundColor, radius: start.borderTopLeftRadius, font: start.fontFamily, headerBorder: header.borderBottomColor };
      })()`,
    )) as Record<string, string>;
    expect(styles).toEqual({ bg: 'rgb(10, 110, 79)', radius: '14px', font: expect.stringContaining('Georgia'), headerBorder: 'rgb(10, 110, 79)' });
  });

  it("keeps its own CSS inside: the page's element named like a widget class keeps the page's look", async () => {
    const decoy = (await opened.page.evaluate(
      "(() => { const s = getComputedStyle(document.getElementById('decoy')); return { margin: s.marginTop, weight: s.fontWeight }; })()",
    )) as Record<string, string>;
    // The page's `p { margin: 3rem }` at 62.5% is 30px; the widget's `.backcheck__service { margin: 0; font-weight: 700 }` must not apply.
    expect(decoy).toEqual({ margin: '30px', weight: '400' });
  });

  it('has no accessibility violations on the intro', async () => {
    await expectNoAxeViolations(opened.page, 'the intro');
  });

  it('completes the check, telling the page start, each step and the outcome, without answers', async () => {
    const { page, requests } = opened;
    const requestsAtLoad = requests.all.length;
    const asked = await completeCheck(page.locator('#check'));
    await expect.poll(async () => (await hostEvents(page)).some((e) => e.type === 'backcheck:complete')).toBe(true);

    const events = await hostEvents(page);
    expect(events.every((e) => e.source === 'check')).toBe(true);
    // One check: one id on every event, and the language it is shown in.
    const checkId = events[0]?.detail.checkId;
    expect(checkId).toMatch(/^[0-9a-f-]{36}$/);
    expect(events[0]).toEqual({ type: 'backcheck:start', source: 'check', detail: { checkId, locale: 'en' } });
    expect(events.every((e) => e.detail.checkId === checkId && e.detail.locale === 'en')).toBe(true);
    const steps = events.filter((e) => e.type === 'backcheck:step');
    expect(steps.map((s) => s.detail.stepNumber)).toEqual(asked.map((_, i) => i + 1));
    expect(steps.map((s) => s.detail.screen)).toEqual(asked);
    for (const step of steps) expect(Object.keys(step.detail).sort()).toEqual(['checkId', 'locale', 'screen', 'section', 'stepNumber']);
    const complete = events.at(-1);
    expect(complete?.type).toBe('backcheck:complete');
    expect(complete?.detail).toEqual({
      checkId,
      locale: 'en',
      urgency: expect.toBeOneOf(URGENCIES),
      causes: expect.any(Array),
      redFlags: [],
      rulesId: RULES.meta.id,
      rulesVersion: expect.any(String),
      rulesSignedOff: false,
    });
    // Calm answers: no red flag, so never emergency or urgent.
    expect(['consult', 'self-care']).toContain(complete?.detail.urgency);

    await expectNoAxeViolations(page, 'the result');
    expect(await cspProblems(opened)).toEqual([]);
    requests.assertNoForeignRequests();
    expect(requests.all.slice(requestsAtLoad).map((r) => r.url)).toEqual([]);
  });

  it('tells the page when the person presses the booking button', async () => {
    const { page } = opened;
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.locator('#check').getByRole('link', { name: /book/i }).click(),
    ]);
    await popup.close();
    const complete = (await hostEvents(page)).find((e) => e.type === 'backcheck:complete');
    await expect.poll(async () => (await hostEvents(page)).at(-1)).toEqual({
      type: 'backcheck:book',
      source: 'check',
      // From the result it was pressed on: the same check, and that result's urgency.
      detail: { checkId: complete?.detail.checkId, locale: 'en', via: 'booking', urgency: complete?.detail.urgency },
    });
  });
});

describe('the custom element in other pages', () => {
  it('works twice on one page, each widget on its own, with the script included twice', async () => {
    const opened = await open('test-pages/two-widgets.html');
    const { page } = opened;
    try {
      await completeCheck(page.locator('#second'));
      await completeCheck(page.locator('#first'));
      const events = await hostEvents(page);
      const completes = events.filter((e) => e.type === 'backcheck:complete').map((e) => e.source);
      expect(completes).toEqual(['second', 'first']);
      expect(events.filter((e) => e.type === 'backcheck:start').map((e) => e.source)).toEqual(['second', 'first']);
      await expectNoAxeViolations(page, 'two widgets');
      expect(await cspProblems(opened)).toEqual([]);
      expect(consoleErrors(opened)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("works beside the page's own React 18, which keeps working too", async () => {
    const opened = await open('test-pages/react18.html');
    const { page } = opened;
    try {
      expect(await page.evaluate('window.React.version')).toMatch(/^18\./);
      await page.getByRole('button', { name: 'Clinic app clicks: 0' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Clinic app clicks: 1' }).count()).toBe(1);
      await completeCheck(page.locator('#check'));
      await expect.poll(async () => (await hostEvents(page)).some((e) => e.type === 'backcheck:complete')).toBe(true);
      await page.getByRole('button', { name: 'Clinic app clicks: 1' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Clinic app clicks: 2' }).count()).toBe(1);
      expect(consoleErrors(opened)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('rejects a javascript: contact-url with one console error naming it, and never links to it', async () => {
    const opened = await open('test-pages/options.html');
    const { page } = opened;
    try {
      const errors = () => consoleErrors(opened);
      expect(errors()).toHaveLength(1);
      expect(errors()[0]).toMatch(/"contact-url".*https:/);

      await completeCheck(page.locator('#check'));
      const check = page.locator('#check');
      expect(await check.getByRole('link', { name: /book/i }).getAttribute('href')).toBe('https://clinic.example/book');
      expect(await check.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(await check.getByRole('link', { name: /contact/i }).count()).toBe(0);
      // Without share-answers the page learns the outcome only.
      await expect.poll(async () => (await hostEvents(page)).some((e) => e.type === 'backcheck:complete')).toBe(true);
      const complete = (await hostEvents(page)).find((e) => e.type === 'backcheck:complete');
      expect(Object.keys(complete?.detail ?? {}).sort()).toEqual(['causes', 'checkId', 'locale', 'redFlags', 'rulesId', 'rulesSignedOff', 'rulesVersion', 'urgency']);
      expect(errors()).toHaveLength(1);
    } finally {
      await page.close();
    }
  });
});

describe("the clinic's CSS colours with theme=\"auto\" (test-pages/brand-auto.html)", () => {
  const startBackground = (page: Page, id: string) =>
    page.locator(`#${id}`).getByRole('button', { name: 'Start', exact: true }).evaluate((b) => getComputedStyle(b).backgroundColor);

  it('in light mode uses the green; in dark mode replaces it where it is too faint, saying so once, and keeps a dark twin', async () => {
    const light = await open('test-pages/brand-auto.html');
    try {
      expect(await startBackground(light.page, 'green')).toBe('rgb(10, 110, 79)');
      // The dark theme is judged even in light mode: theme="auto" can show it any time.
      const errors = consoleErrors(light).filter((e) => e.includes('contrast'));
      expect(errors).toEqual([
        expect.stringMatching(/^<backcheck-widget>: --backcheck-accent #0a6e4f has a contrast of 2\.95:1 with the background #111418 in the dark theme .* Give a lighter dark-accent-color \(or --backcheck-dark-accent\)/),
      ]);
    } finally {
      await light.page.close();
    }
    const dark = await open('test-pages/brand-auto.html', { colorScheme: 'dark' });
    try {
      // The widget's own dark accent, not 2.95:1 green on near-black; the twin's lighter green where one is given.
      expect(await startBackground(dark.page, 'green')).toBe('rgb(124, 182, 245)');
      expect(await startBackground(dark.page, 'twin')).toBe('rgb(127, 209, 185)');
      await expectNoAxeViolations(dark.page, 'brand colours in dark mode');
    } finally {
      await dark.page.close();
    }
  });
});

describe('the custom element in a 260 px column on a wide screen (test-pages/narrow.html)', () => {
  it('lays itself out for the space it has, not the screen: nothing overflows, and the sticky Continue bar never covers the control in focus', async () => {
    const { page } = await open('test-pages/narrow.html');
    try {
      const overflow = () =>
        page.evaluate(`(() => {
          const root = document.getElementById('check').shadowRoot;
          const box = root.querySelector('.backcheck');
          const width = box.getBoundingClientRect().right;
          const wide = [...root.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 1);
          return wide.map((el) => el.tagName.toLowerCase() + '.' + el.className).slice(0, 5);
        })()`) as Promise<string[]>;
      const coveredByBar = () =>
        page.evaluate(`(() => {
          const root = document.getElementById('check').shadowRoot;
          const el = root.activeElement;
          const bar = root.querySelector('.backcheck__question .backcheck__actions');
          if (!el || !bar || bar.contains(el) || getComputedStyle(bar).position !== 'sticky') return null;
          const r = el.getBoundingClientRect();
          const b = bar.getBoundingClientRect();
          const covered = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
          return covered > 0 ? (el.id || el.tagName) + ': ' + Math.round(covered) + ' px under the bar' : null;
        })()`) as Promise<string | null>;
      const screens: string[] = [];
      await completeCheck(page.locator('#check'), {
        // In scope (pain that started during the workout), so every section (and the 0-10 scale) is shown.
        choices: { pain_onset: 'during_workout' },
        onScreen: async (heading) => {
          screens.push(heading);
          expect(await overflow(), `overflow on "${heading}"`).toEqual([]);
          // WCAG 2.4.11: Tab through the screen; no control that takes focus may sit under the bar. The clinic's
          // page cannot give the check scroll padding, so the controls keep their own margin.
          for (let i = 0; i < 14; i++) {
            await page.keyboard.press('Tab');
            expect(await coveredByBar(), `focus under the Continue bar on "${heading}"`).toBeNull();
          }
        },
      });
      // The 0-10 scale (11 columns of 44 px on a wide layout) was among the screens checked.
      const scale = RULES.questions.find((q) => q.type === 'scale');
      const scaleScreen = RULES.screens?.find((x) => x.questions.includes(scale?.id ?? ''));
      expect(screens).toContain(`step:${scaleScreen?.id ?? scale?.id}`);
      expect(await overflow()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('printing from the custom element (examples/clinic.html)', () => {
  it('prints the widget alone, not the clinic page around it, and leaves the page as it was', async () => {
    const { page } = await open('examples/clinic.html');
    try {
      await completeCheck(page.locator('#check'));
      // Headless Chromium has no print dialog: record the call instead.
      await page.evaluate('window.print = () => { window.printed = (window.printed || 0) + 1; }');
      await page.getByRole('button', { name: 'Print or save this summary' }).click();
      expect(await page.evaluate('window.printed')).toBe(1);
      await page.emulateMedia({ media: 'print' });
      const shown = () =>
        page.evaluate(`({
          clinicHeading: getComputedStyle(document.querySelector('header h1')).display,
          footer: getComputedStyle(document.querySelector('footer')).display,
          widget: getComputedStyle(document.getElementById('check')).display,
          result: getComputedStyle(document.getElementById('check').shadowRoot.querySelector('[part~="result"]')).display,
        })`) as Promise<Record<string, string>>;
      const printing = await shown();
      expect(printing.clinicHeading).toBe('none');
      expect(printing.footer).toBe('none');
      expect(printing.widget).not.toBe('none');
      expect(printing.result).not.toBe('none');
      // After printing, the clinic's page prints as itself again.
      await page.evaluate("window.dispatchEvent(new Event('afterprint'))");
      const after = await shown();
      expect(after.clinicHeading).not.toBe('none');
      expect(after.footer).not.toBe('none');
      expect(await page.evaluate("document.getElementById('check').hasAttribute('data-backcheck-printing')")).toBe(false);
    } finally {
      await page.close();
    }
  });
});
