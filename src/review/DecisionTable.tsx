// One list of rules as a decision table: condition in words -> effect, with the rationale and source.
// Red flags carry a visible "Red flag" label and a marker, so they do not rely on colour alone.
import type { RuleTable } from './rule-rows.ts';

export function DecisionTable({ table }: { table: RuleTable }) {
  const headingId = `review-table-${table.id}`;
  return (
    <section className="backcheck-review__block" aria-labelledby={headingId}>
      <h3 id={headingId}>{table.title}</h3>
      <p className="backcheck-review__note">{table.description}</p>
      {table.rows.length === 0 ? (
        <p>None.</p>
      ) : (
        // A wide table scrolls inside this box on small screens: focusable and named, so keyboard users can scroll it
        // (axe scrollable-region-focusable) and screen readers announce what the region holds.
        <div className="backcheck-review__scroll" tabIndex={0} role="region" aria-label={`${table.title} (table, scrolls sideways)`}>
          <table className="backcheck-review__table">
            <caption className="backcheck-review__visually-hidden">{table.title}: when, then, why</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">When</th>
                <th scope="col">Then</th>
                <th scope="col">Why (rationale)</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                // Each row has an address (/review#red-flags-saddle_numbness) a clinician can send a colleague.
                <tr key={row.id} id={`${table.id}-${row.id}`} className={table.redFlags ? `backcheck-review__row--${row.level ?? 'flag'}` : undefined}>
                  <th scope="row">
                    <code>{row.id}</code>
                  </th>
                  <td>{row.when}</td>
                  <td>
                    {table.redFlags ? (
                      <strong className="backcheck-review__flag">
                        <span aria-hidden="true">⚠ </span>Red flag: {row.effect}
                      </strong>
                    ) : (
                      <span>{row.effect}</span>
                    )}
                    {row.says ? <span className="backcheck-review__says">Tells the person: “{row.says}”</span> : null}
                  </td>
                  <td>{row.rationale ?? '—'}</td>
                  <td>{row.source ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
