// Conditions in words, for people who do not read YAML: the review page's decision table and flow diagram,
// rules:diff, and the CLI's "does not apply" messages. One walk over the condition; the leaves are written either
// with the option labels (clinicians) or the option ids a rules author types, optionally with what was answered.
// e.g. `rf_saddle_numbness is "Yes"`, `leg_symptoms includes "Weakness"`, `pain_score is 7 or more`,
// or, for an answers file, `leg_spread is above_knee or below_knee (answered: stays_in_back)`.
import type { Condition, FollowUpCondition, NumberRange, Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import type { Answers } from './answers.ts';

export interface ConditionWordsOptions {
  locale?: Locale;
  /** Name options by id (what an answers file holds) instead of by label. */
  ids?: boolean;
  /** Say after each question what these answers hold for it. */
  answers?: Answers;
}

export function describeCondition(
  rules: Pick<Rules, 'questions'>,
  condition: Condition,
  options: ConditionWordsOptions = {},
): string {
  return words(rules, condition, options, true);
}

function words(rules: Pick<Rules, 'questions'>, c: Condition, options: ConditionWordsOptions, top: boolean): string {
  const group = (parts: Condition[], joiner: string) => {
    const text = parts.map((p) => words(rules, p, options, false)).join(joiner);
    return top || parts.length === 1 ? text : `(${text})`;
  };
  if ('all' in c) return group(c.all, ' and ');
  if ('any' in c) return group(c.any, ' or ');
  if ('not' in c) return `not (${words(rules, c.not, options, true)})`;
  if ('of' in c) return `at least ${c.atLeast} of (${c.of.map((p) => words(rules, p, options, true)).join('; ')})`;
  return `${leaf(rules, c, options)}${answered(c.question, options.answers)}`;
}

type Leaf = Extract<Condition, { question: string }>;

function leaf(rules: Pick<Rules, 'questions'>, c: Leaf, options: ConditionWordsOptions): string {
  if ('atLeast' in c) return `${c.question} is ${c.atLeast} or more`;
  if ('atMost' in c) return `${c.question} is ${c.atMost} or less`;
  const question = rules.questions.find((q) => q.id === c.question);
  const label = (id: string) => {
    if (options.ids) return id;
    const option = question && question.type !== 'scale' ? question.options.find((o) => o.id === id) : undefined;
    return option ? `"${localize(option.label, options.locale ?? 'en')}"` : id;
  };
  const ids = 'is' in c ? [c.is] : c.isAny;
  const verb = question?.type === 'multi' ? 'includes' : 'is';
  return `${c.question} ${verb} ${ids.map(label).join(' or ')}`;
}

function answered(questionId: string, answers: Answers | undefined): string {
  if (!answers) return '';
  const value = answers[questionId];
  if (value === undefined) return ' (not answered)';
  return ` (answered: ${Array.isArray(value) ? value.join(', ') : String(value)})`;
}

/**
 * A follow-up condition in words: the condition language's words, and for its own leaves "pain_score then is 5 or
 * more", "pain_score now minus then is -2 or less", "2 to 6 days since the first check".
 */
export function describeFollowUpCondition(rules: Pick<Rules, 'questions'>, c: FollowUpCondition, options: ConditionWordsOptions = {}, top = true): string {
  const group = (parts: FollowUpCondition[], joiner: string) => {
    const text = parts.map((p) => describeFollowUpCondition(rules, p, options, false)).join(joiner);
    return top || parts.length === 1 ? text : `(${text})`;
  };
  if ('all' in c) return group(c.all, ' and ');
  if ('any' in c) return group(c.any, ' or ');
  if ('not' in c) return `not (${describeFollowUpCondition(rules, c.not, options)})`;
  if ('daysSince' in c) return `${range(c.daysSince)} days since the first check`;
  if ('previousUrgency' in c) return `the earlier result was ${c.previousUrgency.isAny.join(' or ')}`;
  if ('change' in c) return `${c.change.question} now minus then is ${range(c.change)}`;
  if ('previous' in c) return leaf(rules, c.previous, options).replace(c.previous.question, `${c.previous.question} then`);
  return leaf(rules, c, options);
}

function range(r: NumberRange): string {
  if (r.atLeast !== undefined && r.atMost !== undefined) return `${r.atLeast} to ${r.atMost}`;
  return r.atLeast !== undefined ? `${r.atLeast} or more` : `${r.atMost} or less`;
}
