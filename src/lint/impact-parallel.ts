// `analyseImpact` on two threads, for Node callers (rules:diff, the bench): the generated population is nearly all of
// the analysis (three quarters of it walking 100,000 people through both versions), and each person is drawn from
// their own seeded stream, so ranges of them can be tallied apart and merged in order (impact.ts `mergeTallies`),
// giving the report one thread gives, to the last count and example. A worker thread and this one each take the
// next range not yet taken until none is left; the search for rare urgency changes and the examples follow here.
// The review page's worker and the tests call `analyseImpact` itself: this module uses node:worker_threads.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Rules } from '../rules/schema.ts';
import { analyseImpact, DEFAULT_SEED, DEFAULT_SETS, impactReport, mergeTallies, populationTallier, type ImpactOptions, type ImpactReport, type PopulationTally, type TallyRange } from './impact.ts';

/** Below this many answer sets, starting a thread costs more than it saves. */
const MIN_SETS = 10_000;

/**
 * Answer sets a thread takes at a time. The threads take the next range as each finishes one, instead of half each:
 * the worker starts later (it loads and compiles everything again) and a shared machine slows either thread, and
 * with fixed halves this thread waited up to a tenth of the analysis for the other. A range of rules ten times
 * larger takes about a third of a second, so the two finish within that of each other; merging is next to nothing.
 */
const CHUNK = 1000;

/** What the worker is given: both versions, and the shared counters both threads take ranges by (see `takeRanges`). */
interface TallyJob extends Omit<TallyRange, 'onProgress' | 'from' | 'to'> {
  backcheckImpactTally: true;
  before: Rules;
  after: Rules;
  /** Shared between the threads: [ranges taken, answer sets tallied]. */
  counters: Int32Array;
}

/** A tally of answer sets `from` onwards (one range of CHUNK). */
interface RangeTally {
  from: number;
  tally: PopulationTally;
}

function isTallyJob(data: unknown): data is TallyJob {
  return typeof data === 'object' && data !== null && 'backcheckImpactTally' in data;
}

/**
 * Tallies ranges of CHUNK answer sets, the next one not yet taken by either thread each time, until none is left.
 * Each range is tallied on its own, so the report is the one tally of the whole (merged in order) whichever thread
 * took which.
 */
function takeRanges(job: Omit<TallyJob, 'backcheckImpactTally'>, onRange?: (tallied: number) => void): RangeTally[] {
  const tallier = populationTallier(job.before, job.after, { seed: job.seed, sets: job.sets, ...(job.map ? { map: job.map } : {}) });
  const done: RangeTally[] = [];
  for (;;) {
    const from = Atomics.add(job.counters, 0, 1) * CHUNK;
    if (from >= job.sets) return done;
    const to = Math.min(job.sets, from + CHUNK);
    done.push({ from, tally: tallier(from, to) });
    const tallied = Atomics.add(job.counters, 1, to - from) + (to - from);
    onRange?.(tallied);
  }
}

// In the worker: tally ranges until none is left and send them back. (A bundled caller loads its whole bundle here,
// which must then do nothing else on a worker thread: see bench/impact-entry.ts.)
const job: unknown = isMainThread ? null : workerData;
if (isTallyJob(job)) parentPort?.postMessage(takeRanges(job));

/**
 * A worker thread running this module. Built (the bench) it is plain JavaScript; run from source (rules:diff under
 * tsx) it is TypeScript, and tsx's loader does not reach worker threads on Node 20: the worker registers it first.
 */
function startWorker(data: TallyJob): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: data });
  const start = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(self)}); });`;
  return new Worker(start, { eval: true, workerData: data });
}

/** The same report as `analyseImpact(before, after, options)`, with the population tallied on two threads. */
export async function analyseImpactParallel(before: Rules, after: Rules, options: ImpactOptions = {}): Promise<ImpactReport> {
  const started = performance.now();
  const sets = Math.max(0, Math.floor(options.sets ?? DEFAULT_SETS));
  const seed = options.seed ?? DEFAULT_SEED;
  if (sets < MIN_SETS) return analyseImpact(before, after, options);
  const counters = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const shared = { before, after, seed, sets, counters, ...(options.map ? { map: options.map } : {}) };
  const worker = startWorker({ backcheckImpactTally: true, ...shared });
  const theirs = new Promise<RangeTally[]>((resolve, reject) => {
    worker.once('message', (ranges: RangeTally[]) => resolve(ranges));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the impact worker stopped (exit code ${code}) before sending its tally`)));
  });
  // Progress counts both threads' answer sets, as this thread finishes each of its ranges.
  const onProgress = options.onProgress;
  const mine = takeRanges(shared, onProgress ? (tallied) => onProgress(Math.min(sets, tallied), sets) : undefined);
  try {
    const ranges = [...(await theirs), ...mine].sort((a, b) => a.from - b.from);
    const tally = mergeTallies(ranges.map((r) => r.tally));
    options.onProgress?.(sets, sets);
    return impactReport(before, after, options, tally, started);
  } finally {
    await worker.terminate();
  }
}
