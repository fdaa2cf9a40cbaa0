// The right-care limits on the reference population of gym-goers (rules/population/gym-goers.yaml), enforced like
// the burden budgets: a rules change that lets anyone in the serious group go without same-day or emergency care,
// sends more people to 999 or to a doctor today than rules 3.7.0 does, or tells fewer to look after it themselves,
// fails here. The issue's own budgets (1% / 8% / 50%) are not met and are reported beside the figures
// by the bench and rules:diff --impact; POPULATION_HELD says why. Deterministic: a fixed model, seed and number of
// people, so the figures are the bench's own.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPopulation } from '../../src/population/load.ts';
import { runPopulation, type PopulationFigures } from '../../src/population/run.ts';
import { POPULATION_BUDGETS, POPULATION_HELD } from '../../src/population/words.ts';
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

  it('sends no more to the emergency number than rules 3.7.0 does (4.00%; the issue asks for 1%)', () => {
    expect(figures.central.emergency).toBeLessThanOrEqual(POPULATION_HELD.emergencyMax);
  });

  it('sends no more to a doctor the same day than rules 3.7.0 does (10.25%; the issue asks for 8%)', () => {
    expect(figures.central.urgent).toBeLessThanOrEqual(POPULATION_HELD.urgentMax);
  });

  it('tells as many to look after it themselves as rules 3.7.0 does (49.83%; the issue asks for half)', () => {
    expect(figures.central.selfCare).toBeGreaterThanOrEqual(POPULATION_HELD.selfCareMin);
  });

  it('holds limits no looser than the figures they were set from, and reports the issue budgets beside them', () => {
    expect(POPULATION_HELD.seriousUrgentOrEmergencyMin).toBe(POPULATION_BUDGETS.seriousUrgentOrEmergencyMin);
    // A held limit within a few tenths of a point of today's figure: loosening it silently would show here.
    expect(POPULATION_HELD.emergencyMax - figures.central.emergency).toBeLessThan(0.005);
    expect(POPULATION_HELD.urgentMax - figures.central.urgent).toBeLessThan(0.01);
    expect(figures.central.selfCare - POPULATION_HELD.selfCareMin).toBeLessThan(0.01);
  });

  it('counts the emergencies a red flag sends to its own service (the maternity unit) apart from 999 and A&E', () => {
    const own = new Set(rules.redFlags.filter((r) => r.action).map((r) => r.id));
    expect(own.size).toBeGreaterThan(0);
    // Some people, not all emergencies: pregnant people with a warning sign are a small part of the model.
    expect(figures.emergencyOwnService).toBeGreaterThan(0);
    expect(figures.emergencyOwnService).toBeLessThan(figures.central.emergency / 2);
  });

  it('sends everyone in the serious group that the answers show to urgent or emergency care', () => {
    expect(figures.serious.people).toBeGreaterThan(100);
    expect(figures.serious.missed).toEqual([]);
    expect(figures.serious.urgentOrEmergencyByRules).toBe(1);
  });

  it('counts apart, and holds, the serious people a self-check falsely reassured', () => {
    // A "not sure" that was a serious person's only sign, settled as No by their own self-check: not hidden by a
    // redraw, not folded into the rules' misses. A new self-check that reassures more of them fails here.
    const after = figures.serious.missedAfterSelfCheck;
    expect(after.people).toBeLessThanOrEqual(POPULATION_HELD.missedAfterSelfCheckMax);
    expect(after.examples.every((m) => m.settled.length > 0)).toBe(true);
    expect(figures.serious.urgentOrEmergency).toBeCloseTo(1 - after.people / figures.serious.people, 10);
  });
});
