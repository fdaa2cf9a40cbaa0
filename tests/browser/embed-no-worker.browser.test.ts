// Embedded use is unchanged by the standalone app's offline worker (issue #18): a clinic's page, with the custom
// element or the iframe, never registers a service worker, nor asks for sw.js, before, during or after a check.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WORKER_FILE } from '../../src/build/offline-plugin.ts';
import { ROOT } from '../helpers.ts';
import { completeCheck } from './embed-driver.ts';
import { consoleErrors, embedSuite } from './embed-open.ts';

const { open } = embedSuite(ROOT);

const registrations = (where: Page | Frame) =>
  where.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));

describe('no service worker on a clinic page', () => {
  it('the custom element (examples/clinic.html) registers none, through a whole check', async () => {
    const opened = await open('examples/clinic.html');
    await completeCheck(opened.page.locator('backcheck-widget'));
    expect(await registrations(opened.page)).toEqual([]);
    expect(await opened.page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    expect(opened.requests.all.map((r) => r.url).filter((u) => u.endsWith(`/${WORKER_FILE}`))).toEqual([]);
    expect(consoleErrors(opened)).toEqual([]);
    await opened.page.close();
  });

  it('the iframe page (examples/clinic-iframe.html) registers none, in the frame or its page, through a whole check', async () => {
    const opened = await open('examples/clinic-iframe.html');
    await completeCheck(opened.page.frameLocator('#check'));
    const frame = opened.page.frames().find((f) => new URL(f.url()).pathname.endsWith('/embed.html'));
    if (!frame) throw new Error('no embed.html frame on the page');
    expect(await registrations(frame)).toEqual([]);
    expect(await registrations(opened.page)).toEqual([]);
    expect(opened.requests.all.map((r) => r.url).filter((u) => u.endsWith(`/${WORKER_FILE}`))).toEqual([]);
    expect(consoleErrors(opened)).toEqual([]);
    await opened.page.close();
  });
});
