// rules:check speed: today's rules and generated files 2, 5 and 10 times larger, in-process (parse + validate +
// lint, what grows with the file) and as the command a clinician runs (which adds Node's start-up and loading the
// code): the command `npm run rules:check` runs, read from package.json, without npm's own start-up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { loadRules } from '../src/rules/load.ts';
import type { Rules } from '../src/rules/schema.ts';
import { median, medianTime } from './stats.ts';

export const SCALES = [1, 2, 5, 10] as const;

type LintRules = (rules: Rules) => unknown;
type ScaleRules = (rules: Rules, factor: number) => unknown;

export type LinterFigures =
  | { status: 'pending'; reason: string }
  | {
      status: 'measured';
      /** Median ms of load + lint, per scale factor. */
      inProcessMs: Record<string, number>;
      /** Its two parts: YAML parse + schema validation, and the linter's own checks. */
      loadMs: Record<string, number>;
      lintMs: Record<string, number>;
      /**
       * Median wall time of package.json's rules:check command on today's rules and on the 10x file, after one run
       * that builds its bundle (as after any code change; a clinician editing rules reuses it).
       */
      cliMs: { today: number; tenTimes: number; startupOnly: number } | null;
      cliExitCodes: number[];
      /** Log-log slope of in-process time against size: 1 is linear, 2 quadratic. */
      growthExponent: number;
      /** The same slope for the linter's checks alone. */
      lintGrowthExponent: number;
      rulesCounts: Record<string, number>;
      fileBytes: Record<string, number>;
    };

/** package.json's `rules:check` as arguments to Node (`node a b` gives [a, b]), or null when it has none yet. */
function rulesCheckCommand(root: string): string[] | null {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const words = pkg.scripts?.['rules:check']?.split(/\s+/) ?? [];
  return words[0] === 'node' ? words.slice(1) : null;
}

/** The first of `files` (relative to root) that exists and exports a function called `name`. */
async function findExport<T>(root: string, files: string[], name: string): Promise<T | null> {
  for (const file of files) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    if (typeof module[name] === 'function') return module[name] as T;
  }
  return null;
}

const countRules = (r: Rules) =>
  r.redFlags.length + r.consultSigns.length + r.scopeExits.length + r.causes.reduce((n, c) => n + c.evidence.length, 0);

export async function benchLinter(root: string, rulesFile: string, rules: Rules): Promise<LinterFigures> {
  const lintRules = await findExport<LintRules>(root, ['src/lint/index.ts', 'src/lint/lint.ts', 'src/lint/lint-rules.ts'], 'lintRules');
  const scaleRules = await findExport<ScaleRules>(root, ['src/lint/generate.ts'], 'scaleRules');
  if (!lintRules || !scaleRules) {
    return {
      status: 'pending',
      reason: `waiting for ${[!lintRules && 'lintRules in src/lint/', !scaleRules && 'scaleRules in src/lint/generate.ts'].filter(Boolean).join(' and ')}`,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'backcheck-bench-rules-'));
  try {
    const inProcessMs: Record<string, number> = {};
    const loadMs: Record<string, number> = {};
    const lintMs: Record<string, number> = {};
    const rulesCounts: Record<string, number> = {};
    const fileBytes: Record<string, number> = {};
    const files: Record<string, string> = {};
    for (const factor of SCALES) {
      const text = factor === 1 ? readFileSync(rulesFile, 'utf8') : yamlOf(scaleRules(rules, factor));
      const file = join(dir, `rules-x${factor}.yaml`);
      writeFileSync(file, text);
      files[factor] = file;
      fileBytes[factor] = Buffer.byteLength(text);
      const loaded = loadRules(text, file);
      if (!loaded.ok) throw new Error(`scaleRules(rules, ${factor}) made an invalid file: ${loaded.problems[0]?.message}`);
      rulesCounts[factor] = countRules(loaded.rules);
      const runs = factor >= 5 ? 3 : 5;
      loadMs[factor] = (await medianTime(runs, () => loadRules(text, file))).median;
      lintMs[factor] = (await medianTime(runs, () => lintRules(loaded.rules))).median;
      inProcessMs[factor] = (loadMs[factor] as number) + (lintMs[factor] as number);
    }
    const command = rulesCheckCommand(root);
    let cliMs: { today: number; tenTimes: number; startupOnly: number } | null = null;
    const cliExitCodes: number[] = [];
    if (command) {
      const run = (cliArgs: string[], runs = 3) => {
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          const result = spawnSync(process.execPath, cliArgs, { cwd: root, stdio: 'ignore' });
          times.push(performance.now() - start);
          cliExitCodes.push(result.status ?? -1);
        }
        return median(times);
      };
      // Node starting an empty script: the part of the command's time that no rules change can remove.
      const startupOnly = run(['--eval', '']);
      cliExitCodes.length = 0;
      run([...command, rulesFile], 1);
      cliMs = { today: run([...command, rulesFile]), tenTimes: run([...command, files[10] as string]), startupOnly };
    }
    return {
      status: 'measured',
      inProcessMs,
      loadMs,
      lintMs,
      cliMs,
      cliExitCodes: [...new Set(cliExitCodes)],
      growthExponent: slope(SCALES.map((f) => [rulesCounts[f] as number, inProcessMs[f] as number])),
      lintGrowthExponent: slope(SCALES.map((f) => [rulesCounts[f] as number, lintMs[f] as number])),
      rulesCounts,
      fileBytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function yamlOf(generated: unknown): string {
  return typeof generated === 'string' ? generated : stringify(generated, { aliasDuplicateObjects: false });
}

/** Least-squares slope of log(time) against log(size). */
function slope(points: [number, number][]): number {
  const logs = points.filter(([x, y]) => x > 0 && y > 0).map(([x, y]) => [Math.log(x), Math.log(y)] as const);
  const n = logs.length;
  const mx = logs.reduce((s, [x]) => s + x, 0) / n;
  const my = logs.reduce((s, [, y]) => s + y, 0) / n;
  const num = logs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = logs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? Number.NaN : num / den;
}
