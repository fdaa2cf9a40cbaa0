// The summary for a professional, as a GP receiving it reads it: what was found comes first, a sign that set the
// result is never also listed as absent, a sign's follow-up narrows it, and the full answer behind "Set by" is kept.
import { describe, expect, it } from 'vitest';
import type { Answers, AnswerValue } from '../../src/engine/answers.ts';
import { countWords } from '../../src/engine/burden.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { answerModel } from '../../src/lint/population.ts';
import { loadPopulation } from '../../src/population/load.ts';
import { compilePopulation, drawPerson, personDraws } from '../../src/population/people.ts';
import { readFileSync } from 'node:fs';
import { catalogues } from '../../src/i18n/index.ts';
import { walkQuestionnaire } from '../../src/lint/population.ts';
import type { Question } from '../../src/rules/schema.ts';
import { professionalSummary, summaryText } from '../../src/ui/summary-text.ts';
import { calmDefault, CALM } from '../browser/pages.ts';
import { mainRules, ROOT } from '../helpers.ts';

const rules = mainRules();
const t = catalogues.en;
const short = (id: string) => rules.questions.find((q) => q.id === id)!.short!.en;

function summaryFor(given: Record<string, AnswerValue>) {
  const answers: Answers = walkQuestionnaire(rules, (q: Question) => given[q.id] ?? CALM[q.id] ?? calmDefault(q));
  const result = evaluate(rules, answers, 'en');
  const summary = professionalSummary(rules, answers, result, t, 'en', new Date(2026, 11, 8, 9, 30), 'en-GB');
  return { result, summary, text: summaryText(summary, t) };
}

describe('the summary for a professional', () => {
  it('never lists as absent a sign that set the result (No on the first screen, both legs ticked on the pain map)', () => {
    const { result, summary, text } = summaryFor({ rf_both_legs: 'no', pain_where: ['low_back', 'pain_both_legs'], both_legs_check: 'yes' });
    expect(result.urgency).toBe('emergency');
    expect(summary.setBy).toBeTruthy();
    expect(summary.checklist.none).not.toContain(short('rf_both_legs'));
    expect(summary.checklist.none.length).toBeGreaterThan(3);
    expect(text).not.toContain(short('rf_both_legs'));
  });

  it("names a sign with what its follow-up found: stinging only, not 'side pain in waves; red pee'", () => {
    const { summary } = summaryFor({ rf_kidney: 'yes', rf_kidney_kind: 'burning_only' });
    expect(summary.checklist.yes).toEqual([`${short('rf_kidney')} (Only stinging when I pee)`]);
  });

  it('puts what was found before the long list of what was not, and keeps every place the pain is', () => {
    const { summary, text } = summaryFor({ rf_cancer: 'yes', pain_score: 7, pain_where: ['low_back', 'below_knee', 'numb_leg'], pain_trend: 'same' });
    const line = text.split('\n').find((l) => l.startsWith(t.summaryChecklist))!;
    expect(line.indexOf(t.summaryYesTo(''))).toBeLessThan(line.indexOf(t.summaryNoneOf('')));
    expect(line.startsWith(`${t.summaryChecklist}. ${t.summaryYesTo(short('rf_cancer'))}`)).toBe(true);
    // "Set by" may name one place; the facts keep all three.
    const where = summary.facts.find((f) => f.label === short('pain_where'));
    expect(where?.value).toMatch(/Low back.*below one knee.*numb/i);
  });

  it('says on an emergency that the check stopped there, so "not asked" is not read as "left out"', () => {
    const emergency = summaryFor({ rf_saddle_numbness: 'yes' });
    expect(emergency.result.urgency).toBe('emergency');
    expect(emergency.text.split('\n')).toContain(t.summaryStopped);
    expect(summaryFor({}).text).not.toContain(t.summaryStopped);
  });

  it('gives blood thinners whenever they were asked, and night pain or pain that keeps coming back when present', () => {
    const thinners = summaryFor({ rf_leg_gives_way: 'yes', rf_blood_thinners: 'no' }).summary.facts;
    expect(thinners).toContainEqual({ label: short('rf_blood_thinners'), value: 'No' });
    const { summary } = summaryFor({ rf_accident: 'not_sure', rf_blood_thinners: 'no', pain_night: 'worse_at_night', pain_recurring: 'most_workouts' });
    const labels = summary.facts.map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining([short('rf_blood_thinners'), short('pain_night'), short('pain_recurring')]));
    const calm = summaryFor({ pain_night: 'sleeps', pain_recurring: 'first_time' }).summary.facts.map((f) => f.label);
    expect(calm).not.toContain(short('pain_night'));
    expect(calm).not.toContain(short('pain_recurring'));
    expect(calm).not.toContain(short('rf_blood_thinners'));
  });

  it('never gives the answer that set the result twice, beside "Set by" and again as a fact', () => {
    // Pain that has stopped training sets a consultation; the trend is not asked in the first 3 days.
    const { summary, text } = summaryFor({ pain_recurring: 'stopped_training' });
    expect(summary.setBy).toContain(short('pain_recurring'));
    expect(summary.facts.map((f) => f.label)).not.toContain(short('pain_recurring'));
    expect(text.split(short('pain_recurring')).length - 1).toBe(1);
  });

  it('gives the time with the date', () => {
    expect(summaryFor({}).summary.date).toBe('Date: 8 December 2026, 09:30');
  });

  it('reads in half a minute: all but the list of signs answered No is under 200 words, for 2,000 people of the reference population, in both languages', () => {
    const loaded = loadPopulation(readFileSync(`${ROOT}rules/population/gym-goers.yaml`, 'utf8'), 'gym-goers.yaml', rules);
    if (!loaded.ok) throw new Error('population');
    const population = compilePopulation(loaded.model, rules);
    const common = answerModel(rules).common;
    let longest = 0;
    let withFindings = 0;
    for (let i = 0; i < 2000; i++) {
      const person = drawPerson(population, personDraws(11, i));
      const answers = walkQuestionnaire(rules, (q) => person.answers[q.id] ?? (common[q.id] as AnswerValue));
      for (const locale of ['en', 'es'] as const) {
        const summary = professionalSummary(rules, answers, evaluate(rules, answers, locale), catalogues[locale], locale, new Date(2026, 11, 8, 9, 30));
        if (summary.checklist.yes.length + summary.checklist.notSure.length > 0) withFindings++;
        const words = countWords(summaryText({ ...summary, checklist: { ...summary.checklist, none: [] } }, catalogues[locale]));
        longest = Math.max(longest, words);
      }
    }
    expect(withFindings).toBeGreaterThan(100);
    expect(longest).toBeLessThan(200);
  });
});
