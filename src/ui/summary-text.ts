// The result as plain text, for "Copy as text": something a person can paste into a message to a professional.
import type { Answers } from '../engine/answers.ts';
import { describeAnswer } from '../engine/because.ts';
import type { Because } from '../engine/because.ts';
import type { Result } from '../engine/evaluate.ts';
import { formatDate, type Messages } from '../i18n/index.ts';
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

export function summaryText(
  rules: Rules,
  answers: Answers,
  result: Result,
  t: Messages,
  locale: Locale,
  when: Date,
  /** The language with the clinic's or browser's region (e.g. en-AU), for the date only. */
  dateLocale: string = locale,
): string {
  const lines: string[] = [
    t.summaryHeading,
    t.summaryDate(formatDate(dateLocale, when)),
    t.summaryVersion(localize(rules.meta.title, locale), result.rulesVersion, rules.meta.signoff?.on ?? null),
    '',
    t.summaryUrgency(t.urgencyLabel[result.urgency], result.title),
    result.action,
  ];
  const reasons = reasonsOf(result);
  if (reasons.length > 0) {
    lines.push('', `${t.redFlagsTitle}:`);
    for (const r of reasons) {
      lines.push(`- ${r.reason}`);
      for (const b of r.because) lines.push(`  ${t.becauseTitle} ${becauseLine(b)}`);
    }
  }
  const scope = shownScopeExit(result);
  if (scope) lines.push('', scope.title, scope.message);
  const causes = shownCauses(result);
  if (causes.length > 0) {
    lines.push('', `${t.causesTitle}:`);
    for (const c of causes) {
      lines.push(`- ${t.summaryCause(c.title, t.likelihood[c.likelihood])}: ${c.summary}`);
      for (const b of c.because) lines.push(`  ${t.becauseTitle} ${becauseLine(b)}`);
    }
  }
  if (result.urgency === 'emergency') lines.push('', result.consult);
  else lines.push('', `${t.consultTitle}:`, result.consult);
  if (result.safetyNet) lines.push('', `${result.safetyNet.title}:`, ...result.safetyNet.items.map((i) => `- ${i}`));
  if (result.selfCareAdvice) lines.push('', `${result.selfCareAdvice.title}:`, ...result.selfCareAdvice.items.map((i) => `- ${i}`));
  lines.push('', `${t.summaryAnswers}:`);
  for (const q of rules.questions) {
    const value = answers[q.id];
    if (value !== undefined) lines.push(`- ${localize(q.text, locale)} ${describeAnswer(rules, q.id, value, locale)}`);
  }
  lines.push('', result.disclaimer);
  return lines.join('\n');
}
