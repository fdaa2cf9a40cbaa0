// The side-by-side bench is only fair if SurveyJS is shown the same questionnaire: the same questions, on the same
// screens, each shown for exactly the answers that show it here. SurveyJS's own expression engine decides that
// from the generated JSON, over many random answer sets.
import { ConditionRunner } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { surveyJson, surveyExpression } from '../../bench/surveyjs/survey-json.ts';
import { matches } from '../../src/engine/conditions.ts';
import { randomAnswers, seededRandom } from '../../src/engine/random-answers.ts';
import { layoutOf } from '../../src/engine/screens.ts';
import { mainRules } from '../helpers.ts';

const rules = mainRules();
const json = surveyJson(rules, { lead: 'Lead', start: 'Start', whichTitle: 'Which?' });

describe('the SurveyJS survey generated from the rules', () => {
  it('asks every question of the rules, on a page per screen, after a start page with the Start button', () => {
    expect(json.firstPageIsStartPage).toBe(true);
    expect(json.startSurveyText).toBe('Start');
    expect(json.pages.slice(1).map((p) => p.name)).toEqual(layoutOf(rules).screens.map((s) => s.id));
    const names = json.pages.flatMap((p) => p.elements.map((e) => e.name));
    for (const question of rules.questions) expect(names, question.id).toContain(question.id);
    const pain = json.pages.flatMap((p) => p.elements).find((e) => e.name === 'pain_score');
    expect(pain).toMatchObject({ type: 'rating', rateMin: 0, rateMax: 10 });
  });

  it("shows each question for exactly the answers that show it in the check, by SurveyJS's own expression engine", () => {
    const random = seededRandom(17);
    const conditional = rules.questions.filter((q) => q.showIf);
    expect(conditional.length).toBeGreaterThan(5);
    let shown = 0;
    for (let i = 0; i < 400; i++) {
      const answers = randomAnswers(rules, random);
      for (const question of conditional) {
        const ours = matches(question.showIf!, answers);
        const theirs = new ConditionRunner(surveyExpression(question.showIf!, rules)).runValues({ ...answers }) as boolean;
        expect(theirs, `${question.id} for ${JSON.stringify(answers)}`).toBe(ours);
        if (ours) shown++;
      }
    }
    // Both ways are exercised, not only "hidden".
    expect(shown).toBeGreaterThan(100);
  });
});
