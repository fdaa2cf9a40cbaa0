// `analyseImpact` on two threads, for Node callers (rules:diff, the bench): the generated population is nearly all of
// the analysis (three quarters of it walking 100,000 people through both versions), and each person is drawn from
// their own seeded stream, so its two halves can be tallied apart and merged in order (impact.ts `mergeTallies`),
// giving the report one thread gives, to the last count and example. A worker thread tallies the first half while
// this thread tallies the second; the search for rare urgency changes and the examples follow here. The review
// page's worker and the tests call `analyseImpact` itself: this module uses node:worker_threads.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Rules } from '../rules/schema.ts';
import { analyseImpact, DEFAULT_SEED, DEFAULT_SETS, impactReport, mergeTallies, tallyPopulation, type ImpactOptions, type ImpactReport, type PopulationTally, type TallyRange } from './impact.ts';

/** Below this many answer sets, starting a thread costs more than it saves. */
const MIN_SETS = 10_000;

/** What the worker is given: both versions and its range (structured-cloned: plain data only). */
interface TallyJob extends Omit<TallyRange, 'onProgress'> {
  backcheckImpactTally: true;
  before: Rules;
  after: Rules;
}

function isTallyJob(data: unknown): data is TallyJob {
  return typeof data === 'object' && data !== null && 'backcheckImpactTally' in data;
}

// In the worker: tally the range given and send it back. (A bundled caller loads its whole bundle here, which must
// then do nothing else on a worker thread: see bench/impact-entry.ts.)
const job: unknown = isMainThread ? null : workerData;
if (isTallyJob(job)) parentPort?.postMessage(tallyPopulation(job.before, job.after, job));

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
  const half = Math.floor(sets / 2);
  const first: TallyJob = { backcheckImpactTally: true, before, after, seed, from: 0, to: half, sets, ...(options.map ? { map: options.map } : {}) };
  const worker = startWorker(first);
  const theirs = new Promise<PopulationTally>((resolve, reject) => {
    worker.once('message', (tally: PopulationTally) => resolve(tally));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the impact worker stopped (exit code ${code}) before sending its tally`)));
  });
  // Progress is this thread's half, counted as the whole: both halves go at about the same pace.
  const onProgress = options.onProgress;
  const mine = tallyPopulation(before, after, {
    seed,
    from: half,
    to: sets,
    sets,
    ...(options.map ? { map: options.map } : {}),
    ...(onProgress ? { onProgress: (done: number) => onProgress(Math.min(sets, 2 * (done - half)), sets) } : {}),
  });
  try {
    const tally = mergeTallies([await theirs, mine]);
    options.onProgress?.(sets, sets);
    return impactReport(before, after, options, tally, started);
  } finally {
    await worker.terminate();
  }
}
