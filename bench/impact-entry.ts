// Child-process entry for the impact figures (built and run like engine-entry.ts): `rules:diff --impact` on
// 100,000 answer sets, today's rules against a deliberately changed copy, and the same at ten times the size, as
// rules:diff runs it (the population on two threads, impact-parallel.ts). Built into one file, this file is also
// what the worker thread loads: there it only tallies its half (impact-parallel.ts does), so nothing below runs.
import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { exampleChange, scaleRules } from '../src/lint/generate.ts';
import { analyseImpactParallel } from '../src/lint/impact-parallel.ts';
import { loadRulesOrThrow } from '../src/rules/load.ts';
import type { Rules } from '../src/rules/schema.ts';
import { median } from './stats.ts';

export interface ImpactFigures {
  sets: number;
  /** Median ms of the whole analysis (population, search, examples), per scale factor. */
  ms: Record<string, number>;
  samples: Record<string, number[]>;
  questions: Record<string, number>;
  /** What the analysis found, so a figure is never for an analysis that did nothing. */
  lowered: Record<string, number>;
  kinds: Record<string, number>;
}

if (isMainThread) {
  const [file, setsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: impact-entry <rules.yaml> [sets]');
  const sets = Number(setsArg ?? 100_000);
  const rules = loadRulesOrThrow(readFileSync(file, 'utf8'), file);
  const figures: ImpactFigures = { sets, ms: {}, samples: {}, questions: {}, lowered: {}, kinds: {} };
  for (const [factor, runs] of [[1, 3], [10, 1]] as const) {
    const before: Rules = scaleRules(rules, factor);
    const after: Rules = scaleRules(exampleChange(rules), factor);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const report = await analyseImpactParallel(before, after, { sets });
      samples.push(performance.now() - start);
      figures.lowered[factor] = report.urgency.lowered;
      figures.kinds[factor] = report.changes.length;
    }
    figures.ms[factor] = median(samples);
    figures.samples[factor] = samples;
    figures.questions[factor] = before.questions.length;
  }
  process.stdout.write(JSON.stringify(figures));
}
