// What this is, how long it takes, where the answers go, and that it is not a diagnosis; "Start" is the consent.
import { useId } from 'react';
import { useHeadingFocus, useUi } from './ui-context.ts';

export function IntroScreen({ onStart }: { onStart: () => void }) {
  const { t, say, rules } = useUi();
  const headingRef = useHeadingFocus<HTMLHeadingElement>('intro');
  const titleId = useId();
  return (
    <section className="backcheck__intro" part="question" aria-labelledby={titleId}>
      <h1 id={titleId} className="backcheck__heading" tabIndex={-1} ref={headingRef}>
        {say(rules.meta.title)}
      </h1>
      <p className="backcheck__lead">{t.introLead}</p>
      <ul className="backcheck__list">
        <li>{t.introTime}</li>
        <li>{t.introFirst}</li>
        <li>{t.introPrivacy}</li>
        <li>{t.introNotDiagnosis}</li>
      </ul>
      <p className="backcheck__inset">{t.introEmergency}</p>
      <div className="backcheck__actions" part="actions">
        <button type="button" className="backcheck__button" onClick={onStart}>
          {t.start}
        </button>
      </div>
    </section>
  );
}
