// /review in Chromium: how long from pressing "Check the pasted text" on a rules file with 10 errors to the 10
// problems on screen (the check runs in the page's Web Worker, started cold on each fresh page). Times are taken in
// the page (the click's own timestamp to the frame that shows the list), median of several fresh pages.
import { checkRulesText } from '../src/lint/check-file.ts';
import { launchChromium } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/browser/serve.ts';
import { median } from './stats.ts';

export interface ReviewFigures {
  errors: number;
  /** Click -> the problem list painted, per run, and their median. */
  samples: number[];
  medianMs: number;
}

/** Today's rules with an unknown field added to each of the first ten questions: ten problems, one per line. */
export function withTenErrors(text: string): string {
  let count = 0;
  return text.replace(/^(  - id: \w+\n    section: )/gm, (match) => (++count <= 10 ? `${match.replace('    section: ', '    colour: red\n    section: ')}` : match));
}

/**
 * Installed before the page's scripts: remembers the first click's timestamp, and resolves `shown` with the time
 * of the frame that first shows ten problems (a message posted from requestAnimationFrame runs right after it).
 */
function watchProblems(): void {
  const bench: { clicked?: number; shown?: Promise<number> } = {};
  (window as unknown as { __reviewBench: typeof bench }).__reviewBench = bench;
  addEventListener('click', (e) => (bench.clicked ??= e.timeStamp), { capture: true });
  bench.shown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('[data-report-line]').length < 10) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

// tsx compiles this file with esbuild's keepNames, whose `__name(...)` helper does not exist in the page.
const WATCH_SCRIPT = `var __name = (fn) => fn; (${watchProblems.toString()})();`;

export async function benchReviewProblems(outDir: string, rulesText: string, runs = 5): Promise<ReviewFigures> {
  const text = withTenErrors(rulesText);
  const expected = checkRulesText(text, 'pasted.yaml').problems.length;
  if (expected !== 10) throw new Error(`the bench's broken file has ${expected} problems, not 10`);
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript({ content: WATCH_SCRIPT });
      await page.goto(`${server.url}review`, { waitUntil: 'networkidle' });
      const slot = page.getByRole('region', { name: 'Version to review' });
      await slot.getByText('Or paste the file’s text').click();
      // Pasted as a clipboard paste lands: the whole text in one input event. Playwright's fill types it through
      // Chromium's text input path, which took 29 s for the 2.4.0 rules (about 200 kB) and timed out the bench.
      await slot.getByLabel('Rules file text (YAML)').evaluate((el, value) => {
        const area = el as HTMLTextAreaElement;
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, value);
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }, text);
      // Only the click on the button counts.
      await page.evaluate('window.__reviewBench.clicked = undefined');
      await slot.getByRole('button', { name: 'Check the pasted text' }).click();
      samples.push(Number(await page.evaluate('window.__reviewBench.shown.then((t) => t - window.__reviewBench.clicked)')));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { errors: 10, samples, medianMs: median(samples) };
}
