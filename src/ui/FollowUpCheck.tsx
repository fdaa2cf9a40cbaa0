// The follow-up check's own screens (issue #18): its intro ("How is your back since <date>?") and its result, which
// compares then and now by the rules. Between them the machine asks the follow-up's screens like any check.
import { useId, useMemo, type ReactNode } from 'react';
import type { Answers } from '../engine/answers.ts';
import { compareFollowUp, type PreviousCheck } from '../engine/follow-up.ts';
import { formatDate } from '../i18n/index.ts';
import type { ClinicInfo } from './host-events.ts';
import { Clinic, SafetyNet } from './ResultScreen.tsx';
import { useHeadingFocus, useUi } from './ui-context.ts';
import { UrgencyIcon } from './UrgencyIcon.tsx';
import { ActionButtons } from './ActionButtons.tsx';

export function FollowUpIntro({ previous, onStart, onNewCheck, onForget }: { previous: PreviousCheck; onStart: () => void; onNewCheck: () => void; onForget: () => void }) {
  const { t, dateLocale } = useUi();
  const headingRef = useHeadingFocus<HTMLHeadingElement>('follow-up');
  const titleId = useId();
  return (
    <section className="backcheck__resume" part="question" aria-labelledby={titleId}>
      <h1 id={titleId} className="backcheck__heading" tabIndex={-1} ref={headingRef}>
        {t.followUpTitle(formatDate(dateLocale, new Date(previous.date)))}
      </h1>
      <p>{t.followUpLead}</p>
      <ActionButtons
        part="actions"
        actions={[
          { label: t.followUpStart, onClick: onStart },
          { label: t.followUpNewCheck, onClick: onNewCheck, look: 'secondary' },
          { label: t.followUpForget, onClick: onForget, look: 'warning' },
        ]}
      />
    </section>
  );
}

interface ResultProps {
  previous: PreviousCheck;
  /** The follow-up's answers as the machine collected them. */
  answers: Answers;
  /** When the result was first shown: the comparison's "now". */
  now: number;
  clinic: ClinicInfo | undefined;
  onBook: (via: 'booking' | 'contact' | 'phone') => void;
  onStartAgain: () => void;
  /** The offer to check again, from now. */
  children?: ReactNode;
}

/** Then and now compared: what it means, and this week's step. (A warning sign shows the usual result instead.) */
export function FollowUpResult({ previous, answers, now, clinic, onBook, onStartAgain, children }: ResultProps) {
  const { t, say, rules, locale, dateLocale, emergency } = useUi();
  const uid = useId();
  const headingRef = useHeadingFocus<HTMLHeadingElement>('follow-up-result');
  const date = formatDate(dateLocale, new Date(previous.date));
  const c = useMemo(
    () => compareFollowUp(rules, previous, answers, now, { locale, dateText: date, emergencyNumber: emergency.number }),
    [rules, previous, answers, now, locale, date, emergency.number],
  );
  const callIf = rules.results.urgency[c.urgency].callIf;
  return (
    <section className={`backcheck__result backcheck__result--${c.urgency}`} part="result" aria-labelledby={`${uid}-title`}>
      <div className={`backcheck__top-card backcheck__top-card--${c.urgency}`} part="top-card">
        <div className={`backcheck__banner backcheck__banner--${c.urgency}`} part="banner">
          <UrgencyIcon urgency={c.urgency} />
          <div>
            <p className="backcheck__banner-label">{`${t.urgencyPrefix} ${t.urgencyLabel[c.urgency]}`}</p>
            <h1 id={`${uid}-title`} className="backcheck__heading" tabIndex={-1} ref={headingRef}>
              {t.followUpResultTitle(date)}
            </h1>
          </div>
        </div>
        <div className="backcheck__card-body">
          <p className="backcheck__action">{c.text}</p>
          {c.step && <p className="backcheck__consult">{c.step.text}</p>}
          {callIf && <p className="backcheck__call-if">{say(callIf).replaceAll('{number}', emergency.number)}</p>}
        </div>
      </div>
      <SafetyNet result={c.result} id={`${uid}-net`} />
      <Clinic clinic={clinic} urgency={c.urgency} onBook={onBook} />
      {children}
      <p className="backcheck__disclaimer">{c.result.disclaimer}</p>
      <ActionButtons actions={[{ label: t.startAgain, onClick: onStartAgain, look: 'secondary' }]} />
    </section>
  );
}
