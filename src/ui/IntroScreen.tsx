// What this is, how long it takes, where the answers go, and that it is not a diagnosis; "Start" is the consent.
import { useId, type Ref } from 'react';
import type { TimeEstimate } from '../engine/burden.ts';
import { formatNumber, type Messages } from '../i18n/index.ts';
import type { Locale } from '../rules/text.ts';
import { useHeadingFocus, useUi } from './ui-context.ts';

/**
 * The intro's markup alone, with no machine and no rules: LazyCheck shows it while the rest of the check is still
 * loading, and IntroScreen shows the very same thing once it has loaded, so nothing moves.
 */
export function IntroView({
  t,
  title,
  minutes,
  emergencyNumber,
  onStart,
  headingRef,
}: {
  t: Messages;
  title: string;
  /** How long the check takes a person with no warning sign, worked out from the rules when they were built. */
  minutes: { low: string; high: string };
  /** The number to call instead: the clinic's, or the one for the person's region. */
  emergencyNumber: string;
  onStart: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const titleId = useId();
  return (
    <section className="backcheck__intro" part="question" aria-labelledby={titleId}>
      <h1 id={titleId} className="backcheck__heading" tabIndex={-1} ref={headingRef}>
        {title}
      </h1>
      <p className="backcheck__lead">{t.introLead}</p>
      <ul className="backcheck__list">
        <li>{t.introTime(minutes.low, minutes.high)}</li>
        <li>{t.introFirst}</li>
        <li>{t.introPrivacy}</li>
        <li>{t.introNotDiagnosis}</li>
      </ul>
      <p className="backcheck__inset">{t.introEmergency(emergencyNumber)}</p>
      <div className="backcheck__actions" part="actions">
        <button type="button" className="backcheck__button" onClick={onStart}>
          {t.start}
        </button>
      </div>
    </section>
  );
}

/** The estimate's numbers in the language's own digits. */
export function minutesText(estimate: TimeEstimate, locale: Locale): { low: string; high: string } {
  const { low, high } = estimate[locale];
  return { low: formatNumber(locale, low), high: formatNumber(locale, high) };
}

export function IntroScreen({ onStart }: { onStart: () => void }) {
  const { t, say, rules, locale, timeEstimate, emergency } = useUi();
  const headingRef = useHeadingFocus<HTMLHeadingElement>('intro');
  return (
    <IntroView
      t={t}
      title={say(rules.meta.title)}
      minutes={minutesText(timeEstimate, locale)}
      emergencyNumber={emergency.number}
      onStart={onStart}
      headingRef={headingRef}
    />
  );
}
