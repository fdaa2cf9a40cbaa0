// The release as a clinic hosts it: `npm run release`'s folder behind real nginx (deploy/nginx/backcheck.conf) on
// a second origin, under a sub-path, embedded both ways from a strict-CSP clinic page on the first; every mistake
// from issue #11 made on purpose, each answered by its documented console message.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS } from '../../bench/budgets.ts';
import { isCompressedCopy, pinnedTags } from '../../src/build/release.ts';
import { SILENCE_MS } from '../../src/embed/messages.ts';
import { catalogues } from '../../src/i18n/index.ts';
import { localize } from '../../src/rules/text.ts';
import { mainRules } from '../helpers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { completeCheck, hostEvents } from './embed-driver.ts';
import { CALM, CheckPage } from './pages.ts';
import { RELEASE_DIR, startReleaseSite, VERSION, type ReleaseSite } from './release-site.ts';

const RULES = mainRules();
let site: ReleaseSite;
let browser: Browser;

beforeAll(async () => {
  site = await startReleaseSite();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Visit {
  page: Page;
  console: ConsoleMessage[];
  requests: string[];
}

async function visit(url: string, options: BrowserContextOptions = {}): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, ...options });
  const tab = await context.newPage();
  // Every height the first iframe of the page has, from its first layout on.
  await tab.addInitScript(() => {
    const heights: number[] = [];
    Object.assign(window, { frameHeights: heights });
    document.addEventListener('DOMContentLoaded', () => {
      const frame = document.querySelector('iframe');
      if (frame) new ResizeObserver(() => heights.push(frame.getBoundingClientRect().height)).observe(frame);
    });
  });
  tab.on('close', () => void context.close().catch(() => undefined));
  const messages: ConsoleMessage[] = [];
  const requests: string[] = [];
  tab.on('console', (m) => messages.push(m));
  tab.on('request', (r) => requests.push(r.url()));
  await tab.goto(url);
  await tab.waitForLoadState('networkidle');
  return { page: tab, console: messages, requests };
}

/** embed.html on the CDN for the clinic's page, with more options. */
const IFRAME_SRC = (extra: string) =>
  `${site.base}embed.html?clinic-name=Riverside%20Sports%20Physio&locale=en&allowed-origin=${encodeURIComponent(origin(site.clinic.url))}${extra}`;

const said = (v: Visit, type: 'error' | 'warning') => v.console.filter((m) => m.type() === type).map((m) => m.text());
const origin = (url: string) => new URL(url).origin;
const cspViolations = (v: Visit) => v.page.evaluate('window.cspViolations') as Promise<string[]>;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [relative(site.releaseDir, path).split(sep).join('/')];
  });
}

describe('npm run release', () => {
  it('writes a folder that verifies against its own integrity.json: every file listed, every hash recomputed', () => {
    const files = listFiles(site.releaseDir).filter((f) => f !== 'integrity.json' && !isCompressedCopy(f)).sort();
    expect(Object.keys(site.manifest.files).sort()).toEqual(files);
    for (const file of files) {
      const hash = `sha384-${createHash('sha384').update(readFileSync(join(site.releaseDir, file))).digest('base64')}`;
      expect(site.manifest.files[file], file).toBe(hash);
    }
    expect(site.manifest).toMatchObject({ name: 'backcheck', version: VERSION, algorithm: 'sha384' });
  });

  it('names every chunk by its content, keeps the entry points stable, and says its version in each entry', () => {
    const entries = Object.values(site.manifest.entries) as string[];
    expect(entries.sort()).toEqual(['embed.html', 'embed/backcheck-host.js', 'embed/backcheck.js', 'index.html', 'manifest.webmanifest', 'sw.js']);
    // The web manifest names its icons, which keep their names (and are revalidated, like the entry points).
    for (const file of Object.keys(site.manifest.files).filter((f) => !entries.includes(f) && !f.startsWith('icons/'))) {
      expect(file).toMatch(/^(assets|embed)\/[A-Za-z0-9_.-]+-[A-Za-z0-9_-]{8}\.(js|css)$/);
    }
    const read = (f: string) => readFileSync(join(site.releaseDir, f), 'utf8');
    expect(read('embed.html')).toContain(`<meta name="backcheck-version" content="${VERSION}">`);
    expect(read('index.html')).toContain(`<meta name="backcheck-version" content="${VERSION}">`);
    expect(read('embed/backcheck.js')).toContain(`/*! backcheck.js ${VERSION} */`);
    expect(read('embed/backcheck-host.js').split('\n')[0]).toBe(`/*! backcheck-host.js ${VERSION} */`);
    expect(read('sw.js').split('\n')[0]).toBe(`/*! sw.js ${VERSION} */`);
  });

  it('writes a gzip and a brotli copy beside every page, script, style and integrity.json, each holding exactly that file', () => {
    const text = listFiles(site.releaseDir).filter((f) => /\.(html|js|css|json)$/.test(f));
    expect(text.length).toBeGreaterThan(10);
    for (const file of text) {
      const bytes = readFileSync(join(site.releaseDir, file));
      expect(gunzipSync(readFileSync(join(site.releaseDir, `${file}.gz`))).equals(bytes), `${file}.gz`).toBe(true);
      expect(brotliDecompressSync(readFileSync(join(site.releaseDir, `${file}.br`))).equals(bytes), `${file}.br`).toBe(true);
    }
    // integrity.json lists the files themselves: SRI is checked on the decoded bytes, whatever the encoding.
    expect(Object.keys(site.manifest.files).filter(isCompressedCopy)).toEqual([]);
  });

  it('uses relative URLs only, so the folder works under any path', () => {
    for (const html of ['index.html', 'embed.html']) {
      const text = readFileSync(join(site.releaseDir, html), 'utf8');
      const urls = [...text.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string).filter((u) => !u.startsWith('data:'));
      expect(urls.length, html).toBeGreaterThan(0);
      for (const url of urls) expect(url, `${html}: ${url}`).toMatch(/^\.\//);
    }
  });
});

describe('nginx with deploy/nginx/backcheck.conf', () => {
  const get = async (path: string) => {
    const response = await fetch(new URL(path, site.base), { redirect: 'manual' });
    await response.arrayBuffer();
    return { status: response.status, header: (name: string) => response.headers.get(name) };
  };
  const chunk = (folder: string) => Object.keys(site.manifest.files).find((f) => f.startsWith(`${folder}/`) && /-[A-Za-z0-9_-]{8}\.js$/.test(f)) as string;

  it("sends embed.html with the strict CSP and the clinic's frame-ancestors (never *), and revalidates it", async () => {
    const r = await get('embed.html');
    expect(r.status).toBe(200);
    expect(r.header('content-type')).toBe('text/html; charset=utf-8');
    const csp = r.header('content-security-policy') ?? '';
    expect(csp).toMatch(new RegExp(`frame-ancestors ${origin(site.clinic.url)}$`));
    expect(csp).not.toMatch(/frame-ancestors[^;]*\*/);
    expect(csp).toContain("connect-src 'none'");
    expect(r.header('cache-control')).toBe('no-cache');
    expect(r.header('x-content-type-options')).toBe('nosniff');
    expect(r.header('referrer-policy')).toBe('no-referrer');
  });

  it('sends the standalone page (and /review) with its CSP, never framed; /review/ goes to /review', async () => {
    for (const path of ['', 'index.html', 'review']) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.header('content-security-policy'), path).toMatch(/default-src 'self'.*frame-ancestors 'none'$/);
    }
    const slash = await get('review/');
    expect(slash.status).toBe(301);
    expect(slash.header('location')).toBe(new URL('review', site.base).href);
  });

  it("sends the element's scripts with CORS and the right type; hashed files cached for a year, entry points revalidated", async () => {
    for (const path of ['embed/backcheck.js', 'embed/backcheck-host.js']) {
      const r = await get(path);
      expect(r.header('content-type'), path).toBe('text/javascript; charset=utf-8');
      expect(r.header('access-control-allow-origin'), path).toBe('*');
      expect(r.header('cache-control'), path).toBe('no-cache');
    }
    const hashed = await get(chunk('embed'));
    expect(hashed.header('access-control-allow-origin')).toBe('*');
    expect(hashed.header('cache-control')).toBe('public, max-age=31536000, immutable');
    const asset = await get(chunk('assets'));
    expect(asset.header('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.header('cache-control')).toBe('public, max-age=31536000, immutable');
    const manifest = await get('integrity.json');
    expect(manifest.header('content-type')).toBe('application/json; charset=utf-8');
    expect(manifest.header('cache-control')).toBe('no-cache');
    expect((await get('embed/no-such-file.js')).status).toBe(404);
  });

  it("sends the offline worker revalidated on every use, under a CSP of its own; the manifest and icons revalidated", async () => {
    const worker = await get('sw.js');
    expect(worker.status).toBe(200);
    expect(worker.header('content-type')).toBe('text/javascript; charset=utf-8');
    // A cached worker would keep the old release for up to a day: a new release must be found at the next visit.
    expect(worker.header('cache-control')).toBe('no-cache');
    expect(worker.header('content-security-policy')).toBe("default-src 'none'; connect-src 'self'");
    const manifest = await get('manifest.webmanifest');
    expect(manifest.status).toBe(200);
    expect(manifest.header('content-type')).toBe('application/manifest+json; charset=utf-8');
    expect(manifest.header('cache-control')).toBe('no-cache');
    for (const icon of Object.keys(site.manifest.files).filter((f) => f.startsWith('icons/'))) {
      const r = await get(icon);
      expect(r.status, icon).toBe(200);
      expect(r.header('content-type'), icon).toBe(icon.endsWith('.svg') ? 'image/svg+xml' : 'image/png');
      expect(r.header('cache-control'), icon).toBe('no-cache');
    }
    expect(Object.keys(site.manifest.files)).toEqual(expect.arrayContaining(['sw.js', 'manifest.webmanifest', 'icons/icon-192.png']));
  });
});

describe('the standalone app from the release, behind nginx', () => {
  it("installs its offline worker under the worker's own CSP, then opens and completes a check with the network off", async () => {
    const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      const check = new CheckPage(page, RULES);
      await check.goto(site.base);
      await page.evaluate(async () => void (await navigator.serviceWorker.ready));
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await context.setOffline(true);
      expect((await check.goto(site.base)).kind).toBe('intro');
      expect((await check.toResult(CALM)).kind).toBe('result');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** A GET as a client that accepts `encoding` sends it: the raw bytes on the wire, never decoded. */
function rawGet(url: string, encoding: string | null): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compressed on the wire: nginx with deploy/nginx/backcheck.conf', () => {
  /** Every page, script, style and integrity.json of the release, as paths inside it. */
  const textFiles = () => [...Object.keys(site.manifest.files), 'integrity.json'].filter((f) => /\.(html|js|css|json)$/.test(f)).sort();
  const onDisk = (file: string, suffix = '') => readFileSync(join(site.releaseDir, `${file}${suffix}`));
  const vary = (headers: Record<string, string | string[] | undefined>) => String(headers.vary ?? '');

  it('sends every entry and chunk as its precompressed gzip copy, byte for byte, with Vary: Accept-Encoding', async () => {
    const rows: string[] = [];
    for (const file of textFiles()) {
      const r = await rawGet(new URL(file, site.base).href, 'gzip');
      expect(r.status, file).toBe(200);
      expect(r.headers['content-encoding'], file).toBe('gzip');
      expect(vary(r.headers), file).toMatch(/Accept-Encoding/i);
      // The .gz file itself (gzip_static), not a copy compressed on the fly: its exact bytes and length.
      expect(r.body.equals(onDisk(file, '.gz')), `${file}: the body is ${file}.gz`).toBe(true);
      expect(Number(r.headers['content-length']), file).toBe(onDisk(file, '.gz').length);
      rows.push(`${file.padEnd(48)} ${String(onDisk(file).length).padStart(8)} ${String(r.body.length).padStart(8)}`);
    }
    console.log(`bytes on the wire (gzip) from nginx:\n${'file'.padEnd(48)} ${'raw'.padStart(8)} ${'gzip'.padStart(8)}\n${rows.join('\n')}`);
  });

  it('sends brotli to a browser that accepts it when the module is loaded; gzip only otherwise, and says so', async () => {
    const expected = site.compression.brotli ? 'br' : 'gzip';
    if (!site.compression.brotli) console.warn(`GZIP ONLY (no brotli): ${site.compression.gzipOnlyBecause}`);
    for (const file of textFiles()) {
      const r = await rawGet(new URL(file, site.base).href, 'gzip, deflate, br');
      expect(r.headers['content-encoding'], file).toBe(expected);
      expect(vary(r.headers), file).toMatch(/Accept-Encoding/i);
      expect(r.body.equals(onDisk(file, expected === 'br' ? '.br' : '.gz')), file).toBe(true);
    }
  });

  it('sends the files themselves to a client that accepts no compression', async () => {
    for (const file of ['index.html', 'embed/backcheck.js', 'integrity.json']) {
      const r = await rawGet(new URL(file, site.base).href, null);
      expect(r.headers['content-encoding'], file).toBeUndefined();
      expect(r.body.equals(onDisk(file)), file).toBe(true);
    }
  });

  it('still compresses a release uploaded without its .gz and .br copies (gzip_types), so scripts never go out raw', async () => {
    const base = new URL(`../uncompressed/${RELEASE_DIR}/`, site.base).href;
    const scripts = textFiles().filter((f) => f.endsWith('.js') || f.endsWith('.css') || f.endsWith('.json'));
    for (const file of scripts) {
      const r = await rawGet(new URL(file, base).href, 'gzip');
      expect(r.headers['content-encoding'], file).toBe('gzip');
      expect(gunzipSync(r.body).equals(onDisk(file)), file).toBe(true);
    }
  });
});

describe('the whole check on the wire, opening to result, from nginx', () => {
  it(`is at most ${BUDGETS.wholeCheckGzip / 1000} kB gzip each way in (standalone, iframe, element), as the bench counts it`, async () => {
    const tags = pinnedTags(site.manifest, site.base);
    const ways = {
      standalone: { url: site.base, root: (p: Page) => p.locator('#root') },
      iframe: {
        url: site.clinicPage('wire-iframe.html', tags.host, `<iframe id="check" data-backcheck title="Check" src="${IFRAME_SRC('')}"></iframe>`),
        root: (p: Page) => p.frameLocator('#check'),
      },
      element: {
        url: site.clinicPage('wire-element.html', tags.element, '<backcheck-widget id="check" locale="en"></backcheck-widget>'),
        root: (p: Page) => p.locator('#check'),
      },
    };
    const encoding = site.compression.brotli ? 'br' : 'gzip';
    const rows: string[] = [];
    for (const [way, { url, root }] of Object.entries(ways)) {
      const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
      const tab = await context.newPage();
      const fromCdn: import('playwright-core').Response[] = [];
      tab.on('response', (r) => {
        if (r.url().startsWith(site.base)) fromCdn.push(r);
      });
      try {
        await tab.goto(url);
        await completeCheck(root(tab));
        await tab.waitForLoadState('networkidle');
        const files = [...new Set(fromCdn.map((r) => decodeURIComponent(new URL(r.url()).pathname.slice(new URL(site.base).pathname.length)) || 'index.html'))];
        const size = (suffix: string) => files.reduce((sum, f) => sum + statSync(join(site.releaseDir, `${f}${suffix}`)).size, 0);
        const wire = (await Promise.all(fromCdn.map(async (r) => (await r.request().sizes()).responseBodySize))).reduce((a, b) => a + b, 0);
        // What went over the wire is exactly the precompressed copies of those files.
        expect(wire, way).toBe(size(encoding === 'br' ? '.br' : '.gz'));
        expect(files, way).not.toEqual(expect.arrayContaining([expect.stringMatching(/ReviewRoute|analysis/)]));
        expect(size('.gz'), `${way}: gzip bytes of the whole check`).toBeLessThanOrEqual(BUDGETS.wholeCheckGzip);
        rows.push(`${way.padEnd(11)} ${String(files.length).padStart(5)} ${String(size('')).padStart(9)} ${String(size('.gz')).padStart(8)} ${String(size('.br')).padStart(8)}`);
      } finally {
        await context.close();
      }
    }
    console.log(`whole check from nginx (${encoding} served):\n${'way in'.padEnd(11)} ${'files'.padStart(5)} ${'raw'.padStart(9)} ${'gzip'.padStart(8)} ${'brotli'.padStart(8)}\n${rows.join('\n')}`);
  });
});

describe('a clinic page on another origin, under a strict CSP', () => {
  it('runs the custom element pinned by SRI in every file: events, emergency number, regional date, no error', async () => {
    const tags = pinnedTags(site.manifest, site.base);
    const url = site.clinicPage('element.html', tags.element,
      `<backcheck-widget id="check" clinic-name="Riverside Sports Physio" locale="en-AU" theme="light"
        booking-url="https://riverside-physio.example/book?utm_source=backcheck&amp;utm_medium=widget"
        emergency-number="000" accent-color="#0a6e4f"></backcheck-widget>`,
    );
    const v = await visit(url);
    try {
      const check = v.page.locator('#check');
      await completeCheck(check);
      await expect.poll(async () => (await hostEvents(v.page)).some((e) => e.type === 'backcheck:complete')).toBe(true);
      const events = await hostEvents(v.page);
      expect(events[0]).toEqual({ type: 'backcheck:start', source: 'check', detail: { checkId: expect.stringMatching(/^[0-9a-f-]{36}$/), locale: 'en' } });
      expect(events.at(-1)?.detail).toMatchObject({ rulesId: RULES.meta.id, redFlags: [], urgency: 'self-care' });
      // A calm result: what to do now, and the signs that mean calling for help.
      const headings = await check.locator('[part~="result"]').getByRole('heading', { level: 2 }).allTextContents();
      expect(headings).toEqual(
        expect.arrayContaining([localize(RULES.results.selfCareAdvice!.title, 'en'), catalogues.en.safetyTitle]),
      );
      // Day first, as in Australia.
      expect(await check.locator('.backcheck__meta').textContent()).toMatch(/Date: \d{1,2} [A-Z][a-z]+ \d{4}/);
      const book = check.getByRole('link', { name: 'Book an appointment' });
      expect(await book.getAttribute('href')).toBe('https://riverside-physio.example/book?utm_source=backcheck&utm_medium=widget');
      expect(await check.locator('.backcheck').evaluate((b) => getComputedStyle(b).getPropertyValue('--backcheck-accent').trim())).toBe('#0a6e4f');
      await expectNoAxeViolations(v.page, 'the pinned element');
      expect(said(v, 'error')).toEqual([]);
      expect(await cspViolations(v)).toEqual([]);
      const origins = new Set(v.requests.map(origin));
      expect([...origins].sort()).toEqual([origin(site.cdn.url), origin(site.clinic.url)].sort());
    } finally {
      await v.page.close();
    }
  });

  it("on an emergency result, the clinic's number is a tel: link that comes first, named in every text, and no booking", async () => {
    const url = site.clinicPage(
      'emergency.html',
      `<script type="module" src="${site.base}embed/backcheck.js"></script>`,
      `<backcheck-widget id="check" locale="en-AU" emergency-number="000" booking-url="https://riverside-physio.example/book"></backcheck-widget>`,
    );
    const v = await visit(url);
    try {
      const check = v.page.locator('#check');
      // Numbness in the saddle area: an emergency on the first screen (as EMERGENCY in pages.ts).
      await completeCheck(check, { choices: { rf_saddle_numbness: 'yes' } });
      await expect.poll(async () => (await hostEvents(v.page)).at(-1)?.detail.urgency).toBe('emergency');
      const call = check.getByRole('link', { name: 'Call 000 now' });
      expect(await call.getAttribute('href')).toBe('tel:000');
      // The first link or button of the result; no booking on an emergency.
      const first = check.locator('[part~="result"]').locator('a, button').first();
      expect(await first.textContent()).toBe('Call 000 now');
      expect(await check.getByRole('link', { name: 'Book an appointment' }).count()).toBe(0);
      // Call now, in the rules' words, and nothing that reads like "this can wait": no "when to see a professional",
      // no list of signs to watch for later, no self-care advice.
      const result = check.locator('[part~="result"]');
      expect(await result.getByRole('heading', { level: 1 }).textContent()).toBe(localize(RULES.results.urgency.emergency.title, 'en'));
      expect(await result.textContent()).toContain(localize(RULES.results.urgency.emergency.action, 'en').replace('{number}', '000'));
      expect(await result.textContent()).not.toMatch(/999|911|112/);
      expect(await result.textContent()).toContain(localize(RULES.redFlags.find((r) => r.id === 'saddle_numbness')!.reason, 'en'));
      const headings = await result.getByRole('heading', { level: 2 }).allTextContents();
      expect(headings).not.toContain(catalogues.en.safetyTitle);
      expect(headings).not.toContain(localize(RULES.results.selfCareAdvice!.title, 'en'));
      await expectNoAxeViolations(v.page, 'an emergency result with the clinic number');
      expect(said(v, 'error')).toEqual([]);
    } finally {
      await v.page.close();
    }
  });

  it('refuses a chunk changed on the CDN after it was pinned, and says the check could not load', async () => {
    const tags = pinnedTags(site.manifest, new URL(`../tampered/${RELEASE_DIR}/`, site.base).href);
    const url = site.clinicPage('tampered.html', tags.element, '<backcheck-widget id="check" locale="en"></backcheck-widget>');
    const v = await visit(url);
    try {
      await expect.poll(() => v.page.locator('#check').getByRole('alert').isVisible()).toBe(true);
      expect(await v.page.locator('#check').getByRole('alert').textContent()).toContain('This self-check could not load.');
      const errors = said(v, 'error');
      expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/Failed to find a valid digest in the 'integrity' attribute for resource '.*\/tampered\/.*LoadedCheck-/)]));
      expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^backcheck\\.js ${VERSION.replace(/\./g, '\\.')}: the check could not load its files`))]));
    } finally {
      await v.page.close();
    }
  });

  it('runs the iframe from the CDN, branded through its address, sized by the pinned host script, without a jump', async () => {
    const tags = pinnedTags(site.manifest, site.base);
    const url = site.clinicPage('iframe.html', tags.host,
      `<iframe id="check" data-backcheck title="Back pain self-check"
        src="${IFRAME_SRC('&theme=light&accent-color=0a6e4f&text-color=%23222222&background-color=%23fdfbf7&radius=14&font=georgia')}"></iframe>`,
    );
    const v = await visit(url);
    try {
      const frame = v.page.frameLocator('#check');
      const start = frame.getByRole('button', { name: 'Start', exact: true });
      await expect.poll(() => start.isVisible()).toBe(true);
      const look = await start.evaluate((b) => {
        const s = getComputedStyle(b);
        const box = getComputedStyle(b.closest('.backcheck') as Element);
        return { bg: s.backgroundColor, radius: s.borderTopLeftRadius, font: s.fontFamily, page: box.backgroundColor, text: box.color };
      });
      expect(look).toEqual({ bg: 'rgb(10, 110, 79)', radius: '14px', font: expect.stringMatching(/^Georgia/), page: 'rgb(253, 251, 247)', text: 'rgb(34, 34, 34)' });
      // The frame fits its content: the host script heard the frame (the handshake) and sized it.
      const fit = () => frame.locator('#backcheck').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      await expect.poll(async () => (await v.page.locator('#check').evaluate((f) => f.clientHeight)) === (await fit())).toBe(true);
      // From its first layout the frame had the placeholder height of the docs (site.css), close to what the intro
      // needs, instead of the browser's 150 px: the page below it barely moves when the check arrives.
      // (Or already its own height, when the host script sized it before the first layout was observed.)
      const heights = (await v.page.evaluate('window.frameHeights')) as number[];
      expect([440, heights.at(-1)]).toContain(heights[0]);
      expect(heights).not.toContain(0);
      expect(Math.abs((heights.at(-1) as number) - 440) / 440).toBeLessThan(0.15);

      await completeCheck(frame);
      await expect.poll(async () => (await hostEvents(v.page)).map((e) => e.type).at(-1)).toBe('backcheck:complete');
      const events = await hostEvents(v.page);
      expect(events.filter((e) => e.type === 'backcheck:start')).toHaveLength(1);
      expect(events.every((e) => e.source === 'check')).toBe(true);
      await expectNoAxeViolations(v.page, 'the branded iframe');
      expect(said(v, 'error')).toEqual([]);
      expect(said(v, 'warning')).toEqual([]);
      expect(await cspViolations(v)).toEqual([]);
    } finally {
      await v.page.close();
    }
  });

  it('in dark mode replaces a brand accent too faint for the dark background, with one console error', async () => {
    const url = site.clinicPage('dark.html', `<script src="${site.base}embed/backcheck-host.js" defer></script>`, `<iframe id="check" data-backcheck title="Check" src="${IFRAME_SRC('&theme=auto&accent-color=%230a6e4f')}"></iframe>`);
    const v = await visit(url, { colorScheme: 'dark' });
    try {
      const start = v.page.frameLocator('#check').getByRole('button', { name: 'Start', exact: true });
      await expect.poll(() => start.isVisible()).toBe(true);
      // The widget's own dark accent (#7cb6f5), not the clinic's green.
      expect(await start.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(124, 182, 245)');
      expect(said(v, 'error')).toEqual([
        expect.stringMatching(/^backcheck embed\.html: "accent-color" #0a6e4f has a contrast of 2\.95:1 with the background #111418 in the dark theme/),
      ]);
      await expectNoAxeViolations(v.page, 'the iframe in dark mode');
    } finally {
      await v.page.close();
    }
  });

  it('shows the standalone page from the release under its sub-path, and its /review', async () => {
    const v = await visit(site.base);
    try {
      await v.page.getByRole('button', { name: 'Start', exact: true }).waitFor();
      await v.page.goto(new URL('review', site.base).href);
      await v.page.getByRole('heading', { level: 1, name: /^Rules review/ }).waitFor();
      expect(said(v, 'error')).toEqual([]);
    } finally {
      await v.page.close();
    }
  });
});

describe('the mistakes, each answered on the console', () => {
  it('a wrong allowed-origin (localhost vs 127.0.0.1), a missing one, and embed.html without its files', async () => {
    const page127 = origin(site.clinic.url);
    const localhost = page127.replace('127.0.0.1', 'localhost');
    const lonely = new URL(`../lonely/${RELEASE_DIR}/embed.html`, site.base).href;
    const url = site.clinicPage('mistakes.html', `<script src="${site.base}embed/backcheck-host.js" defer></script>`,
      `<iframe id="wrong" data-backcheck title="Wrong origin" src="${site.base}embed.html?locale=en&allowed-origin=${encodeURIComponent(localhost)}"></iframe>
         <iframe id="missing" data-backcheck title="No origin" src="${site.base}embed.html?locale=en"></iframe>
         <iframe id="lonely" data-backcheck title="No files" src="${lonely}?locale=en&allowed-origin=${encodeURIComponent(page127)}"></iframe>`,
    );
    const v = await visit(url);
    try {
      // The frames that run know at once, and name both origins.
      const frameErrors = () => said(v, 'error').filter((e) => e.startsWith('backcheck embed.html'));
      await expect.poll(frameErrors).toHaveLength(2);
      expect(frameErrors()).toEqual(
        expect.arrayContaining([
          `backcheck embed.html: this check is shown on ${page127}, but "allowed-origin" lists ${localhost}, so no events or size changes are sent to it. ` +
            `Origins must match exactly (scheme, host and port: www. and localhost vs 127.0.0.1 count); add ${page127} to allowed-origin.`,
          expect.stringContaining(`no "allowed-origin" in the address, so no events or size changes are sent to ${page127}. Add &allowed-origin=${encodeURIComponent(page127)}`),
        ]),
      );
      // The host script, after a few seconds of silence, names the likely cause for each frame.
      const hostWarnings = () => said(v, 'warning').filter((w) => w.startsWith('backcheck-host.js'));
      await expect.poll(hostWarnings, { timeout: SILENCE_MS + 10_000 }).toHaveLength(3);
      const about = (id: string) => hostWarnings().find((w) => w.includes(`iframe #${id} `)) ?? '';
      expect(about('wrong')).toContain(`its allowed-origin lists ${localhost}, not this page's origin ${page127}`);
      expect(about('missing')).toContain(`its address has no allowed-origin. Add &allowed-origin=${encodeURIComponent(page127)} to its src.`);
      expect(about('lonely')).toContain(`embed.html did not start. Open ${lonely}?`);
      expect(about('lonely')).toContain('its files were not found (keep the release folder whole');
      // The frame's own 404s, which only its console showed before.
      expect(said(v, 'error').some((e) => /404/.test(e))).toBe(true);
      expect(await hostEvents(v.page)).toEqual([]);
      // Never resized: each still has the clinic's placeholder height.
      for (const id of ['wrong', 'missing', 'lonely']) expect(await v.page.locator(`#${id}`).evaluate((f) => f.clientHeight), id).toBe(440);
    } finally {
      await v.page.close();
    }
  });

  it('the host script and the element script twice, in either order: one warning each, every event once', async () => {
    const host = `<script src="${site.base}embed/backcheck-host.js" defer></script>`;
    const element = (query: string) => `<script type="module" src="${site.base}embed/backcheck.js${query}"></script>`;
    const url = site.clinicPage('twice.html', [element(''), host, element('?copy'), host].join('\n'),
      `<iframe id="frame" data-backcheck title="Check" src="${IFRAME_SRC('')}"></iframe>
         <backcheck-widget id="widget" locale="en"></backcheck-widget>`,
    );
    const v = await visit(url);
    try {
      await completeCheck(v.page.frameLocator('#frame'));
      await completeCheck(v.page.locator('#widget'));
      await expect.poll(async () => (await hostEvents(v.page)).filter((e) => e.type === 'backcheck:complete').length).toBe(2);
      const events = await hostEvents(v.page);
      for (const source of ['frame', 'widget']) {
        const mine = events.filter((e) => e.source === source).map((e) => e.type);
        expect(mine.filter((t) => t === 'backcheck:start'), source).toHaveLength(1);
        expect(mine.filter((t) => t === 'backcheck:complete'), source).toHaveLength(1);
      }
      const warnings = said(v, 'warning');
      expect(warnings.filter((w) => /^backcheck-host\.js .* is on this page more than once/.test(w))).toHaveLength(1);
      expect(warnings.filter((w) => /^backcheck\.js .*\?copy\) is on this page more than once: <backcheck-widget> was already defined/.test(w))).toHaveLength(1);
      expect(said(v, 'error')).toEqual([]);
    } finally {
      await v.page.close();
    }
  });

  it('the element from a host that sends no CORS headers: the browser names the script and the missing header', async () => {
    const url = site.clinicPage('no-cors.html', `<script type="module" src="${site.other.url}${RELEASE_DIR}/embed/backcheck.js"></script>`, '<backcheck-widget id="check"></backcheck-widget>');
    const v = await visit(url);
    try {
      expect(said(v, 'error')).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Access to script at '.*\/embed\/backcheck\.js' from origin '.*' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header/),
        ]),
      );
      expect(await v.page.evaluate("customElements.get('backcheck-widget') === undefined")).toBe(true);
    } finally {
      await v.page.close();
    }
  });

  it("the element's folder missing a file: the widget says it could not load, and what to keep together", async () => {
    const partial = new URL(`../partial/${RELEASE_DIR}/`, site.base).href;
    const url = site.clinicPage('partial.html', `<script type="module" src="${partial}embed/backcheck.js"></script>`, '<backcheck-widget id="check" locale="en"></backcheck-widget>');
    const v = await visit(url);
    try {
      await expect.poll(() => v.page.locator('#check').getByRole('alert').isVisible()).toBe(true);
      expect(said(v, 'error')).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^backcheck\.js [\d.]+: the check could not load its files \(.*LoadedCheck-.*\)\. Keep every file of the release's embed\/ folder together, beside backcheck\.js/),
        ]),
      );
    } finally {
      await v.page.close();
    }
  });

  it("the clinic page's own CSP without the CDN in frame-src: the browser refuses the frame, the host script names frame-src", async () => {
    const url = site.clinicPage(
      'no-frame-src.html',
      `<meta http-equiv="Content-Security-Policy" content="frame-src 'self'">\n<script src="${site.base}embed/backcheck-host.js" defer></script>`,
      `<iframe id="check" data-backcheck title="Check" src="${IFRAME_SRC('')}"></iframe>`,
    );
    const v = await visit(url);
    try {
      const host = () => said(v, 'warning').filter((w) => w.startsWith('backcheck-host.js'));
      await expect.poll(host, { timeout: SILENCE_MS + 10_000 }).toHaveLength(1);
      expect(host()[0]).toContain(`this page's own Content-Security-Policy does not let it in (its frame-src must list ${origin(site.cdn.url)})`);
      expect(said(v, 'error').some((e) => e.includes('frame-src'))).toBe(true);
    } finally {
      await v.page.close();
    }
  });

  it("the element's script not found (a 404): the clinic's own fallback content inside <backcheck-widget> shows", async () => {
    const fallback = '<p id="fallback">The self-check could not load. Call us on <a href="tel:+442079460000">020 7946 0000</a>.</p>';
    const broken = site.clinicPage('missing-script.html', `<script type="module" src="${site.base}embed/backcheck-missing.js"></script>`, `<backcheck-widget id="check">${fallback}</backcheck-widget>`);
    const v = await visit(broken);
    try {
      expect(said(v, 'error').some((e) => /404/.test(e))).toBe(true);
      // Hidden while a script might still arrive, then shown (the stylesheet's 4 s).
      await expect.poll(() => v.page.locator('#fallback').isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await v.page.getByRole('link', { name: '020 7946 0000' }).getAttribute('href')).toBe('tel:+442079460000');
    } finally {
      await v.page.close();
    }
    // With its script, the element shows the check and never the fallback.
    const working = site.clinicPage('fallback-unused.html', `<script type="module" src="${site.base}embed/backcheck.js"></script>`, `<backcheck-widget id="check" locale="en">${fallback}</backcheck-widget>`);
    const w = await visit(working);
    try {
      await w.page.locator('#check').getByRole('button', { name: 'Start', exact: true }).waitFor();
      await w.page.waitForTimeout(4500);
      expect(await w.page.locator('#fallback').isVisible()).toBe(false);
    } finally {
      await w.page.close();
    }
  });

  it("a site not in the CDN's frame-ancestors: the browser refuses the frame and the host script says why it is silent", async () => {
    const elsewhere = origin(site.other.url);
    const url = site.otherPage('framed.html', `<script src="${site.base}embed/backcheck-host.js" defer></script>`,
      `<iframe id="check" data-backcheck title="Check" src="${site.base}embed.html?locale=en&allowed-origin=${encodeURIComponent(elsewhere)}"></iframe>`,
    );
    const v = await visit(url);
    try {
      const refusal = `Framing '${origin(site.cdn.url)}/' violates the following Content Security Policy directive: "frame-ancestors ${origin(site.clinic.url)}"`;
      await expect.poll(() => said(v, 'error').some((e) => e.startsWith(refusal))).toBe(true);
      const host = () => said(v, 'warning').filter((w) => w.startsWith('backcheck-host.js'));
      await expect.poll(host, { timeout: SILENCE_MS + 10_000 }).toHaveLength(1);
      expect(host()[0]).toContain(`its server does not let this page frame it (its frame-ancestors must list ${elsewhere})`);
    } finally {
      await v.page.close();
    }
  });
});
