// The follow-up block (issue #18) checked by trying it: every pain score, answer and day the comparison can meet
// gives an outcome and a step (none missing), each outcome and step is shown for some of them (none shadowed by the
// ones before it), and the red flags a follow-up cannot meet again (it asks none of their questions) are named.
import { followUpQuestionsIn, matchesFollowUp, type FollowUpFacts } from '../engine/follow-up.ts';
import { questionsIn } from '../engine/conditions.ts';
import type { AnswerValue } from '../engine/answers.ts';
import type { FollowUpCondition, Question, Rules } from '../rules/schema.ts';
import type { Finding } from './finding.ts';

const MAX_DAYS = 30;

/** Every value a question can take, and unanswered. */
function valuesOf(question: Question | undefined): (AnswerValue | undefined)[] {
  if (!question) return [undefined];
  if (question.type === 'scale') return [undefined, ...Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i)];
  return [undefined, ...question.options.map((o) => o.id)];
}

/**
 * The days worth trying: the first day of each stretch over which no `daysSince` condition changes, from the first
 * offer to MAX_DAYS. Every other day gives the same outcome and step as the first day of its stretch, and that first
 * day comes first in the order tried, so the example a gap is reported with is the one trying every day gives.
 */
function daysToTry(conditions: readonly FollowUpCondition[], firstDay: number): number[] {
  const starts = new Set([firstDay]);
  const visit = (c: FollowUpCondition): void => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if ('daysSince' in c) {
      const { atLeast, atMost } = c.daysSince;
      if (atLeast !== undefined) starts.add(Math.ceil(atLeast));
      if (atMost !== undefined) starts.add(Math.floor(atMost) + 1);
    }
  };
  conditions.forEach(visit);
  return [...starts].filter((d) => d >= firstDay && d <= MAX_DAYS).sort((a, b) => a - b);
}

/** The facts worth trying: only the questions (now and then) the conditions read, on the days they tell apart. */
function factsToTry(rules: Rules, conditions: readonly FollowUpCondition[]): FollowUpFacts[] {
  const followUp = rules.followUp;
  if (!followUp) return [];
  const byId = new Map(rules.questions.map((q) => [q.id, q]));
  const read = [...new Set(conditions.flatMap(followUpQuestionsIn))];
  const kept = new Set(followUp.keep);
  const asked = new Set(followUp.ask.questions);
  const dimensions: { side: 'answers' | 'previous'; id: string; values: (AnswerValue | undefined)[] }[] = [
    ...read.filter((id) => asked.has(id)).map((id) => ({ side: 'answers' as const, id, values: valuesOf(byId.get(id)).filter((v) => v !== undefined) })),
    ...read.filter((id) => kept.has(id)).map((id) => ({ side: 'previous' as const, id, values: valuesOf(byId.get(id)) })),
  ];
  const firstDay = Math.min(...Object.values(followUp.afterDays).filter((d): d is number => d !== undefined));
  let all: FollowUpFacts[] = [];
  // Each day the conditions tell apart, after each result a follow-up is offered on (what the person was last told).
  for (const day of daysToTry(conditions, firstDay)) {
    for (const previousUrgency of followUp.offerFor) all.push({ answers: {}, previous: {}, daysSince: day, previousUrgency });
  }
  for (const d of dimensions) {
    all = all.flatMap((f) =>
      d.values.map((v) => (v === undefined ? f : { ...f, [d.side]: { ...f[d.side], [d.id]: v } })),
    );
  }
  return all;
}

function firstMatchFindings(rules: Rules, list: 'outcomes' | 'steps'): Finding[] {
  const rows = rules.followUp?.[list] ?? [];
  const shown = new Set<number>();
  let missing: FollowUpFacts | null = null;
  for (const facts of factsToTry(rules, rows.map((r) => r.when))) {
    const i = rows.findIndex((r) => matchesFollowUp(r.when, facts));
    if (i < 0) missing ??= facts;
    else shown.add(i);
  }
  const findings: Finding[] = [];
  if (missing) {
    const example = JSON.stringify({ now: missing.answers, then: missing.previous, daysSince: missing.daysSince, after: missing.previousUrgency });
    findings.push({ severity: 'error', check: 'follow-up', path: ['followUp', list], message: `no ${list === 'steps' ? 'step' : 'outcome'} holds for some follow-ups, e.g. ${example}: end with one that always holds` });
  }
  rows.forEach((r, i) => {
    if (!shown.has(i)) findings.push({ severity: 'warning', check: 'follow-up', path: ['followUp', list, i], message: `"${r.id}" is never shown: those before it always hold first` });
  });
  return findings;
}

export function followUpFindings(rules: Rules): Finding[] {
  const followUp = rules.followUp;
  if (!followUp) return [];
  const screens = new Set(followUp.screens);
  const asked = new Set([...(rules.screens ?? []).filter((s) => screens.has(s.id)).flatMap((s) => s.questions), ...followUp.ask.questions]);
  const unmet = rules.redFlags.filter((r) => !questionsIn(r.when).some((id) => asked.has(id))).map((r) => r.id);
  return [
    ...firstMatchFindings(rules, 'outcomes'),
    ...firstMatchFindings(rules, 'steps'),
    ...(unmet.length > 0
      ? [{ severity: 'info' as const, check: 'follow-up' as const, path: ['followUp', 'screens'], message: `the follow-up asks none of the questions of these red flags, so they cannot fire in it: ${unmet.join(', ')}` }]
      : []),
  ];
}
