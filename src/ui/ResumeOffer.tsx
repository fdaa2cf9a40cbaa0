// Shown on load when this device holds a recent, valid, half-finished check.
import { useId } from 'react';
import { formatDateTime, plural } from '../i18n/index.ts';
import type { SavedProgress } from '../storage/progress.ts';
import { useHeadingFocus, useUi } from './ui-context.ts';

interface Props {
  progress: SavedProgress;
  onContinue: () => void;
  onStartAgain: () => void;
}

export function ResumeOffer({ progress, onContinue, onStartAgain }: Props) {
  const { t, locale, dateLocale } = useUi();
  const headingRef = useHeadingFocus<HTMLHeadingElement>('resume');
  const titleId = useId();
  const count = Object.keys(progress.answers).length;
  return (
    <section className="backcheck__resume" part="question" aria-labelledby={titleId}>
      <h1 id={titleId} className="backcheck__heading" tabIndex={-1} ref={headingRef}>
        {t.resumeTitle}
      </h1>
      <p>{t.resumeSaved(formatDateTime(dateLocale, new Date(progress.savedAt)))}</p>
      <p>{plural(locale, count, t.resumeAnswered)}</p>
      <div className="backcheck__actions backcheck__actions--stack" part="actions">
        <button type="button" className="backcheck__button" onClick={onContinue}>
          {t.resumeContinue}
        </button>
        <button type="button" className="backcheck__button backcheck__button--secondary" onClick={onStartAgain}>
          {t.resumeStartAgain}
        </button>
      </div>
    </section>
  );
}
