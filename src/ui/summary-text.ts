// The result as plain text, for "Copy as text": something a person can paste into a message to a professional.
import type { Answers } from '../engine/answers.ts';
import { describeAnswer } from '../engine/because.ts';
import type { Because } from '../engine/because.ts';
import type { Result } from '../engine/evaluate.ts';
import { formatDate, type Messages } from '../i18n/index.ts';
import type { Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';

export function shownCauses(result: Result): Result['causes'] {
  return result.causes.filter((c) => c.likelihood !== 'unlikely');
}

export function becauseLine(b: Because): string {
  return `${b.question} — ${b.answerText}`;
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
    t.summaryVersion(result.rulesId, result.rulesVersion, rules.meta.signoff?.on ?? null),
    '',
    t.summaryUrgency(t.urgencyLabel[result.urgency], result.title),
    result.action,
  ];
  const reasons = result.redFlags.length > 0 ? result.redFlags : result.consultSigns;
  if (reasons.length > 0) {
    lines.push('', `${t.redFlagsTitle}:`);
    for (const r of reasons) {
      lines.push(`- ${r.reason}`);
      for (const b of r.because) lines.push(`  ${t.becauseTitle} ${becauseLine(b)}`);
    }
  }
  if (result.outOfScope) lines.push('', result.outOfScope.title, result.outOfScope.message);
  const causes = shownCauses(result);
  if (causes.length > 0) {
    lines.push('', `${t.causesTitle}:`);
    for (const c of causes) {
      lines.push(`- ${t.summaryCause(c.title, t.likelihood[c.likelihood])}: ${c.summary}`);
      for (const b of c.because) lines.push(`  ${t.becauseTitle} ${becauseLine(b)}`);
    }
  }
  lines.push('', `${t.consultTitle}:`, result.consult, '', `${t.summaryAnswers}:`);
  for (const q of rules.questions) {
    const value = answers[q.id];
    if (value !== undefined) lines.push(`- ${localize(q.text, locale)} ${describeAnswer(rules, q.id, value, locale)}`);
  }
  lines.push('', result.disclaimer);
  return lines.join('\n');
}
