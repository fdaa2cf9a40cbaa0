// The FHIR resources must pass the official, unmodified FHIR R4 JSON schema (tests/fhir-schema.ts).
import { describe, expect, it } from 'vitest';
import { ENABLE_WHEN_EXPRESSION, fhirPath, toQuestionnaire } from '../../src/fhir/questionnaire.ts';
import { toQuestionnaireResponse } from '../../src/fhir/response.ts';
import { fhirSchemaErrors as errorsOf } from '../fhir-schema.ts';
import { mainRules, miniRules, miniScreenRules } from '../helpers.ts';

/** Every answerable item, however deeply grouped. */
function leaves<T extends { type?: string; item?: T[] }>(items: T[] | undefined): T[] {
  return (items ?? []).flatMap((i) => (i.item ? leaves(i.item) : [i]));
}

describe('FHIR Questionnaire from the rules', () => {
  it('is valid FHIR R4 and holds every question, grouped by section', () => {
    const rules = mainRules();
    const q = toQuestionnaire(rules);
    expect(errorsOf(q)).toEqual([]);
    expect(leaves(q.item).map((i) => i.linkId)).toEqual(rules.questions.map((x) => x.id));
  });

  it('makes each grouped check a group item inside its section, titled with its question', () => {
    const rules = mainRules();
    const q = toQuestionnaire(rules);
    const groupScreens = (rules.screens ?? []).filter((s) => s.kind === 'group');
    expect(groupScreens.length).toBeGreaterThan(1);
    for (const section of q.item ?? []) {
      const groups = (section.item ?? []).filter((i) => i.type === 'group');
      const sectionId = section.linkId;
      const expected = groupScreens.filter((s) => rules.questions.find((x) => x.id === s.questions[0])?.section === sectionId);
      expect(groups.map((g) => g.linkId), sectionId).toEqual(expected.map((s) => s.id));
      groups.forEach((g, i) => {
        expect(g.text).toBe(expected[i]?.title?.en);
        expect(g.item?.map((x) => x.linkId)).toEqual(expected[i]?.questions);
      });
    }
    // Screens of several questions are only layout: their questions sit directly in the section.
    const pain = q.item?.find((s) => s.linkId === 'pain');
    expect(pain?.item?.length).toBeGreaterThan(2);
    expect(pain?.item?.every((i) => i.type !== 'group')).toBe(true);
  });

  it('gives skip logic that enableWhen cannot hold (nesting) as an SDC FHIRPath expression, never simplified', () => {
    const rules = mainRules();
    const item = leaves(toQuestionnaire(rules).item).find((i) => i.linkId === 'rf_blood_thinners');
    expect(item?.enableWhen).toBeUndefined();
    const expression = item?.extension?.find((e) => e.url === ENABLE_WHEN_EXPRESSION)?.valueExpression;
    expect(expression?.language).toBe('text/fhirpath');
    expect(expression?.expression).toContain("(%resource.repeat(item).where(linkId = 'age_band').answer.value.where(code = 'over_50').exists())");
    expect(expression?.expression).toContain(" or (");
    expect(fhirPath({ atLeast: 2, of: [{ question: 'a', is: 'yes' }, { question: 'b', atLeast: 7 }] })).toBe(
      "(iif(%resource.repeat(item).where(linkId = 'a').answer.value.where(code = 'yes').exists(), 1, 0) + iif(%resource.repeat(item).where(linkId = 'b').answer.value.where($this >= 7).exists(), 1, 0)) >= 2",
    );
  });

  it('maps skip logic to enableWhen and scale questions to integers with bounds', () => {
    const q = toQuestionnaire(miniRules());
    const items = leaves(q.item);
    const liftKind = items.find((i) => i.linkId === 'lift_kind');
    expect(liftKind?.repeats).toBe(true);
    expect(liftKind?.enableWhen).toEqual([
      { question: 'lifts', operator: '=', answerCoding: expect.objectContaining({ code: 'yes' }) },
    ]);
    const pain = items.find((i) => i.linkId === 'pain');
    expect(pain?.type).toBe('integer');
    expect(pain?.extension?.map((e) => e.valueInteger)).toEqual([0, 10]);
  });

  it('the schema check really rejects a broken resource', () => {
    expect(errorsOf({ resourceType: 'Questionnaire', status: 'not-a-status' })).not.toEqual([]);
  });
});

describe('FHIR QuestionnaireResponse from answers', () => {
  it('is valid FHIR R4, references the questionnaire version and carries each answer', () => {
    const rules = miniRules();
    const response = toQuestionnaireResponse(
      rules,
      { rf_big: 'no', rf_small: 'no', age: 'adult', lifts: 'yes', lift_kind: ['deadlift', 'squat'], pain: 6 },
      { authored: new Date('2026-11-25T10:00:00Z'), complete: false },
    );
    expect(errorsOf(response)).toEqual([]);
    expect(response.questionnaire).toBe('urn:backcheck:questionnaire:mini|0.0.1');
    const items = leaves(response.item);
    expect(items.find((i) => i.linkId === 'lift_kind')?.answer?.map((a) => a.valueCoding?.code)).toEqual([
      'deadlift',
      'squat',
    ]);
    expect(items.find((i) => i.linkId === 'pain')?.answer).toEqual([{ valueInteger: 6 }]);
  });

  it('leaves out answers to questions that no longer apply', () => {
    const response = toQuestionnaireResponse(
      miniRules(),
      { rf_big: 'no', lifts: 'no', lift_kind: ['deadlift'] },
      { authored: new Date(0), complete: false },
    );
    const ids = leaves(response.item).map((i) => i.linkId);
    expect(ids).not.toContain('lift_kind');
  });

  it('nests answers to a grouped check the way the Questionnaire does, and stays valid', () => {
    const response = toQuestionnaireResponse(
      miniScreenRules(),
      { rf_big: 'no', rf_small: 'not_sure', age: 'adult' },
      { authored: new Date(0), complete: false },
    );
    expect(errorsOf(response)).toEqual([]);
    const flags = response.item?.[0];
    expect(flags?.item?.map((i) => i.linkId)).toEqual(['signs']);
    expect(flags?.item?.[0]?.item?.map((i) => i.linkId)).toEqual(['rf_big', 'rf_small']);
  });
});

describe('a follow-up\'s FHIR resources (issue #18)', () => {
  const rules = mainRules();
  const EARLIER = '0b7a6f43-3c1e-4d0e-9a55-6f1f2b9c8d10';
  const NOW = '5f2d0c9e-8b7a-4c6d-a1e2-3f4a5b6c7d8e';
  const answersNow = { age_band: 'age_20_to_50', pain_score: 2, pain_trend: 'better' };

  it('has a Questionnaire of its own, valid FHIR R4, holding the follow-up\'s questions only', () => {
    const q = toQuestionnaire(rules, 'en', 'follow-up');
    expect(errorsOf(q)).toEqual([]);
    expect(q.url).toBe(`urn:backcheck:questionnaire:${rules.meta.id}:follow-up`);
    const asked = leaves(q.item).map((i) => i.linkId);
    expect(asked).toEqual(expect.arrayContaining(['pain_score', 'pain_trend', 'age_band']));
    expect(asked).not.toContain('pain_duration');
    // Every skip condition names an item of this questionnaire (questions it never asks stay out of it).
    for (const item of leaves(q.item)) for (const when of item.enableWhen ?? []) expect(asked).toContain(when.question);
  });

  it('its response answers that questionnaire and names the earlier response by its identifier', () => {
    const response = toQuestionnaireResponse(rules, answersNow, { authored: new Date(0), complete: true, form: 'follow-up', id: NOW, followUpOf: EARLIER });
    expect(errorsOf(response)).toEqual([]);
    expect(response.questionnaire).toBe(`urn:backcheck:questionnaire:${rules.meta.id}:follow-up|${rules.meta.version}`);
    expect(response.identifier).toEqual({ system: 'urn:backcheck:questionnaire-response', value: NOW });
    expect(response.extension).toEqual([
      {
        url: 'urn:backcheck:fhir:extension:follow-up-of',
        valueReference: {
          type: 'QuestionnaireResponse',
          identifier: { system: 'urn:backcheck:questionnaire-response', value: EARLIER },
          display: 'The earlier check this follow-up compares with',
        },
      },
    ]);
    expect(leaves(response.item).map((i) => i.linkId)).toEqual(expect.arrayContaining(['pain_score', 'pain_trend']));
  });

  it('a first check\'s response has its identifier and no reference; without ids neither is there', () => {
    const first = toQuestionnaireResponse(rules, { pain_score: 5 }, { authored: new Date(0), complete: true, id: EARLIER });
    expect(first.identifier?.value).toBe(EARLIER);
    expect(first.extension).toBeUndefined();
    const plain = toQuestionnaireResponse(rules, answersNow, { authored: new Date(0), complete: true, form: 'follow-up' });
    expect(plain).not.toHaveProperty('identifier');
    expect(plain).not.toHaveProperty('extension');
  });
});
