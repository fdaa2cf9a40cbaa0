// Debian's Chromium driven by playwright-core: Playwright's own browser download is not reachable here, so every
// browser test and the bench launch the system browser through this one file.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a quiet, reproducible browser: no GPU (none in CI), no QUIC, and none of Chromium's own background
 * traffic (updates, sync, field trials) that would show up as requests the app never made.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium executable: `CHROMIUM_PATH` if set, else Debian's. Throws with the fix when it is missing. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's browser with \`apt-get install chromium\`, ` +
        'or set CHROMIUM_PATH to a Chromium/Chrome executable.',
    );
  }
  return path;
}

/**
 * A headless Chromium. Playwright refuses a `--user-data-dir` argument in `launch()`; it already starts the browser
 * with a fresh temporary profile of its own and deletes it on close, and each `browser.newContext()` is a cold,
 * incognito-like profile (empty cache and storage), which is what tests and cold-load measurements want.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}

/**
 * A Chromium with an on-disk profile in a fresh temporary folder, for the rare test that needs a real profile
 * (e.g. storage kept across a browser restart). `close()` closes the browser and removes the folder.
 */
export async function launchChromiumWithProfile(): Promise<{ context: BrowserContext; profileDir: string; close: () => Promise<void> }> {
  const profileDir = mkdtempSync(join(tmpdir(), 'backcheck-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  });
  return {
    context,
    profileDir,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
}

export interface RequestLog {
  /** Every request made, in order. */
  readonly all: RecordedRequest[];
  /** Requests that left `origin` (the privacy promise: answers never leave the page's own server). */
  readonly foreign: RecordedRequest[];
  /** Throws, listing them, if any request went to another origin. */
  assertNoForeignRequests(): void;
  /** Stop recording. */
  stop(): void;
}

/**
 * Record every request a page (or every page of a context) makes. Requests to another origin than `origin` are
 * collected in `foreign`; with `block: true` they are also aborted, so a test fails closed instead of leaking data.
 * `data:` and `blob:` URLs stay in the page and are never foreign.
 */
export async function recordRequests(
  target: Page | BrowserContext,
  origin: string,
  options: { block?: boolean } = {},
): Promise<RequestLog> {
  const allowed = new URL(origin).origin;
  const isForeign = (url: string) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
    return parsed.origin !== allowed;
  };
  const all: RecordedRequest[] = [];
  const foreign: RecordedRequest[] = [];
  const onRequest = (request: Request) => {
    const entry = { url: request.url(), method: request.method(), resourceType: request.resourceType() };
    all.push(entry);
    if (isForeign(entry.url)) foreign.push(entry);
  };
  target.on('request', onRequest);
  // Routing turns off Chromium's HTTP cache for the target, so only block when asked.
  const blocker = options.block
    ? (url: URL) => isForeign(url.href)
    : undefined;
  if (blocker) await target.route(blocker, (route) => route.abort('blockedbyclient'));
  return {
    all,
    foreign,
    assertNoForeignRequests() {
      if (foreign.length > 0) {
        throw new Error(
          `The page made ${foreign.length} request(s) to another origin than ${allowed}:\n` +
            foreign.map((r) => `  ${r.method} ${r.url} (${r.resourceType})`).join('\n'),
        );
      }
    },
    stop() {
      target.off('request', onRequest);
      if (blocker) void target.unroute(blocker).catch(() => undefined);
    },
  };
}
