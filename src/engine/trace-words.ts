// The rules that fired, one line each: the review page's "try it" panel and the scenario reports (rules:test).
import type { FiredRule } from './evaluate.ts';

const KIND: Record<FiredRule['kind'], string> = {
  redFlag: 'Red flag',
  consultSign: 'Consult sign',
  scopeExit: 'Scope exit',
  evidence: 'Evidence',
  advice: 'Advice',
};

export function describeTrace(trace: readonly FiredRule[]): string[] {
  return trace.map((r) =>
    r.kind === 'evidence'
      ? `${KIND[r.kind]} ${r.id}: ${r.cause} ${r.weight !== undefined && r.weight >= 0 ? '+' : ''}${r.weight ?? 0}`
      : `${KIND[r.kind]} ${r.id}`,
  );
}
