// Conditions in words, for people who do not read YAML: the review page's decision table and rules:diff.
// e.g. `rf_saddle_numbness is "Yes"`, `leg_symptoms includes "Weakness, ..."`, `pain_score is 7 or more`.
import type { Condition, Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';

export function describeCondition(rules: Pick<Rules, 'questions'>, condition: Condition, locale: Locale = 'en'): string {
  return words(rules, condition, locale, true);
}

function words(rules: Pick<Rules, 'questions'>, c: Condition, locale: Locale, top: boolean): string {
  const group = (parts: Condition[], joiner: string) => {
    const text = parts.map((p) => words(rules, p, locale, false)).join(joiner);
    return top || parts.length === 1 ? text : `(${text})`;
  };
  if ('all' in c) return group(c.all, ' and ');
  if ('any' in c) return group(c.any, ' or ');
  if ('not' in c) return `not (${words(rules, c.not, locale, true)})`;
  if ('atLeast' in c) return `${c.question} is ${c.atLeast} or more`;
  if ('atMost' in c) return `${c.question} is ${c.atMost} or less`;
  const question = rules.questions.find((q) => q.id === c.question);
  const label = (id: string) => {
    const option = question && question.type !== 'scale' ? question.options.find((o) => o.id === id) : undefined;
    return option ? `"${localize(option.label, locale)}"` : id;
  };
  const ids = 'is' in c ? [c.is] : c.isAny;
  const verb = question?.type === 'multi' ? 'includes' : 'is';
  return `${c.question} ${verb} ${ids.map(label).join(' or ')}`;
}
