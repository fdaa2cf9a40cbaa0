// The standalone app at the gym without signal (issue #18, "Opens without signal"): after one visit it opens and runs
// to its result with the network off; a new build replaces the old one whole on the next visit, never a mix; it is
// installable (a valid manifest, icons of its own). The embed pages never register a worker:
// embed-no-worker.browser.test.ts.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build, createServer, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/build/files.ts';
import { WORKER_FILE } from '../../src/build/offline-plugin.ts';
import { MANIFEST_FILE, type WebManifest } from '../../src/build/web-manifest.ts';
import { mainRules, ROOT } from '../helpers.ts';
import { recordRequests } from './chromium.ts';
import { browserSuite, CALM, CheckPage, DIST } from './pages.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const rules = mainRules();
const suite = browserSuite();

/** Waits until the page's service worker has cached the check and controls the page. */
async function offlineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The same-origin files the page has loaded (scripts, styles, the page itself), as paths in the build folder. */
async function loadedFiles(page: Page, base: string): Promise<string[]> {
  const urls = await page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);
  return urls
    .filter((u) => u.startsWith(base))
    .map((u) => u.slice(base.length).split(/[?#]/)[0] || 'index.html')
    .sort();
}

describe('offline after one visit', () => {
  it('opens and completes a check with the network off, served whole by the service worker', async () => {
    const tp = await suite.open();
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    await offlineReady(tp.page);

    await tp.context.setOffline(true);
    const s = await check.goto(suite.url);
    expect(s.kind).toBe('intro');
    const result = await check.toResult(CALM);
    expect(result.kind).toBe('result');
    await tp.page.getByRole('button', { name: check.t.copy }).waitFor();
    // Switching language offline still works: the other language's words were cached with the rest.
    await tp.page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => tp.page.evaluate(() => document.documentElement.lang)).toBe('es');

    // The network really is off: a page the worker does not keep (the clinics' iframe page) cannot load.
    const other = await tp.context.newPage();
    await expect(other.goto(`${suite.url}embed.html`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await other.close();
  });

  it('registers only its own worker, from the page\'s folder, and fetches nothing from another origin for it', async () => {
    const tp = await suite.open();
    const log = await recordRequests(tp.context, suite.url, { block: true });
    await new CheckPage(tp.page, rules).goto(suite.url);
    await offlineReady(tp.page);
    const scripts = await tp.page.evaluate(async () =>
      (await navigator.serviceWorker.getRegistrations()).map((r) => ({ scope: r.scope, script: r.active?.scriptURL })),
    );
    expect(scripts).toEqual([{ scope: suite.url, script: `${suite.url}${WORKER_FILE}` }]);
    log.stop();
    log.assertNoForeignRequests();
    // The worker kept the check's files, not the clinicians' review page (which nobody at the gym needs).
    const cached = await tp.page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0] ?? '');
      return { names, urls: (await cache.keys()).map((r) => r.url) };
    });
    expect(cached.names).toHaveLength(1);
    expect(cached.urls).toContain(`${suite.url}index.html`);
    expect(cached.urls).toContain(`${suite.url}${MANIFEST_FILE}`);
    expect(cached.urls.some((u) => /\/assets\/LoadedCheck-[^/]+\.js$/.test(u))).toBe(true);
    expect(cached.urls.some((u) => /\/assets\/ReviewRoute-[^/]+\.js$/.test(u))).toBe(false);
  });
});

describe('npm run dev', () => {
  it('registers no worker (the dev server has no sw.js, and its page asks for none)', async () => {
    const dev = await createServer({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', server: { port: 0, strictPort: false } });
    const tp = await suite.open();
    try {
      await dev.listen();
      const url = dev.resolvedUrls?.local[0];
      if (!url) throw new Error('the dev server has no address');
      const asked: string[] = [];
      tp.page.on('request', (r) => asked.push(r.url()));
      await tp.page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
      await tp.page.getByRole('button', { name: 'Start', exact: true }).waitFor({ timeout: 30_000 });
      expect(await tp.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
      expect(asked.filter((u) => u.endsWith(`/${WORKER_FILE}`) || u.endsWith(`/${MANIFEST_FILE}`))).toEqual([]);
    } finally {
      // The page first: a dev page whose server goes away retries its reload socket, loudly.
      await tp.context.close();
      await dev.close();
    }
  });
});

describe('installable', () => {
  it('links a valid manifest (name, relative start_url, standalone) whose icons are files of its own', async () => {
    const tp = await suite.open();
    await new CheckPage(tp.page, rules).goto(suite.url);
    const href = await tp.page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe(`./${MANIFEST_FILE}`);
    // Chromium's own reading of it: no parse errors.
    const cdp = await tp.context.newCDPSession(tp.page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[]; data?: string };
    expect(parsed.url).toBe(`${suite.url}${MANIFEST_FILE}`);
    expect(parsed.errors).toEqual([]);
    const manifest = JSON.parse(parsed.data ?? '{}') as WebManifest;
    // The name the page has before its script runs (its <title>).
    expect(manifest.name).toBe(/<title>([^<]+)<\/title>/.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))?.[1]);
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('./');
    expect(manifest.scope).toBe('./');
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      expect(icon.src, 'an icon of our own, by a relative address').not.toMatch(/^([a-z]+:|\/)/i);
      const response = await fetch(new URL(icon.src, suite.url));
      expect(response.status, icon.src).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (icon.type === 'image/png') {
        // The PNG header's width and height are what the manifest says.
        expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
      } else {
        expect(bytes.toString('utf8'), icon.src).toMatch(/^<svg /);
      }
    }
    await offlineReady(tp.page);
    // With the worker in place, Chromium finds nothing that stops installing it, but that the test's profile is
    // incognito-like (as every test context is: a fresh, throwaway profile).
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installability.installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  });
});

describe('updates', () => {
  /**
   * A second build of the app: every module of ours changed (so its chunks get new hashed names, while the libraries'
   * chunks keep theirs, as in a real release), its page marked "B".
   */
  const markB: Plugin = {
    name: 'test-build-b',
    transform: (code, id) => (/\/src\/.*\.tsx?$/.test(id) ? `${code}\nglobalThis.backcheckBuild = 'B';\n` : undefined),
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'test-build', content: 'B' }, injectTo: 'head' }],
  };
  let site: string;
  let versionB: string;
  let server: StaticServer;

  beforeAll(async () => {
    versionB = mkdtempSync(join(tmpdir(), 'backcheck-build-b-'));
    const nodeEnv = process.env.NODE_ENV;
    try {
      await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', plugins: [markB], build: { outDir: versionB, emptyOutDir: true } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    site = mkdtempSync(join(tmpdir(), 'backcheck-site-'));
    cpSync(DIST, site, { recursive: true });
    server = await serveStatic(site);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(site, { recursive: true, force: true });
    rmSync(versionB, { recursive: true, force: true });
  });

  /** Replaces what the server sends with build B, as a deploy would (A's files are gone). */
  const deployB = () => {
    for (const name of readdirSync(site)) rmSync(join(site, name), { recursive: true, force: true });
    cpSync(versionB, site, { recursive: true });
  };

  it('a new build replaces the old one whole on the next visit; an open page keeps its own version to the end', async () => {
    const filesA = new Set(listFiles(DIST));
    const filesB = new Set(listFiles(versionB));
    const entry = (files: Set<string>) => [...files].filter((f) => /^assets\/(index|LoadedCheck)-[^/]+\.js$/.test(f)).sort();
    expect(entry(filesB).filter((f) => filesA.has(f)), "B's entry and check chunks have new names").toEqual([]);
    const buildMark = (page: Page) => page.evaluate(() => document.querySelector('meta[name="test-build"]')?.getAttribute('content') ?? 'A');

    const tp = await suite.open();
    const check = new CheckPage(tp.page, rules);
    await check.goto(server.url);
    await offlineReady(tp.page);
    deployB();

    // The visit right after the deploy: still A, from the cache, while B installs beside it.
    await check.goto(server.url);
    expect(await buildMark(tp.page)).toBe('A');
    await tp.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration) throw new Error('no service worker');
      await registration.update();
      while (!registration.waiting) await new Promise((done) => setTimeout(done, 50));
    });
    // A's page loads what it has not loaded yet (the Spanish words) from A's cache, though the server only has B.
    await tp.page.getByRole('button', { name: 'Español' }).click();
    check.locale = 'es';
    // The Spanish words arrive from A's cache: the page is Spanish once its heading is, not as soon as it is clicked.
    await expect.poll(() => check.headingText()).toBe(check.say(rules.meta.title));
    await check.toResult(CALM);
    const seenA = await loadedFiles(tp.page, server.url);
    expect(seenA.filter((f) => !filesA.has(f)), 'files of A only').toEqual([]);

    // The next visit, with no page of A open: B, entirely, and A's cache is gone. (Without A's finished check in
    // storage, which B would offer to continue: whether saved progress applies is the rules' hash's call.)
    await tp.page.evaluate(() => localStorage.clear());
    await tp.page.goto('about:blank');
    check.locale = 'en';
    await check.goto(server.url);
    await offlineReady(tp.page);
    expect(await buildMark(tp.page)).toBe('B');
    await check.toResult(CALM);
    const seenB = await loadedFiles(tp.page, server.url);
    expect(seenB.filter((f) => !filesB.has(f)), 'files of B only').toEqual([]);
    expect(seenB.filter((f) => !filesA.has(f)).length, 'new chunks of B').toBeGreaterThan(3);
    const workerB = readFileSync(join(versionB, WORKER_FILE), 'utf8');
    const cacheB = `backcheck-${/"version":"(\w+)"/.exec(workerB)?.[1] ?? ''}`;
    expect(await tp.page.evaluate(() => caches.keys())).toEqual([cacheB]);
  });
});
