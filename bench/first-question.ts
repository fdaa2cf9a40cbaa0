// First question and result page in real Chromium, throttled like a mid-range phone on a slow mobile network, side by
// side with SurveyJS showing the same questions (bench/surveyjs/): cold loads alternate between the two in one run,
// so a busy moment of a shared machine slows both, and their ratio is the figure to trust.
// Times are taken inside the page (performance.now(), whose zero is the navigation start) so the harness's own
// round trips never count: "first question" = navigation -> Start painted, plus click on Start -> question painted.
import type { Browser, Page } from 'playwright-core';
import type { Rules } from '../src/rules/schema.ts';
import { launchChromium } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/browser/serve.ts';
import { respond } from '../tests/browser/step-driver.ts';
import { calmPath, type PathStep } from './answer-sets.ts';
import { median } from './stats.ts';

/** Chrome DevTools' "Slow 4G"-like profile from the issue; bytes per second for CDP. */
export const NETWORK = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750 } as const;
export const CPU_SLOWDOWN = 4;
export const COLD_LOADS = 7;

export interface LoadTimes {
  /** Navigation start -> the Start button painted (it works as soon as it is in the DOM: no server rendering). */
  startReadyMs: number;
  /** Click on Start -> the first question's radio group painted. */
  startToQuestionMs: number;
  /** startReadyMs + startToQuestionMs: the first question visible and interactive, without the person's pause. */
  firstQuestionMs: number;
  /** Click on "See my result" -> the result heading painted (interaction to next paint). */
  resultMs: number;
  /** Bytes over the network for the first load, to the Start button (compressed as served). */
  transferBytes: number;
  /** Bytes over the network from opening the page to the first question on screen. */
  questionBytes: number;
  /** Navigation start -> the last script or stylesheet of the first load fully downloaded: the network's part. */
  assetsLoadedMs: number;
}

export interface BrowserFigures {
  loads: LoadTimes[];
  median: LoadTimes;
  stepsAnswered: number;
  profile: string;
}

/** The first question only (the other form engine is not walked to a result). */
export type FirstQuestionTimes = Omit<LoadTimes, 'resultMs'>;

export interface SideBySide {
  profile: string;
  /** SurveyJS's median first question over ours: how many times faster the check shows its first question. */
  ratioVsSurveyJS: number;
  backcheck: { medianMs: number; questionBytes: number };
  surveyjs: { medianMs: number; questionBytes: number; loads: FirstQuestionTimes[]; median: FirstQuestionTimes };
}

interface BenchWindow {
  __bench: { marks: Record<string, number>; armHeading: () => void };
}

/**
 * Installed before any page script: watches the DOM and records when the Start button, a question's radio group
 * and a new h1 first appear, and when the frame showing them has been painted (a message posted from
 * requestAnimationFrame runs right after that frame).
 */
function instrumentPage(): void {
  const marks: Record<string, number> = {};
  let armedHeading: string | null = null;
  const visible = (el: Element) => el.getClientRects().length > 0 && el.checkVisibility();
  const painted = (name: string) => {
    if (marks[`seen:${name}`] !== undefined) return;
    marks[`seen:${name}`] = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks[`painted:${name}`] = performance.now();
      };
      channel.port2.postMessage(null);
    });
  };
  const check = () => {
    for (const b of document.querySelectorAll('button, [role="button"], input[type="button"]')) {
      const label = b instanceof HTMLInputElement ? b.value : b.textContent?.trim();
      if (label === 'Start' && visible(b) && !(b as HTMLButtonElement).disabled) painted('start');
    }
    for (const f of document.querySelectorAll('fieldset, [role="radiogroup"]')) {
      if (f.querySelector('input[type="radio"], [role="radio"]') && visible(f)) painted('question');
    }
    if (armedHeading !== null) {
      const h1 = document.querySelector('h1');
      if (h1 && visible(h1) && h1.textContent !== armedHeading) {
        armedHeading = null;
        painted('heading');
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  // The click's own timestamp (same clock as performance.now()): when the person's tap reached the page.
  addEventListener('click', (e) => (marks.click = e.timeStamp), true);
  (window as unknown as BenchWindow).__bench = {
    marks,
    armHeading: () => {
      armedHeading = document.querySelector('h1')?.textContent ?? '';
      delete marks['seen:heading'];
      delete marks['painted:heading'];
    },
  };
}

// tsx compiles this file with esbuild's keepNames, which wraps functions in a `__name(...)` helper that does not
// exist in the page; a no-op stand-in lets the function's source run there unchanged.
const INSTRUMENT_SCRIPT = `var __name = (fn) => fn; (${instrumentPage.toString()})();`;

async function mark(page: Page, name: string): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => (window as unknown as BenchWindow).__bench?.marks[n],
    name,
    { timeout: 60_000, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

/** One cold load: to the first question, then (with a path) through the check to the result. */
export async function coldLoad(browser: Browser, url: string, path: PathStep[]): Promise<LoadTimes>;
export async function coldLoad(browser: Browser, url: string, path: null): Promise<FirstQuestionTimes>;
export async function coldLoad(browser: Browser, url: string, path: PathStep[] | null): Promise<LoadTimes | FirstQuestionTimes> {
  // A fresh context is a cold profile: empty HTTP cache, storage and compiled-code cache.
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: NETWORK.latencyMs,
      downloadThroughput: (NETWORK.downloadKbps * 1000) / 8,
      uploadThroughput: (NETWORK.uploadKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let transferBytes = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (transferBytes += e.encodedDataLength));
    await page.addInitScript({ content: INSTRUMENT_SCRIPT });
    await page.goto(url, { waitUntil: 'commit' });

    const startReadyMs = await mark(page, 'painted:start');
    const firstLoadBytes = transferBytes;
    const assetsLoadedMs = await page.evaluate(() =>
      Math.max(
        0,
        ...performance
          .getEntriesByType('resource')
          .filter((e) => /\.(m?js|css)$/.test(new URL(e.name).pathname))
          .map((e) => (e as PerformanceResourceTiming).responseEnd),
      ),
    );
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const questionPainted = await mark(page, 'painted:question');
    const startClick = await mark(page, 'click');
    const first: FirstQuestionTimes = {
      startReadyMs,
      startToQuestionMs: questionPainted - startClick,
      firstQuestionMs: startReadyMs + (questionPainted - startClick),
      transferBytes: firstLoadBytes,
      questionBytes: transferBytes,
      assetsLoadedMs,
    };
    if (!path) return first;

    for (const { step, response } of path) await respond(page, step, response);
    const seeResult = page.getByRole('button', { name: 'See my result', exact: true });
    await seeResult.waitFor();
    await page.evaluate(() => (window as unknown as BenchWindow).__bench.armHeading());
    await seeResult.click();
    const headingPainted = await mark(page, 'painted:heading');
    const resultClick = await mark(page, 'click');
    return { ...first, resultMs: headingPainted - resultClick };
  } finally {
    await context.close();
  }
}

/** The median of each figure over the runs. */
function medians<T extends object>(runs: T[]): T {
  const keys = Object.keys(runs[0] ?? {}) as (keyof T & string)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => Number(r[k])))])) as T;
}

const PROFILE = `CPU x${CPU_SLOWDOWN}, ${NETWORK.latencyMs} ms RTT, ${NETWORK.downloadKbps / 1000} Mbit/s down, ${NETWORK.uploadKbps} kbit/s up, gzip -9, 360 px, cold cache`;

/**
 * `loads` cold loads of the check (walked to its result) alternating with as many of the SurveyJS page, each from
 * its own static server sending every file gzip -9, as a host with precompressed files does.
 */
export async function benchBrowser(outDir: string, surveyDir: string, rules: Rules, loads = COLD_LOADS): Promise<{ browser: BrowserFigures; firstQuestion: SideBySide }> {
  const path = calmPath(rules);
  const { ours, theirs } = await alternate(outDir, surveyDir, loads, (browser, url) => coldLoad(browser, url, path));
  const backcheck = medians(ours);
  return {
    browser: { loads: ours, median: backcheck, stepsAnswered: path.length, profile: PROFILE },
    firstQuestion: sideBySide(backcheck, theirs),
  };
}

/**
 * The first question alone, side by side, without walking the check to its result: `npm run bench:first-question`,
 * for trying a change to how the check loads in a few minutes rather than the whole bench's six.
 */
export async function benchFirstQuestion(outDir: string, surveyDir: string, loads = COLD_LOADS): Promise<SideBySide & { loads: FirstQuestionTimes[] }> {
  const { ours, theirs } = await alternate(outDir, surveyDir, loads, (browser, url) => coldLoad(browser, url, null));
  return { ...sideBySide(medians(ours), theirs), loads: ours };
}

function sideBySide(backcheck: FirstQuestionTimes, survey: FirstQuestionTimes[]): SideBySide {
  const surveyjs = medians(survey);
  return {
    profile: PROFILE,
    ratioVsSurveyJS: surveyjs.firstQuestionMs / backcheck.firstQuestionMs,
    backcheck: { medianMs: backcheck.firstQuestionMs, questionBytes: backcheck.questionBytes },
    surveyjs: { medianMs: surveyjs.firstQuestionMs, questionBytes: surveyjs.questionBytes, loads: survey, median: surveyjs },
  };
}

/** Cold loads of ours (with `load`) and of the SurveyJS page (to its first question), alternating. */
async function alternate<T>(outDir: string, surveyDir: string, loads: number, load: (browser: Browser, url: string) => Promise<T>): Promise<{ ours: T[]; theirs: FirstQuestionTimes[] }> {
  const ourServer = await serveStatic(outDir, { compress: 'gzip' });
  const theirServer = await serveStatic(surveyDir, { compress: 'gzip' });
  const browser = await launchChromium();
  try {
    const ours: T[] = [];
    const theirs: FirstQuestionTimes[] = [];
    for (let i = 0; i < loads; i++) {
      // Alternating, and each first in turn, so neither always meets a warmer machine.
      if (i % 2 === 0) {
        ours.push(await load(browser, ourServer.url));
        theirs.push(await coldLoad(browser, theirServer.url, null));
      } else {
        theirs.push(await coldLoad(browser, theirServer.url, null));
        ours.push(await load(browser, ourServer.url));
      }
    }
    return { ours, theirs };
  } finally {
    await browser.close();
    await Promise.all([ourServer.close(), theirServer.close()]);
  }
}
