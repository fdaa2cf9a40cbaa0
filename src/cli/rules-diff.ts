// `npm run rules:diff -- <old.yaml> <new.yaml> [--impact] [--markdown] [--sets N] [--seed S] [--scenarios DIR] [--map FILE]`:
// what changed between two versions of a rules file, in words; with --impact, what the change does to the people
// who use the check (src/lint/impact.ts), over the clinicians' scenarios and a generated population.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadAnswerMap, type AnswerMap } from '../lint/answer-map.ts';
import { diffRules } from '../lint/diff.ts';
import { DEFAULT_SEED, DEFAULT_SETS, type ScenarioCase } from '../lint/impact.ts';
import { analyseImpactParallel } from '../lint/impact-parallel.ts';
import { scenarioCases } from '../lint/impact-scenarios.ts';
import { formatImpact } from '../lint/impact-words.ts';
import { formatProblem } from '../rules/load.ts';
import type { Rules } from '../rules/schema.ts';
import { loadScenarioFile } from '../scenarios/load.ts';
import { readRulesFile } from './read-rules.ts';
import { existsSync } from 'node:fs';
import { loadPopulation } from '../population/load.ts';
import { runPopulation } from '../population/run.ts';
import { formatPopulationComparison } from '../population/words.ts';

const USAGE = `Usage: npm run rules:diff -- <old rules file> <new rules file> [--impact] [--markdown] [--sets N] [--seed S] [--scenarios DIR] [--map FILE]
  --impact      also run both versions over the scenarios and ${DEFAULT_SETS.toLocaleString('en-US')} generated answer sets
  --markdown    write the report as Markdown (for the README, an issue or a review note)
  --sets N      how many answer sets to generate (default ${DEFAULT_SETS.toLocaleString('en-US')})
  --seed S      the population's seed (default ${DEFAULT_SEED}; the same seed gives the same report)
  --scenarios   folder of scenario files (default rules/scenarios)
  --map FILE    how the old version's answers carry over to renamed or merged questions (see src/lint/answer-map.ts)
  --population FILE      the reference population to run both versions on (default rules/population/gym-goers.yaml)
  --population-map FILE  how the population's answers carry over to the old version (default
                         rules/population/answers-<new version>-to-<old version>.yaml when it exists)`;

const SCENARIO_DIR = fileURLToPath(new URL('../../rules/scenarios/', import.meta.url));
const POPULATION_DIR = fileURLToPath(new URL('../../rules/population/', import.meta.url));

/** Runs the command on `argv`, printing through `out` and `err`; returns the exit code (tests and readme-impact call it). */
export async function rulesDiff(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        impact: { type: 'boolean', default: false },
        markdown: { type: 'boolean', default: false },
        sets: { type: 'string' },
        seed: { type: 'string' },
        scenarios: { type: 'string' },
        map: { type: 'string' },
        population: { type: 'string' },
        'population-map': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [oldPath, newPath] = positionals;
  if (values.help || !oldPath || !newPath) {
    (values.help ? out : err)(USAGE);
    return values.help ? 0 : 2;
  }
  const sets = values.sets === undefined ? DEFAULT_SETS : Number(values.sets);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(sets) || sets < 0 || !Number.isInteger(seed)) {
    err(`--sets and --seed take whole numbers\n\n${USAGE}`);
    return 2;
  }
  const before = readRulesFile(oldPath);
  const after = readRulesFile(newPath);
  if (!before.ok || !after.ok) {
    for (const r of [before, after]) if (!r.ok) err(r.message);
    return 1;
  }

  const changes = diffRules(before.rules, after.rules);
  const md = values.markdown;
  const head = `${before.file} -> ${after.file}: ${changes.length === 0 ? 'no differences' : `${changes.length} change${changes.length === 1 ? '' : 's'}`}`;
  out(md ? `${head}\n` : head);
  // The same version number on changed content would name two different sets of rules (in the report, in a saved
  // result, in a sign-off): said first, before the changes (a review read "3.7.1 -> 3.7.1" and two rows alike).
  if (changes.length > 0 && before.rules.meta.version === after.rules.meta.version) {
    out(`${md ? '' : '  '}Note: both files say version ${after.rules.meta.version}; give the new one its own (meta.version) before it ships.`);
  }
  for (const line of changes) out(`${md ? '-' : '  -'} ${line}`);
  if (!values.impact) return 0;

  const scenarios = readScenarios(values.scenarios ?? SCENARIO_DIR);
  if (!scenarios.ok) {
    err(scenarios.message);
    return 1;
  }
  let map: AnswerMap | undefined;
  if (values.map !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.map, 'utf8');
    } catch {
      err(`Cannot read the answer map ${values.map}`);
      return 1;
    }
    const loaded = loadAnswerMap(text, values.map, before.rules, after.rules);
    if (!loaded.ok) {
      err([`The answer map ${values.map} has problems:`, ...loaded.problems.map(formatProblem)].join('\n'));
      return 1;
    }
    map = loaded.map;
  }
  // On two threads when the population is large (impact-parallel.ts): the same report, to the last figure.
  const report = await analyseImpactParallel(before.rules, after.rules, {
    sets,
    seed,
    map,
    scenarios: scenarios.cases,
    onProgress: (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r  ${Math.round((100 * done) / Math.max(1, total))}% of ${total.toLocaleString('en-US')} answer sets`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  out('');
  out(formatImpact(report, { markdown: md }));
  out('');
  out(`${md ? '' : '  '}(${report.population.sets.toLocaleString('en-US')} answer sets and ${report.scenarios.length} scenarios compared in ${(report.population.ms / 1000).toFixed(1)} s; the search of the rules and the reference population below take longer.)`);
  for (const line of populationSection(before.rules, after.rules, values.population, values['population-map'], md)) out(line);
  return 0;
}

/**
 * Both versions on the reference population (written in the new version's ids): the share sent to each urgency,
 * with the band and the rules that set each level. The old version gets the population's answers through a map where
 * it asked differently. Skipped, with the reason, when there is no model that fits the new version.
 */
function populationSection(before: Rules, after: Rules, modelPath: string | undefined, mapPath: string | undefined, md: boolean): string[] {
  const file = modelPath ?? join(POPULATION_DIR, 'gym-goers.yaml');
  if (!existsSync(file)) return modelPath ? ['', `No population model at ${modelPath}.`] : [];
  const model = loadPopulation(readFileSync(file, 'utf8'), file, after);
  if (!model.ok) return ['', `The reference population (${relative(process.cwd(), file)}) does not fit the new version, so it was not run:`, ...model.problems.slice(0, 5).map(formatProblem)];
  const defaultMap = join(POPULATION_DIR, `answers-${after.meta.version}-to-${before.meta.version}.yaml`);
  const mapFile = mapPath ?? (existsSync(defaultMap) ? defaultMap : undefined);
  let map: AnswerMap | undefined;
  if (mapFile) {
    const loaded = loadAnswerMap(readFileSync(mapFile, 'utf8'), mapFile, after, before);
    if (!loaded.ok) return ['', `The population answer map ${mapFile} has problems:`, ...loaded.problems.map(formatProblem)];
    map = loaded.map;
  }
  const run = (rules: Rules) => runPopulation({ rules, model: model.model, modelRules: after, map: rules === after ? undefined : map, band: true });
  return ['', ...formatPopulationComparison(run(before), run(after), { markdown: md })];
}

/** The scenarios in `dir`, as answer sets; a scenario file with problems stops the run (rules:test says more). */
function readScenarios(dir: string): { ok: true; cases: ScenarioCase[] } | { ok: false; message: string } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return { ok: false, message: `Cannot read the scenario folder ${dir}` };
  }
  const cases: ScenarioCase[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const shown = relative(process.cwd(), path) || path;
    const loaded = loadScenarioFile(readFileSync(path, 'utf8'), shown);
    if (!loaded.ok) return { ok: false, message: [`The scenario file ${shown} has problems:`, ...loaded.problems.map(formatProblem)].join('\n') };
    cases.push(...scenarioCases(loaded.file, shown));
  }
  return { ok: true, cases };
}

// Run only when started as a script, not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await rulesDiff(process.argv.slice(2));
}
