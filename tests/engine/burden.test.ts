// The burden budgets, as tests: the figures are deterministic (seeded answer sets, a fixed response-time model), so
// a rules or layout change that makes the check longer than promised fails here, not only in the bench report.
import { describe, expect, it } from 'vitest';
import { burdenFigures, burdenOf, calmAnswerSets, countWords, modelSeconds, pathFor, timeEstimate } from '../../src/engine/burden.ts';
import { catalogues } from '../../src/i18n/index.ts';
import { mainRules } from '../helpers.ts';

const rules = mainRules();
const which = catalogues.en.whichTitle;
const calm = calmAnswerSets(rules, 300);

describe('the response-time model', () => {
  it('counts words as a reader does and times a question by its length', () => {
    expect(countWords("I'm not sure")).toBe(3);
    expect(countWords('0 1 2 — 3')).toBe(4);
    expect([modelSeconds(20), modelSeconds(21), modelSeconds(30), modelSeconds(31)]).toEqual([8, 11.8, 11.8, 16.8]);
  });
});

describe('a person with no warning sign (budgets from the clinical-content issue: 12 screens, 3 minutes)', () => {
  const figures = burdenFigures(rules, calm, 'en', which).noWarningSign;

  it('the population is people with no warning sign, in scope', () => {
    expect(figures.count).toBe(300);
  });

  it('reaches the result in at most 12 screens, review included', () => {
    expect(figures.screens.max).toBeLessThanOrEqual(12);
  });

  it('takes at most 3 minutes by the model (median), in English and in Spanish', () => {
    expect(figures.modelSeconds.median).toBeLessThanOrEqual(180);
    const es = burdenFigures(rules, calm, 'es', catalogues.es.whichTitle).noWarningSign;
    expect(es.modelSeconds.median).toBeLessThanOrEqual(180);
  });

  it('goes through the warning signs in at most 4 screens', () => {
    const first = rules.sections[0]?.id;
    for (const truth of calm) {
      const warningScreens = pathFor(rules, truth).steps.filter((s) => s.screen.section === first);
      expect(warningScreens.length).toBeLessThanOrEqual(4);
    }
  });

  it('is told a time that nine in ten stay within, and that it is 2 to 3 minutes, in both languages (the intro estimate)', () => {
    const estimate = timeEstimate(rules, { en: which, es: catalogues.es.whichTitle });
    for (const [locale, prompt] of [['en', which], ['es', catalogues.es.whichTitle]] as const) {
      const { low, high } = estimate[locale];
      const seconds = calm.map((t) => burdenOf(pathFor(rules, t), locale, prompt).modelSeconds).sort((a, b) => a - b);
      expect(low * 60).toBeLessThanOrEqual(seconds[Math.floor(seconds.length / 2)] ?? 0);
      const withinHigh = seconds.filter((s) => s <= high * 60).length / seconds.length;
      expect(withinHigh).toBeGreaterThanOrEqual(0.9);
      expect(high).toBeLessThanOrEqual(3);
    }
  });
});

describe('an emergency answer still ends the check at once', () => {
  const base = calm[0] ?? {};
  const emergencies = rules.redFlags.filter((f) => f.level === 'emergency' && 'is' in f.when);
  it.each(emergencies.map((f) => [f.id, f] as const))('%s', (_id, flag) => {
    if (!('is' in flag.when)) return;
    const question = rules.questions.find((q) => 'question' in flag.when && q.id === flag.when.question);
    if (!question || question.showIf) return;
    const path = pathFor(rules, { ...base, [question.id]: flag.when.is });
    expect(path.end).toBe('result');
    const last = path.steps.at(-1);
    // The last step shown is the one where the sign was given (a group's own step, or its "Which of these?").
    expect(last?.questions.map((q) => q.id)).toContain(question.id);
  });
});
