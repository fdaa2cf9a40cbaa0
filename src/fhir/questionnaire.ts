// The rules as a FHIR R4 Questionnaire, so a clinic's record system can read answers shared by the widget.
// Sections become groups, and so does each grouped check ("Do you have any of these?") inside its section; choice
// questions carry their options as codings in a code system named after the rules.
import type { Coding, Questionnaire, QuestionnaireItem, QuestionnaireItemEnableWhen } from 'fhir/r4';
import { layoutOf } from '../engine/screens.ts';
import type { Condition, Question, Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';

export const BACKCHECK_BASE = 'urn:backcheck';

export function questionnaireUrl(rules: Rules): string {
  return `${BACKCHECK_BASE}:questionnaire:${rules.meta.id}`;
}

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

export function toQuestionnaire(rules: Rules, locale: Locale = 'en'): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: rules.meta.id.replace(/_/g, '-'),
    url: questionnaireUrl(rules),
    version: rules.meta.version,
    name: rules.meta.id,
    title: localize(rules.meta.title, locale),
    status: 'draft',
    // The date a clinician signed the content off, when one has (src/rules/content-hash.ts checks it still applies).
    ...(rules.meta.signoff ? { date: rules.meta.signoff.on } : {}),
    language: locale,
    item: rules.sections.map((section) => ({
      linkId: section.id,
      type: 'group' as const,
      text: localize(section.title, locale),
      item: layoutOf(rules)
        .screens.filter((screen) => screen.section === section.id)
        .flatMap((screen): QuestionnaireItem[] => {
          const items = screen.questions.map((q) => questionItem(rules, q, locale));
          if (screen.kind !== 'group') return items;
          return [{ linkId: screen.id, type: 'group', text: screen.title ? localize(screen.title, locale) : screen.id, item: items }];
        }),
    })),
  };
}

function questionItem(rules: Rules, q: Question, locale: Locale): QuestionnaireItem {
  const base: QuestionnaireItem = {
    linkId: q.id,
    text: localize(q.text, locale),
    type: q.type === 'scale' ? 'integer' : 'choice',
    required: true,
    ...(q.showIf ? enableWhen(rules, q.showIf, q.id) : {}),
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
