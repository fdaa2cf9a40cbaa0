// The same questions as SurveyJS JSON, generated from the rules (never written by hand), for the side-by-side bench:
// one page per screen of ours, in asking order, with each question's skip logic as a SurveyJS expression. A grouped
// check becomes what it asks: "any of these?" (Yes / No / I'm not sure), then "Which of these?" after Yes, or each
// sign on its own after "I'm not sure". The first page is a start page with the same intro and a Start button.
import type { Condition, Question, Rules, Text } from '../../src/rules/schema.ts';
import { layoutOf } from '../../src/engine/screens.ts';

/** The few SurveyJS JSON shapes used here (survey-core's own JSON types are loose `any`). */
export interface SurveyElement {
  type: 'radiogroup' | 'checkbox' | 'rating' | 'html';
  name: string;
  title?: string;
  description?: string;
  html?: string;
  choices?: { value: string; text: string }[];
  rateMin?: number;
  rateMax?: number;
  minRateDescription?: string;
  maxRateDescription?: string;
  visibleIf?: string;
  isRequired?: boolean;
}

export interface SurveyJson {
  title: string;
  firstPageIsStartPage: true;
  startSurveyText: string;
  pages: { name: string; title?: string; elements: SurveyElement[] }[];
}

const en = (text: Text | undefined): string => (text ? (text.en ?? '') : '');

/** Our condition as a SurveyJS expression over the question values. */
export function surveyExpression(condition: Condition, rules: Rules): string {
  if ('all' in condition) return condition.all.map((c) => `(${surveyExpression(c, rules)})`).join(' and ');
  if ('any' in condition) return condition.any.map((c) => `(${surveyExpression(c, rules)})`).join(' or ');
  if ('not' in condition) return `!(${surveyExpression(condition.not, rules)})`;
  // "At least N of": SurveyJS counts with its iif() function.
  if ('of' in condition) return `(${condition.of.map((c) => `iif(${surveyExpression(c, rules)}, 1, 0)`).join(' + ')}) >= ${condition.atLeast}`;
  const value = `{${condition.question}}`;
  if ('atLeast' in condition) return `${value} >= ${condition.atLeast}`;
  if ('atMost' in condition) return `${value} <= ${condition.atMost}`;
  const quote = (id: string) => `'${id}'`;
  if ('is' in condition) {
    const question = rules.questions.find((q) => q.id === condition.question);
    return question?.type === 'multi' ? `${value} contains ${quote(condition.is)}` : `${value} = ${quote(condition.is)}`;
  }
  return `${value} anyof [${condition.isAny.map(quote).join(', ')}]`;
}

function element(question: Question, rules: Rules, extraVisibleIf?: string): SurveyElement {
  const visibleIf = [question.showIf ? surveyExpression(question.showIf, rules) : undefined, extraVisibleIf]
    .filter((e): e is string => e !== undefined)
    .map((e) => `(${e})`)
    .join(' and ');
  const common = {
    name: question.id,
    title: en(question.text),
    ...(question.hint ? { description: en(question.hint) } : {}),
    ...(visibleIf ? { visibleIf } : {}),
    isRequired: true,
  };
  if (question.type === 'scale') {
    return { ...common, type: 'rating', rateMin: question.min, rateMax: question.max, minRateDescription: en(question.minLabel), maxRateDescription: en(question.maxLabel) };
  }
  return {
    ...common,
    type: question.type === 'multi' ? 'checkbox' : 'radiogroup',
    choices: question.options.map((o) => ({ value: o.id, text: en(o.label) })),
  };
}

export function surveyJson(rules: Rules, intro: { lead: string; start: string; whichTitle: string }): SurveyJson {
  const pages = layoutOf(rules).screens.map((screen) => {
    if (screen.kind !== 'group') {
      return { name: screen.id, ...(screen.title ? { title: en(screen.title) } : {}), elements: screen.questions.map((q) => element(q, rules)) };
    }
    const any = `group_${screen.id}`;
    const elements: SurveyElement[] = [
      {
        type: 'radiogroup',
        name: any,
        title: en(screen.title),
        description: screen.questions.map((q) => en(q.short)).join('; '),
        choices: [
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
          { value: 'not_sure', text: "I'm not sure" },
        ],
        isRequired: true,
      },
      {
        type: 'checkbox',
        name: `${any}_which`,
        title: intro.whichTitle,
        choices: screen.questions.map((q) => ({ value: q.id, text: en(q.short) })),
        visibleIf: `{${any}} = 'yes'`,
        isRequired: true,
      },
      ...screen.questions.map((q) => element(q, rules, `{${any}} = 'not_sure'`)),
    ];
    return { name: screen.id, elements };
  });
  return {
    title: en(rules.meta.title),
    firstPageIsStartPage: true,
    startSurveyText: intro.start,
    pages: [{ name: 'intro', elements: [{ type: 'html', name: 'intro', html: `<p>${intro.lead}</p>` }] }, ...pages],
  };
}
