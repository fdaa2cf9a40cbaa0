// One rules file for reading: metadata and sign-off, the question flow, every rule as a row of a decision table, and
// a panel to try answers. The review page shows it for the shipped rules or for a file the clinician opened.
import { useMemo, useState } from 'react';
import type { SignoffStatus } from '../rules/content-hash.ts';
import { shortHash } from '../rules/content-hash.ts';
import type { Rules } from '../rules/schema.ts';
import { DecisionTable } from './DecisionTable.tsx';
import { FlowDiagram } from './FlowDiagram.tsx';
import { ruleTables } from './rule-rows.ts';
import { SignoffNote } from './SignoffNote.tsx';
import { TryIt } from './TryIt.tsx';

export const RULES_SECTIONS = [
  { id: 'review-meta', title: 'Sign-off' },
  { id: 'review-flow', title: 'Question flow' },
  { id: 'review-rules', title: 'Rules' },
  { id: 'review-try', title: 'Try it' },
] as const;

/**
 * The decision tables with a box to find rules: by id, question id, the words of its condition or effect, its
 * rationale or source ("saddle", "pain_score", "NG59"). A clinician looking for one red flag among 140 rules scrolled
 * a page 120,000 px tall.
 */
function RuleFinder({ rules }: { rules: Rules }) {
  const [query, setQuery] = useState('');
  const tables = useMemo(() => ruleTables(rules), [rules]);
  const words = query.trim().toLowerCase();
  const shown = words
    ? tables.map((t) => ({ ...t, rows: t.rows.filter((r) => [r.id, r.when, r.effect, r.says, r.rationale, r.source].some((f) => f?.toLowerCase().includes(words))) }))
    : tables;
  const found = shown.reduce((n, t) => n + t.rows.length, 0);
  return (
    <>
      <p className="backcheck-review__find">
        <label htmlFor="review-find">Find a rule</label>
        <input id="review-find" type="search" value={query} onChange={(e) => setQuery(e.currentTarget.value)} aria-describedby="review-find-count" />
        <span id="review-find-count" role="status">
          {words ? `${found} rule${found === 1 ? '' : 's'} found` : ''}
        </span>
      </p>
      {shown.map((table) => (
        <DecisionTable key={table.id} table={table} />
      ))}
    </>
  );
}

export function RulesSections({ rules, signoff }: { rules: Rules; signoff: SignoffStatus }) {
  const { meta } = rules;
  return (
    <>
      <section id="review-meta" aria-labelledby="review-meta-title" className="backcheck-review__block">
        <h2 id="review-meta-title">Metadata and sign-off</h2>
        <SignoffNote signoff={signoff} />
        <dl className="backcheck-review__meta">
          <dt>Rules id</dt>
          <dd><code>{meta.id}</code></dd>
          <dt>Version</dt>
          <dd>{meta.version}</dd>
          <dt>Content hash</dt>
          <dd><code>{shortHash(signoff.contentHash)}</code></dd>
          <dt>Languages</dt>
          <dd>{meta.locales.join(', ')}</dd>
          <dt>Size</dt>
          <dd>
            {rules.questions.length} questions in {rules.sections.length} sections; {rules.redFlags.length} red flags,{' '}
            {rules.consultSigns.length} consult signs, {rules.scopeExits.length} scope exits, {rules.advice.length} advice rules,{' '}
            {rules.causes.reduce((n, c) => n + c.evidence.length, 0)} evidence rules for {rules.causes.length} causes
          </dd>
        </dl>
        <h3>Sources</h3>
        <ul>
          {meta.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>

      <section id="review-flow" aria-labelledby="review-flow-title" className="backcheck-review__block">
        <h2 id="review-flow-title">Question flow</h2>
        <p className="backcheck-review__note">
          Questions are asked in this order, screen by screen. Before each screen, the check leaves out any question
          whose answer, with any answers still to come, could no longer change the urgency, a red flag, a consult
          sign, the scope exit or a cause's likelihood band. An emergency answer ends the check at once; after an
          urgent answer only what could make it an emergency is asked.
        </p>
        <FlowDiagram rules={rules} />
      </section>

      <section id="review-rules" aria-labelledby="review-rules-title" className="backcheck-review__block">
        <h2 id="review-rules-title">Rules</h2>
        <RuleFinder rules={rules} />
      </section>

      <section id="review-try" aria-labelledby="review-try-title" className="backcheck-review__block">
        <h2 id="review-try-title">Try it</h2>
        <TryIt rules={rules} />
      </section>
    </>
  );
}
