// The result's summary for a professional, printed or copied as text: the clinical header first (the urgency and
// what set it, the pain, age, pregnancy if it matters, the date and time, the rules' version and sign-off), then the
// checklist as the person saw it (what was found before what was not), the causes and the advice given. All but the
// list of signs answered No is under 200 words, so what was found reads in half a minute. One structure, two renderings
// (the print section of the result screen and the copied text), so paper and text always agree.
import type { Answers } from '../engine/answers.ts';
import { describeAnswer } from '../engine/because.ts';
import type { Because } from '../engine/because.ts';
import { matches, questionsIn } from '../engine/conditions.ts';
import type { Result } from '../engine/evaluate.ts';
import { walk } from '../engine/navigation.ts';
import { formatDateAndTime, type Messages } from '../i18n/index.ts';
import type { Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';

/** At most the two strongest causes that stand out: more would read like a list of diagnoses. */
export const CAUSES_SHOWN = 2;

export function shownCauses(result: Result): Result['causes'] {
  return result.causes.filter((c) => c.likelihood !== 'unlikely').slice(0, CAUSES_SHOWN);
}

/** The answer that counted, in a few words: "Numb or tingling between your legs: Yes". */
export function becauseLine(b: Because): string {
  return `${b.label}: ${b.answerText}`;
}

export interface Reason {
  reason: string;
  because: Because[];
}

/**
 * The reasons for the urgency, each said once: rules that give the same words (several "not sure" answers, a sign
 * caught two ways) are one line, with every answer behind it.
 */
export function reasonsOf(result: Result): Reason[] {
  // Only the rules that set this urgency: under "get help now", the signs that make it an emergency, not the
  // lower-level ones (or consult signs) that also fired.
  const decisive = result.redFlags.filter((f) => f.level === result.urgency);
  const hits = decisive.length > 0 ? decisive : result.redFlags.length > 0 ? result.redFlags : result.consultSigns;
  const byText = new Map<string, Reason>();
  for (const hit of hits) {
    const known = byText.get(hit.reason);
    if (!known) byText.set(hit.reason, { reason: hit.reason, because: [...hit.because] });
    else for (const b of hit.because) if (!known.because.some((k) => k.questionId === b.questionId)) known.because.push(b);
  }
  return [...byText.values()];
}

/**
 * The "this check is not for you" message, unless a warning sign decided the result: then its advice (today, or
 * now) stands alone rather than beside "see someone in the next few days".
 */
export function shownScopeExit(result: Result): Result['outOfScope'] {
  return result.redFlags.length > 0 ? null : result.outOfScope;
}

/** The summary for a health professional: a clinical header first, then the checklist, the causes and the advice. */
export interface ProfessionalSummary {
  title: string;
  date: string;
  /** The rules' version and whether a clinician signed them off. */
  rules: string;
  /** "Outcome: Urgent" */
  result: string;
  /** What set the urgency: the answers behind it, in the words shown; null when nothing did (self-care). */
  setBy: string | null;
  /**
   * On an emergency, that the check stopped there: a GP read an emergency summary without age, pain or onset and
   * could not tell "not asked" from "left out".
   */
  stopped: string | null;
  /** The clinical core (the rules' `results.summary.facts`): pain score, onset, duration, ... */
  facts: SummaryLine[];
  /** The grouped checks, by answer, each item as the person saw it. */
  checklist: { none: string[]; yes: string[]; notSure: string[] };
  causes: string[];
  /**
   * What the person was told: when to see a professional (the top card's consult line), and on an emergency what to
   * do now. The rest of the advice is the result's title and the check's own, not the professional's concern.
   */
  advice: string[];
}

export interface SummaryLine {
  label: string;
  value: string;
}

export function professionalSummary(
  rules: Rules,
  answers: Answers,
  result: Result,
  t: Messages,
  locale: Locale,
  when: Date,
  /** The language with the clinic's or browser's region (e.g. en-AU), for the date only. */
  dateLocale: string = locale,
): ProfessionalSummary {
  const say = (text: Parameters<typeof localize>[0]) => localize(text, locale);
  const line = (id: string): SummaryLine | null => {
    const question = rules.questions.find((q) => q.id === id);
    const value = answers[id];
    return question && value !== undefined ? { label: say(question.short ?? question.text), value: describeAnswer(rules, id, value, locale) } : null;
  };
  const { plan } = walk(rules, answers);
  const inGroups = new Set(plan.filter((p) => p.screen.kind === 'group').flatMap((p) => p.questions.map((q) => q.id)));
  // A sign a warning sign's rule looks at is not listed as absent: a GP read "Set by: Both legs: Yes" beside
  // "none of: ... numb, weak legs" (No on the first screen, then both legs ticked on the pain map).
  const fired = new Set(result.redFlags.flatMap((h) => questionsIn(rules.redFlags.find((r) => r.id === h.id)?.when ?? { all: [] })));
  const checklist = { none: [] as string[], yes: [] as string[], notSure: [] as string[] };
  for (const q of rules.questions) {
    const value = answers[q.id];
    if (!inGroups.has(q.id) || value === undefined) continue;
    if (value === 'no') {
      if (!fired.has(q.id)) checklist.none.push(say(q.short ?? q.text));
      continue;
    }
    // What the follow-ups to a sign found narrows it: "Side pain in waves; red or burning pee" read as renal colic
    // or blood in the pee when the person had then chosen "Only stinging when I pee".
    const narrowed = rules.questions
      .filter((f) => !inGroups.has(f.id) && f.showIf && questionsIn(f.showIf).includes(q.id))
      .map((f) => ({ id: f.id, value: answers[f.id] }))
      .filter((f) => f.value !== undefined && f.value !== 'yes' && f.value !== 'no')
      .map((f) => describeAnswer(rules, f.id, f.value as NonNullable<typeof f.value>, locale));
    const item = say(q.short ?? q.text);
    (value === 'yes' ? checklist.yes : checklist.notSure).push(narrowed.length > 0 ? `${item} (${narrowed.join('; ')})` : item);
  }
  const facts = (rules.results.summary?.facts ?? []).filter((f) => !f.when || matches(f.when, answers)).map((f) => f.question);
  const setBy = reasonsOf(result).flatMap((r) => r.because);
  const scope = shownScopeExit(result);
  const because = [...setBy, ...(scope?.because ?? [])].filter((b, i, all) => all.findIndex((x) => x.questionId === b.questionId) === i);
  return {
    title: t.summaryHeading,
    // With the time: for a sign such as numbness between the legs, the hours since the check matter.
    date: t.summaryDate(formatDateAndTime(dateLocale, when)),
    rules: t.summaryRules(result.rulesVersion, rules.meta.signoff?.on ?? null),
    // The level alone: what to do comes with the advice given.
    result: t.summaryUrgency(t.urgencyLabel[result.urgency]),
    setBy: because.length > 0 ? because.map(becauseLine).join('; ') : null,
    stopped: result.urgency === 'emergency' ? t.summaryStopped : null,
    // An answer that set the urgency is already given beside "Set by", unless it says more in full: "Set by" names
    // the one place that counted ("Pain below one knee"), the fact every place ticked (and a tingly leg with it).
    facts: facts.flatMap((id) => {
      const l = line(id);
      return l && !because.some((b) => b.questionId === id && b.answerText === l.value) ? [l] : [];
    }),
    checklist,
    causes: shownCauses(result).map((c) => t.summaryCause(c.title, t.likelihood[c.likelihood])),
    advice: result.urgency === 'emergency' ? [result.action, result.consult] : [result.consult],
  };
}

/**
 * The checklist in one line, what was found first: "Screened with a checklist. Yes to: .... Not sure of: ....
 * No to: ...; ...". The list of absent signs runs to 160 words; a finding after it was read at word 223 of 251.
 */
export function checklistLine(checklist: ProfessionalSummary['checklist'], t: Messages): string | null {
  const parts = [
    checklist.yes.length > 0 ? t.summaryYesTo(checklist.yes.join('; ')) : '',
    checklist.notSure.length > 0 ? t.summaryNotSureOf(checklist.notSure.join('; ')) : '',
    checklist.none.length > 0 ? t.summaryNoneOf(checklist.none.join('; ')) : '',
  ].filter(Boolean);
  return parts.length > 0 ? `${t.summaryChecklist}. ${parts.join('. ')}.` : null;
}

/** The summary as plain text, for "Copy as text": something to paste into a message to a professional. */
export function summaryText(summary: ProfessionalSummary, t: Messages): string {
  const pairs = (lines: SummaryLine[]) => lines.map((l) => `${l.label}: ${l.value}`);
  const checklist = checklistLine(summary.checklist, t);
  const lines: string[] = [
    summary.title,
    `${summary.date}. ${summary.rules}.`,
    '',
    summary.result,
    ...(summary.setBy ? [`${t.summarySetBy}: ${summary.setBy}`] : []),
    ...(summary.stopped ? [summary.stopped] : []),
    ...pairs(summary.facts),
    ...(checklist ? ['', checklist] : []),
    '',
    ...(summary.causes.length > 0 ? [`${t.summaryCauses}: ${summary.causes.join('; ')}`] : []),
    `${t.summaryAdvice}: ${summary.advice.join(' ')}`,
  ];
  return lines.join('\n');
}
