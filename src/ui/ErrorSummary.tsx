// GOV.UK-style error summary: announced, focused, and linking to the input that needs an answer.
import { useEffect, useRef } from 'react';
import { useUi } from './ui-context.ts';

interface Props {
  message: string;
  /** The id of the first input of the question, where the link moves focus. */
  targetId: string;
  /** Changes each time the person presses Continue without a valid answer, so focus moves again. */
  occurrence: object;
}

export function ErrorSummary({ message, targetId, occurrence }: Props) {
  const { t } = useUi();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Moving focus here makes screen readers read the problem, and keyboard users land next to its link.
    ref.current?.focus();
  }, [occurrence]);
  return (
    <div className="backcheck__error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${targetId}-summary`}>
      <h2 id={`${targetId}-summary`} className="backcheck__error-summary-title">
        {t.errorSummaryTitle}
      </h2>
      <ul>
        <li>
          <a
            href={`#${targetId}`}
            onClick={(e) => {
              // The default jump would only scroll; moving focus puts the person on the input itself.
              e.preventDefault();
              // The input's own root: in the embedded widget that is a shadow root, where document cannot see.
              const root = e.currentTarget.getRootNode() as Document | ShadowRoot;
              root.getElementById(targetId)?.focus();
            }}
          >
            {message}
          </a>
        </li>
      </ul>
    </div>
  );
}
