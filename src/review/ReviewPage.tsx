// The clinicians' review page (/review). It shows the shipped rules, or any rules file a clinician opens from their
// own computer: its problems exactly as `npm run rules:check` reports them, then the file for reading (sign-off,
// flow, decision tables, try it). A second file, an earlier version, adds what changed and what the change does to
// the people who use the check (`rules:diff --impact`). The checks run the commands' own code, in a Web Worker.
// Lazy-loaded by main.tsx, so none of this reaches the gym-goer's bundle.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FileCheck } from '../lint/check-report.ts';
import type { SignoffStatus } from '../rules/content-hash.ts';
import type { Rules } from '../rules/schema.ts';
import { localize } from '../rules/text.ts';
import type { Comparison } from './analysis.ts';
import { createAnalysis, type Analysis } from './analysis-client.ts';
import { FileSlot, type OpenedText } from './FileSlot.tsx';
import { ImpactView } from './ImpactView.tsx';
import { ProblemList } from './ProblemList.tsx';
import { RULES_SECTIONS, RulesSections } from './RulesSections.tsx';
import './review.css';

export interface ShippedRules {
  rules: Rules;
  signoff: SignoffStatus;
  /** The file it was built from, e.g. rules/lower-back-after-workout.yaml. */
  file: string;
}

type Opened =
  | { state: 'checking'; name: string }
  | { state: 'checked'; name: string; check: FileCheck }
  | { state: 'failed'; name: string; message: string };

type Earlier = Opened | { state: 'shipped' };

type ComparisonState =
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; comparison: Comparison }
  | { state: 'failed'; message: string };

interface Props {
  shipped: ShippedRules;
  /** How checks and comparisons run (a Web Worker by default); tests pass one that runs in the page. */
  analysis?: Analysis;
}

/** The rules and sign-off of an opened file that loads, or null. */
function loadedOf(opened: Opened | null): { rules: Rules; signoff: SignoffStatus } | null {
  if (opened?.state !== 'checked' || !opened.check.loaded || !opened.check.signoff) return null;
  return { rules: opened.check.loaded, signoff: opened.check.signoff };
}

function describeOpened(opened: Earlier | null, shipped: ShippedRules, none: string): string {
  if (opened === null) return none;
  const version = (rules: Rules) => `${rules.meta.id} ${rules.meta.version}`;
  if (opened.state === 'shipped') return `The shipped rules: ${version(shipped.rules)} (${shipped.file}).`;
  if (opened.state === 'checking') return `Checking ${opened.name}…`;
  if (opened.state === 'failed') return `${opened.name} could not be checked: ${opened.message}`;
  const loaded = loadedOf(opened);
  return loaded ? `${opened.name}: ${version(loaded.rules)}.` : `${opened.name}: does not load (see its problems).`;
}

export default function ReviewPage({ shipped, analysis: given }: Props) {
  const analysis = useMemo(() => given ?? createAnalysis(), [given]);
  const [reviewed, setReviewed] = useState<Opened | null>(null);
  const [earlier, setEarlier] = useState<Earlier | null>(null);
  const [comparison, setComparison] = useState<ComparisonState | null>(null);
  // Only the latest request of each kind may update the page (a file opened twice quickly, say).
  const latest = useRef({ reviewed: 0, earlier: 0, compare: 0 });

  const open = (slot: 'reviewed' | 'earlier', file: OpenedText) => {
    const token = ++latest.current[slot];
    const set = slot === 'reviewed' ? setReviewed : setEarlier;
    set({ state: 'checking', name: file.name });
    analysis.check(file.text, file.name).then(
      (check) => latest.current[slot] === token && set({ state: 'checked', name: file.name, check }),
      (error: unknown) => latest.current[slot] === token && set({ state: 'failed', name: file.name, message: String(error) }),
    );
  };

  const current = reviewed === null ? { rules: shipped.rules, signoff: shipped.signoff } : loadedOf(reviewed);
  const before = earlier?.state === 'shipped' ? { rules: shipped.rules } : loadedOf(earlier);
  const after = current?.rules;
  const beforeRules = before?.rules;

  useEffect(() => {
    if (!beforeRules || !after) {
      setComparison(null);
      return;
    }
    const token = ++latest.current.compare;
    setComparison({ state: 'running', done: 0, total: 0 });
    analysis
      .compare(beforeRules, after, (done, total) => latest.current.compare === token && setComparison({ state: 'running', done, total }))
      .then(
        (result) => latest.current.compare === token && setComparison({ state: 'done', comparison: result }),
        (error: unknown) => latest.current.compare === token && setComparison({ state: 'failed', message: String(error) }),
      );
  }, [analysis, beforeRules, after]);

  const title = current ? localize(current.rules.meta.title, 'en') : (reviewed?.name ?? '');
  const toc = [
    { id: 'review-files', title: 'Rules files' },
    ...(reviewed ? [{ id: 'review-problems', title: 'Problems' }] : []),
    ...(earlier ? [{ id: 'review-changes', title: 'Changes and impact' }] : []),
    ...(current ? RULES_SECTIONS : []),
  ];

  return (
    <main className="backcheck-review">
      <h1>Rules review: {title}</h1>
      <nav aria-label="On this page">
        <ul className="backcheck-review__toc">
          {toc.map((t) => (
            <li key={t.id}>
              <a href={`#${t.id}`}>{t.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="review-files" aria-labelledby="review-files-title" className="backcheck-review__block">
        <h2 id="review-files-title">Rules files</h2>
        <p className="backcheck-review__note">
          Open a rules file from this computer to check and read it, and an earlier version to see what the change does. Files are
          read here, in your browser: nothing is uploaded or sent anywhere.
        </p>
        <div className="backcheck-review__slots">
          <FileSlot
            title="Version to review"
            current={reviewed === null ? describeOpened({ state: 'shipped' }, shipped, '') : describeOpened(reviewed, shipped, '')}
            onOpen={(f) => open('reviewed', f)}
          >
            {reviewed !== null ? (
              <button type="button" className="backcheck-review__button" onClick={() => setReviewed(null)}>
                Review the shipped rules again
              </button>
            ) : null}
          </FileSlot>
          <FileSlot
            title="Earlier version to compare with"
            current={describeOpened(earlier, shipped, 'None yet: open one to see what changed and its impact.')}
            onOpen={(f) => open('earlier', f)}
          >
            {reviewed !== null && earlier?.state !== 'shipped' ? (
              <button type="button" className="backcheck-review__button" onClick={() => setEarlier({ state: 'shipped' })}>
                Compare with the shipped rules ({shipped.rules.meta.version})
              </button>
            ) : null}
          </FileSlot>
        </div>
        {earlier?.state === 'checked' && !loadedOf(earlier) ? (
          <>
            <h3>Problems in the earlier version</h3>
            <ProblemList check={earlier.check} />
          </>
        ) : null}
      </section>

      {reviewed ? (
        <section id="review-problems" aria-labelledby="review-problems-title" className="backcheck-review__block">
          <h2 id="review-problems-title">Problems</h2>
          <p className="backcheck-review__note">
            What <code>npm run rules:check</code> reports for this file, line by line: the same checks, run here.
          </p>
          {reviewed.state === 'checking' ? <p role="status">Checking {reviewed.name}…</p> : null}
          {reviewed.state === 'failed' ? <p role="alert">{reviewed.message}</p> : null}
          {reviewed.state === 'checked' ? <ProblemList check={reviewed.check} /> : null}
        </section>
      ) : null}

      {earlier ? (
        <section id="review-changes" aria-labelledby="review-changes-title" className="backcheck-review__block">
          <h2 id="review-changes-title">Changes and their impact</h2>
          <Changes state={comparison} />
        </section>
      ) : null}

      {current ? <RulesSections key={current.signoff.contentHash} rules={current.rules} signoff={current.signoff} /> : null}
    </main>
  );
}

function Changes({ state }: { state: ComparisonState | null }) {
  if (state === null) return <p>Both versions must load before they can be compared.</p>;
  if (state.state === 'failed') return <p role="alert">The comparison failed: {state.message}</p>;
  if (state.state === 'running') {
    const percent = state.total > 0 ? Math.round((100 * state.done) / state.total) : 0;
    return (
      <div role="status">
        <label htmlFor="review-impact-progress">Running both versions over the answer sets: {percent}%</label>{' '}
        <progress id="review-impact-progress" max={100} value={percent} />
      </div>
    );
  }
  const { changes, impact } = state.comparison;
  return (
    <div className="backcheck-review__compare">
      <section aria-labelledby="review-diff-title">
        <h3 id="review-diff-title">
          What changed ({impact.before.version} → {impact.after.version})
        </h3>
        {changes.length === 0 ? (
          <p>No differences.</p>
        ) : (
          <ul aria-label="What changed">
            {changes.map((c, i) => (
              <li key={`${i}-${c}`}>{c}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="review-impact-title">
        <h3 id="review-impact-title">Impact on the people who use the check</h3>
        <ImpactView report={impact} />
      </section>
    </div>
  );
}
