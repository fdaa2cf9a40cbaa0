// The rules as a FHIR R4 Questionnaire, so a clinic's record system can read answers shared by the widget.
// Sections become groups, and so does each grouped check ("Do you have any of these?") inside its section; choice
// questions carry their options as codings in a code system named after the rules.
import type { Coding, Questionnaire, QuestionnaireItem, QuestionnaireItemEnableWhen } from 'fhir/r4';
import { followUpRulesOf } from '../engine/follow-up-layout.ts';
import { layoutOf } from '../engine/screens.ts';
import type { Condition, Question, Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import { BACKCHECK_BASE } from './namespace.ts';

/**
 * Which questionnaire: the whole check, or the follow-up ("How is your back since ...?"), which asks only the rules'
 * follow-up screens. Its own Questionnaire, so that a follow-up's response is complete against what it asked.
 */
export type QuestionnaireForm = 'check' | 'follow-up';

export function questionnaireUrl(rules: Rules, form: QuestionnaireForm = 'check'): string {
  return `${BACKCHECK_BASE}:questionnaire:${rules.meta.id}${form === 'follow-up' ? ':follow-up' : ''}`;
}

/** The rules laid out as the form asks them (the follow-up: the same questions, on its screens only). */
export function formRules(rules: Rules, form: QuestionnaireForm): Rules {
  return form === 'follow-up' ? followUpRulesOf(rules) : rules;
}

const FOLLOW_UP_TITLE: Record<Locale, string> = { en: 'follow-up', es: 'seguimiento' };

/** The code system of one question's options: codes are the option ids. */
export function optionSystem(rules: Rules, questionId: string): string {
  return `${BACKCHECK_BASE}:rules:${rules.meta.id}:${questionId}`;
}

export function optionCoding(rules: Rules, question: Question, optionId: string, locale: Locale): Coding {
  const option = question.type === 'scale' ? undefined : question.options.find((o) => o.id === optionId);
  return {
    system: optionSystem(rules, question.id),
    code: optionId,
    display: option ? localize(option.label, locale) : optionId,
  };
}

export class FhirMappingError extends Error {}

export function toQuestionnaire(rules: Rules, locale: Locale = 'en', form: QuestionnaireForm = 'check'): Questionnaire {
  const asked = formRules(rules, form);
  const name = form === 'follow-up' ? `${rules.meta.id}_follow_up` : rules.meta.id;
  const title = localize(rules.meta.title, locale);
  return {
    resourceType: 'Questionnaire',
    id: name.replace(/_/g, '-'),
    url: questionnaireUrl(rules, form),
    version: rules.meta.version,
    name,
    title: form === 'follow-up' ? `${title}: ${FOLLOW_UP_TITLE[locale]}` : title,
    status: 'draft',
    // The date a clinician signed the content off, when one has (src/rules/content-hash.ts checks it still applies).
    ...(rules.meta.signoff ? { date: rules.meta.signoff.on } : {}),
    language: locale,
    // A section the form does not ask is left out: a FHIR group must hold items.
    item: asked.sections.flatMap((section): QuestionnaireItem[] => {
      const item = layoutOf(asked)
        .screens.filter((screen) => screen.section === section.id)
        .flatMap((screen): QuestionnaireItem[] => {
          const items = screen.questions.map((q) => questionItem(asked, q, locale));
          if (screen.kind !== 'group') return items;
          return [{ linkId: screen.id, type: 'group', text: screen.title ? localize(screen.title, locale) : screen.id, item: items }];
        });
      return item.length > 0 ? [{ linkId: section.id, type: 'group', text: localize(section.title, locale), item }] : [];
    }),
  };
}

function questionItem(rules: Rules, q: Question, locale: Locale): QuestionnaireItem {
  const base: QuestionnaireItem = {
    linkId: q.id,
    text: localize(q.text, locale),
    type: q.type === 'scale' ? 'integer' : 'choice',
    required: true,
    ...(q.showIf ? skipLogic(rules, q.showIf, q.id) : {}),
  };
  if (q.type === 'scale') {
    return {
      ...base,
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: q.min },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: q.max },
      ],
    };
  }
  return {
    ...base,
    ...(q.type === 'multi' ? { repeats: true } : {}),
    answerOption: q.options.map((o) => ({ valueCoding: optionCoding(rules, q, o.id, locale) })),
  };
}

/** The SDC extension that gives an item's skip logic as a FHIRPath expression over the response. */
export const ENABLE_WHEN_EXPRESSION = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression';

/**
 * Skip logic as core enableWhen where it fits (one level of all/any), which every FHIR form filler reads; otherwise
 * (nesting, counting) as the SDC enableWhenExpression in FHIRPath, which SDC form fillers read. Either way the
 * condition is the rules' own, never simplified.
 */
function skipLogic(rules: Rules, condition: Condition, questionId: string): Pick<QuestionnaireItem, 'enableWhen' | 'enableBehavior' | 'extension'> {
  try {
    return enableWhen(rules, condition, questionId);
  } catch (error) {
    if (!(error instanceof FhirMappingError)) throw error;
    return {
      extension: [{ url: ENABLE_WHEN_EXPRESSION, valueExpression: { language: 'text/fhirpath', expression: fhirPath(condition) } }],
    };
  }
}

/** A condition as FHIRPath over the QuestionnaireResponse (answers are codings; scale answers integers). */
export function fhirPath(c: Condition): string {
  if ('all' in c) return c.all.map((x) => `(${fhirPath(x)})`).join(' and ');
  if ('any' in c) return c.any.map((x) => `(${fhirPath(x)})`).join(' or ');
  if ('not' in c) return `(${fhirPath(c.not)}).not()`;
  if ('of' in c) return `(${c.of.map((x) => `iif(${fhirPath(x)}, 1, 0)`).join(' + ')}) >= ${c.atLeast}`;
  const answer = `%resource.repeat(item).where(linkId = '${c.question}').answer.value`;
  if ('atLeast' in c) return `${answer}.where($this >= ${c.atLeast}).exists()`;
  if ('atMost' in c) return `${answer}.where($this <= ${c.atMost}).exists()`;
  const codes = 'is' in c ? [c.is] : c.isAny;
  return `${answer}.where(${codes.map((code) => `code = '${code}'`).join(' or ')}).exists()`;
}

/**
 * FHIR's enableWhen is a flat list joined by all/any. Skip logic that needs more (nesting) cannot be expressed
 * faithfully, so it is refused with the question named rather than exported wrongly.
 */
function enableWhen(
  rules: Rules,
  condition: Condition,
  questionId: string,
): Pick<QuestionnaireItem, 'enableWhen' | 'enableBehavior'> {
  if ('of' in condition) {
    throw new FhirMappingError(`showIf of "${questionId}" counts conditions ("atLeast ... of"), which FHIR enableWhen cannot express`);
  }
  const leaves = 'all' in condition ? condition.all : 'any' in condition ? condition.any : [condition];
  // A lone "is any of" leaf is an "any" list of single answers.
  const behavior = 'any' in condition || 'isAny' in condition ? 'any' : 'all';
  const items: QuestionnaireItemEnableWhen[] = leaves.flatMap((leaf) => leafEnableWhen(rules, leaf, questionId, behavior));
  return { enableWhen: items, ...(items.length > 1 ? { enableBehavior: behavior } : {}) };
}

function leafEnableWhen(
  rules: Rules,
  leaf: Condition,
  questionId: string,
  behavior: 'all' | 'any',
): QuestionnaireItemEnableWhen[] {
  const fail = () => {
    throw new FhirMappingError(`showIf of "${questionId}" is too complex for FHIR enableWhen (use one level of all/any)`);
  };
  const negated = 'not' in leaf;
  const inner = negated ? leaf.not : leaf;
  if ('all' in inner || 'any' in inner || 'not' in inner || 'of' in inner) return fail();
  const target = rules.questions.find((q) => q.id === inner.question);
  if (!target) return fail();
  if ('atLeast' in inner || 'atMost' in inner) {
    if (negated) return fail();
    return [
      'atLeast' in inner
        ? { question: inner.question, operator: '>=', answerInteger: inner.atLeast }
        : { question: inner.question, operator: '<=', answerInteger: inner.atMost },
    ];
  }
  const ids = 'is' in inner ? [inner.is] : inner.isAny;
  // "any of" inside an "all" group would need nesting; a single option is always fine.
  if (ids.length > 1 && behavior === 'all') return fail();
  if (negated && ids.length > 1) return fail();
  return ids.map((id) => ({
    question: inner.question,
    operator: negated ? ('!=' as const) : ('=' as const),
    answerCoding: optionCoding(rules, target, id, 'en'),
  }));
}
