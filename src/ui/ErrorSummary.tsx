// GOV.UK-style error summary: announced, focused, and linking to each input that needs an answer.
import { useEffect, useId, useRef } from 'react';
import { useUi } from './ui-context.ts';

export interface ErrorLink {
  /** The id of the first input of the question, where the link moves focus. */
  targetId: string;
  message: string;
}

interface Props {
  links: readonly ErrorLink[];
  /** Changes each time the person presses Continue without a valid answer, so focus moves again. */
  occurrence: object;
}

export function ErrorSummary({ links, occurrence }: Props) {
  const { t } = useUi();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    // Moving focus here makes screen readers read the problem, and keyboard users land next to its link.
    ref.current?.focus();
  }, [occurrence]);
  return (
    <div className="backcheck__error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId} className="backcheck__error-summary-title">
        {t.errorSummaryTitle}
      </h2>
      <ul>
        {links.map((link) => (
          <li key={link.targetId}>
            <a
              href={`#${link.targetId}`}
              onClick={(e) => {
                // The default jump would only scroll; moving focus puts the person on the input itself.
                e.preventDefault();
                // The input's own root: in the embedded widget that is a shadow root, where document cannot see.
                const root = e.currentTarget.getRootNode() as Document | ShadowRoot;
                root.getElementById(link.targetId)?.focus();
              }}
            >
              {link.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
