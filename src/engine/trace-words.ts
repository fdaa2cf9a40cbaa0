// The rules that fired, one line each: the review page's "try it" panel and the scenario reports (rules:test).
import type { FiredRule, Result } from './evaluate.ts';

const KIND: Record<FiredRule['kind'], string> = {
  redFlag: 'Red flag',
  consultSign: 'Consult sign',
  scopeExit: 'Scope exit',
  evidence: 'Evidence',
  advice: 'Advice',
};

export function describeTrace(trace: readonly FiredRule[], because: Readonly<Record<string, readonly string[]>> = {}): string[] {
  return trace.map((r) => {
    if (r.kind === 'evidence') return `${KIND[r.kind]} ${r.id}: ${r.cause} ${r.weight !== undefined && r.weight >= 0 ? '+' : ''}${r.weight ?? 0}`;
    const answers = because[`${r.kind}:${r.id}`];
    return answers && answers.length > 0 ? `${KIND[r.kind]} ${r.id} (because ${answers.join(', ')})` : `${KIND[r.kind]} ${r.id}`;
  });
}

/**
 * The answers behind each red flag, consult sign, scope exit and line of advice that fired, in a few words each
 * ("Numb or tingling between your legs: Yes"), keyed as `describeTrace` reads them: the rule's name alone left a
 * reviewing clinician asking which answers made it fire.
 */
export function becauseByRule(result: Result): Record<string, string[]> {
  const words = (list: readonly { label: string; answerText: string }[]) => list.map((b) => `${b.label}: ${b.answerText}`);
  const byRule: Record<string, string[]> = {};
  for (const hit of result.redFlags) byRule[`redFlag:${hit.id}`] = words(hit.because);
  for (const hit of result.consultSigns) byRule[`consultSign:${hit.id}`] = words(hit.because);
  for (const hit of result.advice) byRule[`advice:${hit.id}`] = words(hit.because);
  if (result.outOfScope) byRule[`scopeExit:${result.outOfScope.id}`] = words(result.outOfScope.because);
  return byRule;
}
