// The burden budgets, as tests: the figures are deterministic (seeded answer sets, a fixed response-time model), so
// a rules or layout change that makes the check longer than promised fails here, not only in the bench report.
import { describe, expect, it } from 'vitest';
import { burdenFigures, burdenOf, calmAnswerSets, countWords, mixedAnswerSets, modelSeconds, pathFor, timeEstimate } from '../../src/engine/burden.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { pageWords, pageWordsByLocale } from '../../src/ui/page-words.ts';
import { mainRules } from '../helpers.ts';

const rules = mainRules();
const words = pageWordsByLocale(rules);
const which = words.en;
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
    const es = burdenFigures(rules, calm, 'es', words.es).noWarningSign;
    expect(es.modelSeconds.median).toBeLessThanOrEqual(180);
  });

  it('goes through the warning signs in at most 4 screens', () => {
    const first = rules.sections[0]?.id;
    for (const truth of calm) {
      const warningScreens = pathFor(rules, truth).steps.filter((s) => s.screen.section === first);
      expect(warningScreens.length).toBeLessThanOrEqual(4);
    }
  });

  it('takes at most 210 seconds by the model fed every visible word and the top card (median), in English and in Spanish', () => {
    expect(figures.modelSecondsAllWords.median).toBeLessThanOrEqual(210);
    expect(burdenFigures(rules, calm, 'es', words.es).noWarningSign.modelSecondsAllWords.median).toBeLessThanOrEqual(210);
    // More than the question words alone: headings, section introductions, hints and the top card count too.
    expect(figures.allWords.median).toBeGreaterThan(figures.words.median);
    expect(figures.modelSecondsAllWords.median).toBeGreaterThan(figures.modelSeconds.median);
    // And the whole visit adds the intro and the review.
    expect(figures.modelSecondsVisit.median).toBeGreaterThan(figures.modelSecondsAllWords.median);
  });

  // Walking a few hundred people through the rules twice takes a few seconds on a shared machine.
  it('is told a time that nine in ten stay within for the whole visit, every word counted, in both languages (the intro estimate)', { timeout: 60_000 }, () => {
    const estimate = timeEstimate(rules, words);
    const paths = calm.map((t) => pathFor(rules, t));
    for (const locale of ['en', 'es'] as const) {
      const { low, high } = estimate[locale];
      const burdens = paths.map((p) => burdenOf(p, locale, words[locale]));
      const seconds = burdens.map((b) => b.modelSecondsVisit).sort((a, b) => a - b);
      expect(low * 60).toBeLessThanOrEqual(seconds[Math.floor(seconds.length / 2)] ?? 0);
      const withinHigh = seconds.filter((s) => s <= high * 60).length / seconds.length;
      expect(withinHigh).toBeGreaterThanOrEqual(0.9);
      // Not the question words alone, which gave "2 to 3 minutes".
      expect(Math.max(...burdens.map((b) => b.modelSeconds))).toBeLessThan(high * 60);
    }
  });
});

describe('the result\'s top card (issue #16: at most 60 words, read in ten seconds)', () => {
  const people = [...calm, ...mixedAnswerSets(rules, 600, 3)];
  it.each(['en', 'es'] as const)('has at most 60 words for everyone, every urgency, in %s', { timeout: 60_000 }, (locale) => {
    const figures = burdenFigures(rules, people, locale, words[locale]);
    expect(figures.topCardWords.max).toBeLessThanOrEqual(60);
    expect(Object.keys(figures.byUrgency).sort()).toEqual(['consult', 'emergency', 'self-care', 'urgent']);
  });

  it('counts the card as the screen shows it: the banner, the three lines, and on an emergency the call button and the country', () => {
    const en = pageWords(rules, 'en');
    const emergency = pathFor(rules, { ...(calm[0] ?? {}), rf_saddle_numbness: 'yes' });
    const calmPath = pathFor(rules, calm.find((t) => evaluate(rules, t).urgency === 'self-care') ?? {});
    // "Result: Emergency" "Get help now", the action, "Call 112 now", the country line and its Change, the consult.
    expect(en.topCard(emergency)).toBeGreaterThan(countWords(rules.results.urgency.emergency.action.en) + countWords(rules.results.urgency.emergency.consult.en) + 8);
    const selfCare = rules.results.urgency['self-care'];
    expect(en.topCard(calmPath)).toBe(2 + [selfCare.title, selfCare.action, selfCare.consult, selfCare.callIf!].reduce((n, t) => n + countWords(t.en), 0));
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
