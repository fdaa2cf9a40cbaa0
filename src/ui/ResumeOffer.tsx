// Shown when this device holds a recent, valid check: on a new visit, or a reload more than an hour later. The
// heading asks the one question ("Continue your check from 14:05, or start again?"); the two buttons answer it.
import { useId, useState } from 'react';
import { formatSince, plural } from '../i18n/index.ts';
import type { SavedProgress } from '../storage/progress.ts';
import { useHeadingFocus, useUi } from './ui-context.ts';
import { ActionButtons } from './ActionButtons.tsx';

interface Props {
  progress: SavedProgress;
  onContinue: () => void;
  onStartAgain: () => void;
}

export function ResumeOffer({ progress, onContinue, onStartAgain }: Props) {
  const { t, locale, dateLocale } = useUi();
  const headingRef = useHeadingFocus<HTMLHeadingElement>('resume');
  const titleId = useId();
  // Fixed when first shown, so the words do not change under the person.
  const [now] = useState(() => new Date());
  const count = Object.keys(progress.answers).length;
  return (
    <section className="backcheck__resume" part="question" aria-labelledby={titleId}>
      <h1 id={titleId} className="backcheck__heading" tabIndex={-1} ref={headingRef}>
        {t.resumeTitle(formatSince(dateLocale, new Date(progress.savedAt), now))}
      </h1>
      <p>{plural(locale, count, t.resumeAnswered)}</p>
      <ActionButtons
        part="actions"
        actions={[
          { label: t.resumeContinue, onClick: onContinue },
          { label: t.resumeStartAgain, onClick: onStartAgain, look: 'secondary' },
        ]}
      />
    </section>
  );
}
