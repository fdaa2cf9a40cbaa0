// The reference population's draws (src/population/people.ts): each person's class, answers, misreadings and
// self-checks come from numbers of their own, so a model version that adds a question redraws no one
// else's answers, and the figures of two model versions differ only where the models do.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPopulation } from '../../src/population/load.ts';
import { compilePopulation, drawPerson, personDraws } from '../../src/population/people.ts';
import { mainRules, ROOT } from '../helpers.ts';

const rules = mainRules();
const loaded = loadPopulation(readFileSync(`${ROOT}rules/population/gym-goers.yaml`, 'utf8'), 'gym-goers.yaml', rules);
if (!loaded.ok) throw new Error('the reference population does not load');
const model = loaded.model;
const PEOPLE = 2000;

describe('people drawn from the reference population', () => {
  it('are the same for the same seed and person, and differ from person to person', () => {
    const population = compilePopulation(model, rules);
    const again = compilePopulation(model, rules);
    const first = drawPerson(population, personDraws(2026, 7));
    expect(drawPerson(again, personDraws(2026, 7))).toEqual(first);
    const others = Array.from({ length: 20 }, (_, i) => drawPerson(population, personDraws(2026, 100 + i)).answers);
    expect(others.filter((a) => JSON.stringify(a) === JSON.stringify(first.answers)).length).toBe(0);
  });

  it('keep every other answer when a question is added to the model', () => {
    // The same model over the rules without one question, and with it: as model 1.8.0 added breathing_pain and
    // clot_risk. With one stream of numbers for everyone, every later answer of every person moved.
    const without = { ...rules, questions: rules.questions.filter((q) => q.id !== 'breathing_pain') };
    const before = compilePopulation(model, without);
    const after = compilePopulation(model, rules);
    let compared = 0;
    for (let i = 0; i < PEOPLE; i++) {
      const a = drawPerson(before, personDraws(2026, i));
      const b = drawPerson(after, personDraws(2026, i));
      expect(b.classIndex).toBe(a.classIndex);
      // A serious class is redrawn until its person shows a sign that defines it: there the added answer can decide
      // how many redraws are needed (and so every answer), which is the model's meaning, not the draws'.
      if (before.classes[a.classIndex]?.group === 'serious') continue;
      expect(a.answers['breathing_pain']).toBeUndefined();
      expect(b.answers['breathing_pain']).toBeDefined();
      const { breathing_pain: _added, ...rest } = b.answers;
      expect(rest).toEqual(a.answers);
      expect(b.misread).toEqual(a.misread);
      expect([...b.settled]).toEqual([...a.settled]);
      compared++;
    }
    expect(compared).toBeGreaterThan(PEOPLE * 0.9);
  });
});
