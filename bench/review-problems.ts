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
      await page.goto(`${server.url}review`, { waitUntil: 'networkidle' });
      const slot = page.getByRole('region', { name: 'Version to review' });
      await slot.getByText('Or paste the file’s text').click();
      await slot.getByLabel('Rules file text (YAML)').fill(text);
      await page.evaluate(() => {
        const w = window as unknown as { __clicked?: number; __shown?: Promise<number> };
        addEventListener('click', (e) => (w.__clicked ??= e.timeStamp), { capture: true, once: true });
        w.__shown = new Promise((resolve) => {
          const check = () => {
            if (document.querySelectorAll('[data-report-line]').length >= 10) {
              observer.disconnect();
              // The frame that shows them: a message posted from requestAnimationFrame runs right after it.
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now());
                channel.port2.postMessage(null);
              });
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { childList: true, subtree: true });
        });
      });
      await slot.getByRole('button', { name: 'Check the pasted text' }).click();
      samples.push(
        await page.evaluate(async () => {
          const w = window as unknown as { __clicked?: number; __shown?: Promise<number> };
          const shown = await (w.__shown as Promise<number>);
          return shown - (w.__clicked ?? shown);
        }),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { errors: 10, samples, medianMs: median(samples) };
}
