// "Because you answered ...": the human words for the answers a rule looked at.
import type { Condition, Question, Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { matches, questionsIn } from './conditions.ts';
import { rulesIndex } from './rules-index.ts';
import { wholeKey } from './words-keys.ts';

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

/** How the words read the answers: whether a condition holds, and a question's answer. */
export interface AnswerReader {
  holds(condition: Condition): boolean;
  valueOf(questionId: string): AnswerValue | undefined;
}

/** Reading an answers record by id. */
export function recordReader(answers: Answers): AnswerReader {
  return { holds: (c) => matches(c, answers), valueOf: (id) => answers[id] };
}

/**
 * The answers that made a condition true, with the person's answers in words: only the parts that held (an `any`
 * lists the branch that matched, not the questions answered "no"), and for a tick list only the options the rule
 * names (ticks that count for another cause are not quoted here). A condition that does not hold gives nothing.
 */
export function answerText(rules: Rules, answers: Answers, when: Condition, locale: Locale): Because[] {
  return answerTextRead(rules, recordReader(answers), when, locale);
}

/** `answerText` with the answers read through `reader` (evaluate reads them by slot). */
export function answerTextRead(rules: Rules, reader: AnswerReader, when: Condition, locale: Locale): Because[] {
  // Most rules are one question: no bookkeeping needed (evaluate runs this for every rule that fires).
  if ('question' in when) {
    if (!reader.holds(when)) return [];
    const counted = new Map<string, Set<string> | 'all'>([[when.question, namedTicks(when, reader.valueOf(when.question))]]);
    return describeCounted(rules, reader, counted, locale);
  }
  const counted = new Map<string, Set<string> | 'all'>();
  collect(when, reader, counted);
  return describeCounted(rules, reader, counted, locale);
}

/** The answers behind several conditions, each question once, its counted options merged. */
export function answerTextOfAll(rules: Rules, answers: Answers, conditions: readonly Condition[], locale: Locale): Because[] {
  return answerTextOfAllRead(rules, recordReader(answers), conditions, locale);
}

/** `answerTextOfAll` with the answers read through `reader`. */
export function answerTextOfAllRead(rules: Rules, reader: AnswerReader, conditions: readonly Condition[], locale: Locale): Because[] {
  const counted = new Map<string, Set<string> | 'all'>();
  for (const when of conditions) collect(when, reader, counted);
  return describeCounted(rules, reader, counted, locale);
}

/** Record, per question, which of its answers made `c` true (nothing when `c` is false). */
function collect(c: Condition, reader: AnswerReader, counted: Map<string, Set<string> | 'all'>): void {
  if (!reader.holds(c)) return;
  if ('all' in c) return c.all.forEach((x) => collect(x, reader, counted));
  if ('any' in c) return c.any.forEach((x) => collect(x, reader, counted));
  if ('of' in c) return c.of.forEach((x) => collect(x, reader, counted));
  if ('not' in c) {
    // A "not" holds because of what was answered instead: quote the whole answer.
    for (const id of questionsIn(c.not)) if (reader.valueOf(id) !== undefined) counted.set(id, 'all');
    return;
  }
  const before = counted.get(c.question);
  if (before === 'all') return;
  const ticks = namedTicks(c, reader.valueOf(c.question));
  if (ticks === 'all' || before === undefined) counted.set(c.question, ticks);
  else for (const id of ticks) before.add(id);
}

/** For a leaf that holds: the ticks of a tick list it names, or 'all' (the whole answer counts). */
function namedTicks(c: Extract<Condition, { question: string }>, value: AnswerValue | undefined): Set<string> | 'all' {
  const named = 'is' in c ? [c.is] : 'isAny' in c ? c.isAny : null;
  if (!Array.isArray(value) || named === null) return 'all';
  return new Set(named.filter((id) => value.includes(id)));
}

function describeCounted(rules: Rules, reader: AnswerReader, counted: Map<string, Set<string> | 'all'>, locale: Locale): Because[] {
  const { questionById, order } = rulesIndex(rules);
  // In asking order, whatever order the rules named them in.
  const ids = counted.size === 1 ? [...counted.keys()] : [...counted.keys()].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const out: Because[] = [];
  for (const id of ids) {
    const question = questionById.get(id);
    const which = counted.get(id);
    const value = reader.valueOf(id);
    if (!question || which === undefined || value === undefined) continue;
    const answer: AnswerValue = which === 'all' || !Array.isArray(value) ? value : value.filter((v) => which.has(v));
    out.push(becauseOf(rules, question, answer, locale));
  }
  return out;
}

/**
 * One quoted answer, made once per rules, question, answer and language: a result quotes the same few answers again
 * and again (each warning sign answered "I'm not sure"), and every fired rule used to build its own.
 */
function becauseOf(rules: Rules, question: Question, answer: AnswerValue, locale: Locale): Because {
  let byQuestion = becauseCache.get(rules);
  if (!byQuestion) becauseCache.set(rules, (byQuestion = { en: new Map(), es: new Map() }));
  let byAnswer = byQuestion[locale].get(question.id);
  if (!byAnswer) byQuestion[locale].set(question.id, (byAnswer = new Map()));
  const key = wholeKey(answer);
  let because = byAnswer.get(key);
  if (!because) {
    // Bounded: tick lists could otherwise keep every combination a long run meets.
    if (byAnswer.size >= BECAUSE_KEPT) byAnswer.clear();
    // Frozen, with its own copy of a tick list: every later result that quotes this answer gets this object.
    because = Object.freeze({
      questionId: question.id,
      answer: Array.isArray(answer) ? (Object.freeze([...answer]) as string[]) : answer,
      question: localize(question.text, locale),
      label: localize(question.short ?? question.text, locale),
      answerText: describeAnswer(rules, question.id, answer, locale),
    });
    byAnswer.set(key, because);
  }
  return because;
}

const BECAUSE_KEPT = 256;
const becauseCache = new WeakMap<Rules, Record<Locale, Map<string, Map<string, Because>>>>();

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
