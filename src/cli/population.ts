// `npm run population -- [--rules FILE] [--model FILE] [--people N] [--seed S] [--markdown] [--json]`: the reference
// population (rules/population/) through a rules file: the share sent to each urgency, by group and class, the rules
// that set each level, misreadings, the sensitivity band, and the budgets. Exit 1 when a budget is missed, 2 on bad
// input (with every problem at file:line).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProblem } from '../rules/load.ts';
import { loadPopulation } from '../population/load.ts';
import { DEFAULT_PEOPLE, DEFAULT_POPULATION_SEED, runPopulation } from '../population/run.ts';
import { formatPopulation, populationBudgets } from '../population/words.ts';
import { DEFAULT_RULES_FILE, readRulesFile } from './read-rules.ts';

export const DEFAULT_MODEL = fileURLToPath(new URL('../../rules/population/gym-goers.yaml', import.meta.url));

const USAGE = `Usage: npm run population -- [--rules FILE] [--model FILE] [--people N] [--seed S] [--markdown] [--json]
  --rules    the rules file (default rules/lower-back-after-workout.yaml)
  --model    the population model (default rules/population/gym-goers.yaml)
  --people   how many people to draw (default ${DEFAULT_PEOPLE.toLocaleString('en-US')})
  --seed     the seed (default ${DEFAULT_POPULATION_SEED}; the same seed gives the same people)`;

export function populationCli(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        rules: { type: 'string', default: DEFAULT_RULES_FILE },
        model: { type: 'string', default: DEFAULT_MODEL },
        people: { type: 'string' },
        seed: { type: 'string' },
        markdown: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const people = values.people === undefined ? DEFAULT_PEOPLE : Number(values.people);
  const seed = values.seed === undefined ? DEFAULT_POPULATION_SEED : Number(values.seed);
  if (!Number.isInteger(people) || people < 1 || !Number.isInteger(seed)) {
    err(`--people and --seed take whole numbers\n\n${USAGE}`);
    return 2;
  }
  const rules = readRulesFile(values.rules);
  if (!rules.ok) {
    err(rules.message);
    return 2;
  }
  const modelPath = values.model;
  const loaded = loadPopulation(readFileSync(modelPath, 'utf8'), modelPath, rules.rules);
  if (!loaded.ok) {
    err(`The population model has ${loaded.problems.length} problem(s):\n${loaded.problems.map(formatProblem).join('\n')}`);
    return 2;
  }
  const figures = runPopulation({ rules: rules.rules, model: loaded.model, modelRules: rules.rules, people, seed, band: true });
  const budgets = populationBudgets(figures);
  if (values.json) out(JSON.stringify({ ...figures, budgets }, null, 2));
  else {
    for (const line of formatPopulation(figures, { markdown: values.markdown })) out(line);
    out('');
    for (const b of budgets) out(`${b.ok ? 'ok  ' : 'OVER'}  ${b.name}: ${b.actual} (budget ${b.limit})`);
  }
  return budgets.every((b) => b.ok) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = populationCli(process.argv.slice(2));
}
