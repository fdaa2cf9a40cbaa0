// "Because you answered ...": the human words for the answers a rule looked at.
import type { Condition, Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { questionIdsOf, rulesIndex } from './rules-index.ts';

export interface Because {
  questionId: string;
  answer: AnswerValue;
  /** The question as the person read it. */
  question: string;
  /** The question in a few words (its short label where it has one): what a "because" line shows. */
  label: string;
  /** Their answer, in words. */
  answerText: string;
}

/** The answered questions a condition refers to, with the person's answers in words. */
export function answerText(rules: Rules, answers: Answers, when: Condition, locale: Locale): Because[] {
  const { questionById } = rulesIndex(rules);
  const out: Because[] = [];
  for (const id of questionIdsOf(when)) {
    const value = answers[id];
    const question = questionById.get(id);
    if (value === undefined || !question) continue;
    out.push({
      questionId: id,
      answer: value,
      question: localize(question.text, locale),
      label: localize(question.short ?? question.text, locale),
      answerText: describeAnswer(rules, id, value, locale),
    });
  }
  return out;
}

/** One answer in words: the option label(s), or the number for a scale. */
export function describeAnswer(rules: Rules, questionId: string, value: AnswerValue, locale: Locale): string {
  const index = rulesIndex(rules);
  const question = index.questionById.get(questionId);
  if (!question) return String(value);
  if (question.type === 'scale') return numberFormat(locale).format(Number(value));
  const options = index.optionById.get(questionId);
  const label = (id: string) => {
    const option = options?.get(id);
    return option ? localize(option.label, locale) : id;
  };
  const ids = Array.isArray(value) ? value : [String(value)];
  // Most answers are one option: no list to join.
  return ids.length === 1 ? label(ids[0] as string) : listFormat(locale).format(ids.map(label));
}

// Building an Intl formatter costs far more than formatting with one (it was half of `evaluate`'s time in the
// bench), so each locale's formatters are made once and reused.
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const listFormats = new Map<Locale, Intl.ListFormat>();

function numberFormat(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function listFormat(locale: Locale): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format;
}
