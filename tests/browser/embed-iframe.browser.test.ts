// The iframe way (examples/clinic-iframe.html): embed.html in an iframe, sized and relayed by backcheck-host.js,
// under the strict CSP of issue #4. Messages go only to the origin the page named in allowed-origin.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainRules, ROOT } from '../helpers.ts';
import { completeCheck, hostEvents } from './embed-driver.ts';
import { consoleErrors, cspProblems, expectNoAxeViolations, embedSuite, type Opened } from './embed-open.ts';

const RULES = mainRules();
const { open } = embedSuite(ROOT);

/** The iframe's height on the page, and the height its document needs. */
function frameFit(page: Page, id: string): Promise<{ frame: number; content: number; scrolls: boolean }> {
  return page.evaluate(`(() => {
    const frame = document.getElementById(${JSON.stringify(id)});
    const doc = frame.contentDocument;
    const content = Math.ceil(doc.getElementById('backcheck').getBoundingClientRect().height);
    return { frame: frame.clientHeight, content, scrolls: doc.documentElement.scrollHeight > doc.documentElement.clientHeight + 1 };
  })()`) as Promise<{ frame: number; content: number; scrolls: boolean }>;
}

describe('the iframe on a clinic page (examples/clinic-iframe.html)', () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open('examples/clinic-iframe.html');
  });
  afterAll(async () => {
    await opened.page.close();
  });

  it('is sized to its content by the host script, and does not take focus', async () => {
    const { page } = opened;
    const frame = page.frameLocator('#check');
    await expect.poll(() => frame.getByRole('button', { name: 'Start', exact: true }).isVisible()).toBe(true);
    await expect.poll(async () => (await frameFit(page, 'check')).scrolls).toBe(false);
    const fit = await frameFit(page, 'check');
    expect(fit.frame).toBe(fit.content);
    expect(fit.frame).toBeGreaterThan(300);
    expect(await page.evaluate('document.activeElement === document.body')).toBe(true);
    await expectNoAxeViolations(page, 'the iframe intro');
  });

  it('completes the check; the page receives start, steps and the outcome as events on the iframe element', async () => {
    const { page, requests } = opened;
    const requestsAtLoad = requests.all.length;
    const asked = await completeCheck(page.frameLocator('#check'));
    await expect.poll(async () => (await hostEvents(page)).some((e) => e.type === 'backcheck:complete')).toBe(true);
    const events = await hostEvents(page);
    expect(events.every((e) => e.source === 'check')).toBe(true);
    const checkId = events[0]?.detail.checkId;
    expect(events[0]).toEqual({ type: 'backcheck:start', source: 'check', detail: { checkId: expect.stringMatching(/^[0-9a-f-]{36}$/), locale: 'en' } });
    expect(events.every((e) => e.detail.checkId === checkId)).toBe(true);
    expect(events.filter((e) => e.type === 'backcheck:step').map((e) => e.detail.stepNumber)).toEqual(asked.map((_, i) => i + 1));
    expect(events.at(-1)?.detail).toEqual({
      checkId,
      locale: 'en',
      urgency: expect.toBeOneOf(['consult', 'self-care']),
      causes: expect.any(Array),
      redFlags: [],
      rulesId: RULES.meta.id,
      rulesVersion: RULES.meta.version,
      rulesSignedOff: false,
    });
    // The result is taller than the intro: the frame followed.
    await expect.poll(async () => (await frameFit(page, 'check')).scrolls).toBe(false);
    const fit = await frameFit(page, 'check');
    expect(fit.frame).toBe(fit.content);

    await expectNoAxeViolations(page, 'the iframe result');
    expect(await cspProblems(opened)).toEqual([]);
    expect(consoleErrors(opened)).toEqual([]);
    requests.assertNoForeignRequests();
    expect(requests.all.slice(requestsAtLoad).map((r) => r.url)).toEqual([]);

    // Calling the clinic from the result: the tel: link opens from the top page, so the page's frame-src (which
    // names only the widget's origin) never sees a frame navigation, and the result stays on screen for after the
    // call. Navigating the frame itself had replaced the result with "This content is blocked".
    const frame = page.frameLocator('#check');
    const call = frame.getByRole('link', { name: /\+44 20 7946 0000/ });
    expect(await call.getAttribute('target')).toBe('_top');
    await call.click();
    await page.waitForTimeout(500);
    expect(await cspProblems(opened)).toEqual([]);
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toMatch(/See a professional|look after this yourself/);
  });
});

describe('the iframe without a matching allowed-origin', () => {
  it('sends nothing: no events and no size to a page it was not told about', async () => {
    const opened = await open('test-pages/iframe-origins.html');
    const { page } = opened;
    try {
      for (const id of ['no-origin', 'wrong-origin']) {
        const frame = page.frameLocator(`#${id}`);
        await frame.getByRole('button', { name: 'Start', exact: true }).click();
        await expect.poll(() => frame.getByRole('button', { name: 'Continue', exact: true }).count()).toBe(1);
      }
      expect(await hostEvents(page)).toEqual([]);
      // Never sized by the check: still the placeholder the host script gave them in place of the browser's 150 px.
      for (const id of ['no-origin', 'wrong-origin']) expect((await frameFit(page, id)).frame).toBe(720);
      // Each frame says once, on the console, what is wrong and what to write instead, naming the page's origin.
      const origin = new URL(page.url()).origin;
      const errors = consoleErrors(opened).filter((e) => e.startsWith('backcheck embed.html'));
      // The two frames load in either order.
      expect(errors).toHaveLength(2);
      expect(errors).toEqual(expect.arrayContaining([
        expect.stringContaining(`no "allowed-origin" in the address, so no events or size changes are sent to ${origin}. Add &allowed-origin=${encodeURIComponent(origin)}`),
        expect.stringContaining(`this check is shown on ${origin}, but "allowed-origin" lists https://other-clinic.example`),
      ]));
    } finally {
      await page.close();
    }
  });
});
