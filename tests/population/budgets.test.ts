// The right-care budgets on the reference population of gym-goers (rules/population/gym-goers.yaml), enforced like
// the burden budgets: a rules change that sends more people to 999 or to a doctor today than the budgets allow, or
// that lets anyone in the serious group go without same-day or emergency care, fails here. Deterministic: a fixed
// model, seed and number of people, so the figures are the bench's own (bench/results.json, population).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPopulation } from '../../src/population/load.ts';
import { runPopulation, type PopulationFigures } from '../../src/population/run.ts';
import { POPULATION_BUDGETS } from '../../src/population/words.ts';
import { mainRules, ROOT } from '../helpers.ts';

const rules = mainRules();
const file = `${ROOT}rules/population/gym-goers.yaml`;

describe('the reference population (budgets from the right-care issue)', () => {
  let figures: PopulationFigures;
  beforeAll(() => {
    const loaded = loadPopulation(readFileSync(file, 'utf8'), 'rules/population/gym-goers.yaml', rules);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.line}: ${p.path} ${p.message}`).join('\n'));
    figures = runPopulation({ rules, model: loaded.model, modelRules: rules, people: 100_000 });
  }, 180_000);

  it('sends at most 1% to the emergency number', () => {
    expect(figures.central.emergency).toBeLessThanOrEqual(POPULATION_BUDGETS.emergencyMax);
  });

  it('sends at most 8% to a doctor the same day', () => {
    expect(figures.central.urgent).toBeLessThanOrEqual(POPULATION_BUDGETS.urgentMax);
  });

  it('tells at least half to look after it themselves', () => {
    expect(figures.central.selfCare).toBeGreaterThanOrEqual(POPULATION_BUDGETS.selfCareMin);
  });

  it('sends everyone in the serious group to urgent or emergency care', () => {
    expect(figures.serious.people).toBeGreaterThan(100);
    expect(figures.serious.missed).toEqual([]);
    expect(figures.serious.urgentOrEmergency).toBe(1);
  });
});
