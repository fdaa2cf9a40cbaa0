// The reference population (rules/population/), for `npm run bench`: the share of people sent to each urgency,
// overall, by class and group, the rules that set each level, what misreadings add, and (full runs) the sensitivity
// band with every warning-sign rate halved and doubled. Deterministic (seeded): the limits held at 2.6.0's figures
// fail the run like the burden budgets (tests/population/budgets.test.ts enforces them in `npm test` too); the
// right-care issue's budgets, not met yet, are reported beside them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../src/rules/load.ts';
import type { Rules } from '../src/rules/schema.ts';
import { loadPopulation } from '../src/population/load.ts';
import { DEFAULT_PEOPLE, runPopulation, type PopulationFigures } from '../src/population/run.ts';
import { formatPopulation, populationBudgets, POPULATION_HELD, type BudgetLine } from '../src/population/words.ts';

export const POPULATION_MODEL = 'rules/population/gym-goers.yaml';

/** `budgets`: the issue's (reported); `held`: 2.4.0's figures, which no change may make worse (enforced). */
export type PopulationReport = PopulationFigures & { budgets: BudgetLine[]; held: BudgetLine[] };

export function benchPopulation(root: string, rules: Rules, options: { band: boolean }): PopulationReport {
  const file = join(root, POPULATION_MODEL);
  const loaded = loadPopulation(readFileSync(file, 'utf8'), POPULATION_MODEL, rules);
  if (!loaded.ok) throw new Error(`The population model does not fit the rules:\n${loaded.problems.map(formatProblem).join('\n')}`);
  const figures = runPopulation({ rules, model: loaded.model, modelRules: rules, people: DEFAULT_PEOPLE, band: options.band });
  const afterSelfCheck = figures.serious.missedAfterSelfCheck.people;
  const held: BudgetLine[] = [
    ...populationBudgets(figures, POPULATION_HELD),
    {
      name: 'serious people missed after their own self-check',
      limit: `≤ ${POPULATION_HELD.missedAfterSelfCheckMax}`,
      actual: String(afterSelfCheck),
      ok: afterSelfCheck <= POPULATION_HELD.missedAfterSelfCheckMax,
    },
  ];
  return { ...figures, budgets: populationBudgets(figures), held };
}

export function populationLines(report: PopulationReport): string[] {
  return formatPopulation(report);
}
