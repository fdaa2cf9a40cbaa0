// A file's problems exactly as `npm run rules:check` reports them (the same function makes both): where
// (file:line:column and the field), how serious, which check, and what to do.
import { failed, fileHeadline, reportLines, type FileCheck } from '../lint/check-report.ts';

export function ProblemList({ check }: { check: FileCheck }) {
  const lines = reportLines(check);
  const errors = lines.filter((l) => l.severity === 'error').length;
  const warnings = lines.filter((l) => l.severity === 'warning').length;
  return (
    <div className="backcheck-review__problems">
      <p className={failed(check) ? 'backcheck-review__unsigned' : 'backcheck-review__signed'} role="status">
        <span aria-hidden="true">{failed(check) ? '! ' : '✓ '}</span>
        {fileHeadline(check, lines.length)} {`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`}
      </p>
      {lines.length > 0 ? (
        <ol className="backcheck-review__problem-list" aria-label={`Problems in ${check.file}`}>
          {lines.map((l, i) => (
            <li key={`${l.text}-${i}`} className={`backcheck-review__problem backcheck-review__problem--${l.severity}`} data-report-line={l.text}>
              <span className="backcheck-review__severity">{l.severity}</span> <code>{l.location}</code> <code>{l.field}</code>
              {l.check ? <span className="backcheck-review__check"> [{l.check}]</span> : null}
              <span className="backcheck-review__message">{l.message}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
