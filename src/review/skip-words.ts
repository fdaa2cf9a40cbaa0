// When and why the check leaves a question out, in words for clinicians: what a question's answer can move (shown
// in the flow), and, for answers tried on the page, why a question was not asked.
import type { LeftOut } from '../engine/navigation.ts';
import { targetsOf, type SkipReason } from '../engine/relevance.ts';
import type { Rules } from '../rules/schema.ts';

const KIND: Record<SkipReason['target'], string> = {
  redFlag: 'red flag',
  consultSign: 'consult sign',
  scopeExit: 'scope exit',
  advice: 'advice',
  cause: 'cause',
};

/** "Asked while it can change …": the rules and causes its answer can move. */
export function whenAsked(rules: Rules, questionId: string): string {
  const targets = targetsOf(rules, questionId);
  if (targets.length === 0) return 'Never asked: no rule reads its answer, so no answer could change the result.';
  const named = targets.map((t) => (t.kind === 'cause' ? `cause ${t.id} (its band)` : `${KIND[t.kind]} ${t.id}`));
  return `Asked while its answer can still change ${named.join(', ')}; left out once none of these can (after a red flag, only what could raise the urgency is asked).`;
}

function reasonWords(r: SkipReason): string {
  const what = `${KIND[r.target]} ${r.id}`;
  switch (r.status) {
    case 'fires':
      return `${what} fires whatever it is answered`;
    case 'cannot-fire':
      return `${what} can no longer fire`;
    case 'settled':
      return `${what} is ${r.band ?? '?'} whatever the answers still to come`;
    case 'unmoved':
      return `${what} does not depend on it, given the answers before it`;
    case 'not-above':
      return `${what} could not raise the urgency already reached`;
  }
}

/** Why the check does not ask a question, for these answers. */
export function leftOutWords(leftOut: LeftOut): string {
  switch (leftOut.kind) {
    case 'hidden':
      return 'not shown: its skip logic is false for these answers';
    case 'ended':
      return 'not asked: an emergency answer ended the check before it';
    case 'cannot-change':
      return leftOut.reasons.length === 0
        ? 'not asked: no rule reads its answer'
        : `not asked: no answer could change the result (${leftOut.reasons.map(reasonWords).join('; ')})`;
  }
}
