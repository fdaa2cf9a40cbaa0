// The page's side of the analysis: requests go to a Web Worker (a separate script from this site, allowed by the
// pages' CSP as script-src 'self'; nothing is fetched from elsewhere and no file leaves the device). Without Worker
// support (jsdom in unit tests) the same functions run in the page after a pause, so the page can paint first.
import type { FileCheck } from '../lint/check-report.ts';
import type { Rules } from '../rules/schema.ts';
import type { Comparison } from './analysis.ts';
import type { AnalysisReply, AnalysisRequest } from './analysis-messages.ts';

export interface Analysis {
  check(text: string, name: string): Promise<FileCheck>;
  compare(before: Rules, after: Rules, onProgress?: (done: number, total: number) => void): Promise<Comparison>;
}

export interface AnalysisOptions {
  /** Answer sets for the impact analysis (default: the analysis's own, 100,000). */
  sets?: number;
  /** Run in the page even where workers exist. */
  inPage?: boolean;
}

type Pending = { resolve: (reply: AnalysisReply) => void; onProgress?: (done: number, total: number) => void };

export function createAnalysis(options: AnalysisOptions = {}): Analysis {
  const run = typeof Worker !== 'undefined' && !options.inPage ? workerRunner() : inPageRunner();
  return {
    async check(text, name) {
      const reply = await run({ type: 'check', id: 0, text, name });
      if (reply.type === 'checked') return reply.check;
      throw new Error(reply.type === 'failed' ? reply.message : 'unexpected reply');
    },
    async compare(before, after, onProgress) {
      const reply = await run({ type: 'compare', id: 0, before, after, sets: options.sets }, onProgress);
      if (reply.type === 'compared') return reply.comparison;
      throw new Error(reply.type === 'failed' ? reply.message : 'unexpected reply');
    },
  };
}

type Runner = (request: AnalysisRequest, onProgress?: (done: number, total: number) => void) => Promise<AnalysisReply>;

function workerRunner(): Runner {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, Pending>();
  const start = () => {
    // Vite bundles the worker as its own file, found from this module's URL.
    const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<AnalysisReply>) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      if (reply.type === 'progress') {
        waiting.onProgress?.(reply.done, reply.total);
        return;
      }
      pending.delete(reply.id);
      waiting.resolve(reply);
    };
    w.onerror = (event) => {
      for (const [id, waiting] of pending) waiting.resolve({ type: 'failed', id, message: event.message || 'the analysis stopped' });
      pending.clear();
      worker = null;
    };
    return w;
  };
  return (request, onProgress) =>
    new Promise((resolve) => {
      worker ??= start();
      const id = next++;
      pending.set(id, { resolve, onProgress });
      worker.postMessage({ ...request, id });
    });
}

function inPageRunner(): Runner {
  return async (request, onProgress) => {
    // A macrotask first, so the page shows "Checking..." before the work blocks it.
    await new Promise((done) => setTimeout(done, 0));
    const { checkFile, compareRules } = await import('./analysis.ts');
    try {
      if (request.type === 'check') return { type: 'checked', id: request.id, check: checkFile(request.text, request.name) };
      return { type: 'compared', id: request.id, comparison: compareRules(request.before, request.after, { sets: request.sets, onProgress }) };
    } catch (error) {
      return { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
  };
}
