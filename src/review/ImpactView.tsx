// The impact of a rules change on the review page: the same report as `rules:diff --impact` (the same analysis
// made it), as headings, lists and tables. Whatever lowers an urgency comes first, marked in words and by an icon.
import type { ReactNode } from 'react';
import { countWords, exampleWords, LOWERS_MARK, outcomeWords, share } from '../lint/impact-words.ts';
import type { ChangeKind, ImpactReport } from '../lint/impact.ts';

const n = (x: number) => x.toLocaleString('en-US');

function Kind({ kind, total }: { kind: ChangeKind; total: number }) {
  return (
    <li className={kind.lowersUrgency ? 'backcheck-review__change backcheck-review__change--lower' : 'backcheck-review__change'}>
      <strong>
        {kind.lowersUrgency ? <span>{LOWERS_MARK}: </span> : null}
        {kind.title}
      </strong>{' '}
      — {countWords(kind, total)}
      {kind.examples.length > 0 ? (
        <ul aria-label={`Examples: ${kind.title}`}>
          {kind.examples.map((e) => (
            <li key={JSON.stringify(e.answers)}>
              {exampleWords(e)}: <em>{outcomeWords(e.before)}</em> → <em>{outcomeWords(e.after)}</em>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="backcheck-review__scroll" tabIndex={0} role="region" aria-label={`${label} (table, scrolls sideways)`}>
      {children}
    </div>
  );
}

export function ImpactView({ report, kinds = 8 }: { report: ImpactReport; kinds?: number }) {
  const total = report.population.sets;
  const lowering = report.changes.filter((c) => c.lowersUrgency);
  const others = report.changes.filter((c) => !c.lowersUrgency);
  const { levels, table } = report.urgency;
  const changedScenarios = report.scenarios.filter((s) => s.changed);
  return (
    <div className="backcheck-review__impact">
      <p className="backcheck-review__note">
        Both versions ran on {n(total)} generated answer sets (seed {report.population.seed}; most people have no warning sign, “not
        sure” is less common) and {report.scenarios.length} scenarios, and the rules were searched for rarer answer sets whose
        urgency could change. {n(total)} answer sets in {(report.population.ms / 1000).toFixed(1)} s.
      </p>
      {lowering.length === 0 ? (
        <p className="backcheck-review__signed" role="status">
          <span aria-hidden="true">✓ </span>No answer set gets a lower urgency (population, scenarios and search of the rules).
        </p>
      ) : (
        <>
          <p className="backcheck-review__unsigned" role="status">
            <span aria-hidden="true">⚠ </span>
            {LOWERS_MARK} for {n(report.urgency.lowered)} of {n(total)} answer sets ({share(report.urgency.lowered, total)}). A clinician must
            confirm each of these is intended.
          </p>
          <ol className="backcheck-review__changes" aria-label="Changes that lower an urgency">
            {lowering.map((k) => (
              <Kind key={k.key} kind={k} total={total} />
            ))}
          </ol>
        </>
      )}

      <h4>Urgency before (rows) and after (columns)</h4>
      <Scroll label="Urgency before and after">
        <table className="backcheck-review__table">
          <caption className="backcheck-review__visually-hidden">Answer sets by urgency before (rows) and after (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Before \ after</th>
              {levels.map((l) => (
                <th scope="col" key={l}>
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {levels.map((from, i) => (
              <tr key={from}>
                <th scope="row">{from}</th>
                {(table[i] ?? []).map((count, j) => (
                  <td key={levels[j]} className={count > 0 && j > i ? 'backcheck-review__cell--lower' : undefined}>
                    {n(count)}
                    {count > 0 && j > i ? ' (lower)' : count > 0 && j < i ? ' (higher)' : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <p>
        Raised for {n(report.urgency.raised)} ({share(report.urgency.raised, total)}), lowered for {n(report.urgency.lowered)} (
        {share(report.urgency.lowered, total)}).
      </p>

      {others.length > 0 ? (
        <>
          <h4>Other changes, commonest first</h4>
          <ol className="backcheck-review__changes" aria-label="Other changes">
            {others.slice(0, kinds).map((k) => (
              <Kind key={k.key} kind={k} total={total} />
            ))}
          </ol>
          {others.length > kinds ? <p>… and {others.length - kinds} more kinds of change (see the tables).</p> : null}
        </>
      ) : null}

      {report.signs.length > 0 ? (
        <>
          <h4>Warning signs that fire more or less</h4>
          <Scroll label="Warning signs that fire more or less">
            <table className="backcheck-review__table">
              <caption className="backcheck-review__visually-hidden">Answer sets where each rule fires, before and after</caption>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Fires before → after</th>
                  <th scope="col">Gained / lost</th>
                </tr>
              </thead>
              <tbody>
                {report.signs.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <code>{s.id}</code>
                    </th>
                    <td>{s.kindBefore === s.kindAfter ? s.kindAfter : `${s.kindBefore ?? 'absent'} → ${s.kindAfter ?? 'removed'}`}</td>
                    <td>
                      {n(s.before)} → {n(s.after)}
                    </td>
                    <td>
                      +{n(s.gained)} / −{n(s.lost)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        </>
      ) : null}

      <h4>Causes</h4>
      {report.causes.changed === 0 ? (
        <p>The likely and possible causes are the same wherever both versions weigh them.</p>
      ) : (
        <ul>
          <li>
            The causes shown change for {n(report.causes.changed)} answer sets ({share(report.causes.changed, total)}).
          </li>
          {report.causes.byCause.map((c) => (
            <li key={c.id}>
              <code>{c.id}</code>: likely {n(c.likelyBefore)} → {n(c.likelyAfter)}, possible {n(c.possibleBefore)} → {n(c.possibleAfter)}
            </li>
          ))}
        </ul>
      )}

      <h4>Scenarios</h4>
      {changedScenarios.length === 0 ? (
        <p>All {report.scenarios.length} scenarios have the same outcome with both versions.</p>
      ) : (
        <ul aria-label="Scenarios with a different outcome">
          {changedScenarios.map((s) => (
            <li key={`${s.source}-${s.name}`}>
              “{s.name}” ({s.source}): {outcomeWords(s.before)} → {outcomeWords(s.after)}
              {s.failuresAfter.length > 0 && s.failuresBefore.length === 0 ? `. Its expectation now fails: ${s.failuresAfter.join('; ')}` : ''}
            </li>
          ))}
        </ul>
      )}

      <h4>Questions</h4>
      <ul>
        <li>{report.questions.shared} questions are in both versions; answer sets are compared on those, by id.</li>
        {report.questions.added.map((a) => (
          <li key={a.id}>
            <code>{a.id}</code> is new: every answer set answers it “{a.answer}”, its most common answer.
          </li>
        ))}
        {report.questions.removed.map((id) => (
          <li key={id}>
            <code>{id}</code> is removed: its answers no longer count.
          </li>
        ))}
        {report.questions.remapped.map((r) => (
          <li key={r.id}>
            <code>{r.id}</code> changed its options or range: an old answer that no longer fits becomes “{r.answer}”.
          </li>
        ))}
      </ul>
    </div>
  );
}
