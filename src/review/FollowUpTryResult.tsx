// What a follow-up with these answers shows the person: the outcome and its words, this week's step, and every
// follow-up rule that holds. When a warning sign (or a more urgent answer) decides, it says so: the person then sees
// the usual result, and the outcome is listed only for the clinician.
import { usualReason, type FollowUpTry } from './follow-up-try.ts';

export function FollowUpTryResult({ tried }: { tried: FollowUpTry }) {
  const { earlier, comparison: c, holding } = tried;
  const reason = usualReason(c);
  const kept = Object.entries(earlier.answers);
  // The first of each that holds is the one the person reads, unless the usual result decides.
  const first = reason ? ' (first, not shown)' : ' (the one shown)';
  const rows = [
    ...holding.outcomes.map((id, i) => ({ key: `o-${id}`, line: `Outcome ${id}${i === 0 ? first : ''}` })),
    ...holding.steps.map((id, i) => ({ key: `s-${id}`, line: `Step ${id}${i === 0 ? first : ''}` })),
  ];
  return (
    <>
      <h4>Follow-up</h4>
      <p>
        Earlier check: {earlier.daysAgo} {earlier.daysAgo === 1 ? 'day' : 'days'} ago, {earlier.urgency}; kept answers:{' '}
        {kept.length === 0 ? 'none given' : kept.map(([id, v]) => `${id} ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('; ')}.
      </p>
      {reason ? (
        <p className="backcheck-tryit__urgency backcheck-tryit__urgency--urgent">
          <strong>The usual result decides:</strong> {reason}.
        </p>
      ) : null}
      <dl className="backcheck-review__meta">
        <dt>Outcome</dt>
        <dd>
          {c.outcome ? (
            <>
              <code>{c.outcome.id}</code> ({c.outcome.outcome}: {c.outcome.level}){reason ? ', not shown' : ''}: “{c.text}”
            </>
          ) : (
            'None holds.'
          )}
        </dd>
        <dt>This week</dt>
        <dd>
          {c.step ? (
            <>
              <code>{c.step.id}</code>: “{c.step.text}”
            </>
          ) : reason ? (
            'Not shown: the usual result decides.'
          ) : (
            'None holds.'
          )}
        </dd>
      </dl>
      <h4>Follow-up rules that hold</h4>
      {rows.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul aria-label="Follow-up rules that hold">
          {rows.map((r) => (
            <li key={r.key}>{r.line}</li>
          ))}
        </ul>
      )}
    </>
  );
}
