// The clinicians' review page (/review): the rules file rendered for someone who does not read YAML. Metadata and
// sign-off, the question flow, every rule as a row of a decision table, and a panel to try answers.
// Lazy-loaded by main.tsx, so none of this reaches the gym-goer's bundle.
import type { SignoffStatus } from '../rules/content-hash.ts';
import type { Rules } from '../rules/schema.ts';
import { localize } from '../rules/text.ts';
import { DecisionTable } from './DecisionTable.tsx';
import { FlowDiagram } from './FlowDiagram.tsx';
import { ruleTables } from './rule-rows.ts';
import { TryIt } from './TryIt.tsx';
import { SignoffNote } from './SignoffNote.tsx';
import { shortHash } from '../rules/content-hash.ts';
import './review.css';

export default function ReviewPage({ rules, signoff }: { rules: Rules; signoff: SignoffStatus }) {
  const { meta } = rules;
  return (
    <main className="backcheck-review">
      <h1>Rules review: {localize(meta.title, 'en')}</h1>
      <nav aria-label="On this page">
        <ul className="backcheck-review__toc">
          <li><a href="#review-meta">Sign-off</a></li>
          <li><a href="#review-flow">Question flow</a></li>
          <li><a href="#review-rules">Rules</a></li>
          <li><a href="#review-try">Try it</a></li>
        </ul>
      </nav>

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
            {rules.consultSigns.length} consult signs, {rules.scopeExits.length} scope exits,{' '}
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
          Questions are asked in this order, one per screen. An emergency answer ends the questionnaire at once; after an
          urgent answer only the remaining emergency questions are asked.
        </p>
        <FlowDiagram rules={rules} />
      </section>

      <section id="review-rules" aria-labelledby="review-rules-title" className="backcheck-review__block">
        <h2 id="review-rules-title">Rules</h2>
        {ruleTables(rules).map((table) => (
          <DecisionTable key={table.id} table={table} />
        ))}
      </section>

      <section id="review-try" aria-labelledby="review-try-title" className="backcheck-review__block">
        <h2 id="review-try-title">Try it</h2>
        <TryIt rules={rules} />
      </section>
    </main>
  );
}
