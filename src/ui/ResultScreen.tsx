// The outcome: what to do now first, then why, then what may be causing the pain, and always when to see someone.
import { useId, useMemo, useState } from 'react';
import type { Answers } from '../engine/answers.ts';
import { describeAnswer } from '../engine/because.ts';
import { evaluate } from '../engine/evaluate.ts';
import { formatDate } from '../i18n/index.ts';
import type { Urgency } from '../rules/schema.ts';
import type { ClinicInfo } from './host-events.ts';
import { becauseLine, reasonsOf, shownCauses, shownScopeExit, summaryText } from './summary-text.ts';
import { useHeadingFocus, useUi } from './ui-context.ts';
import { UrgencyIcon } from './UrgencyIcon.tsx';

interface Props {
  answers: Answers;
  clinic: ClinicInfo | undefined;
  onBook: (via: 'booking' | 'contact' | 'phone') => void;
  onStartAgain: () => void;
  onClear: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function ResultScreen({ answers, clinic, onBook, onStartAgain, onClear }: Props) {
  const { t, say, rules, locale, dateLocale, print } = useUi();
  const uid = useId();
  const headingRef = useHeadingFocus<HTMLHeadingElement>('result');
  const result = useMemo(() => evaluate(rules, answers, locale), [rules, answers, locale]);
  // The date the summary was made: fixed when the result is first shown, so print and copy agree.
  const [madeOn] = useState(() => new Date());
  const [copy, setCopy] = useState<CopyState>('idle');
  const text = summaryText(rules, answers, result, t, locale, madeOn, dateLocale);
  const causes = shownCauses(result);
  const reasons = reasonsOf(result);
  const scope = shownScopeExit(result);

  const copyText = async () => {
    try {
      // Not available on plain http or in some embedded frames; the fallback shows the text to copy by hand.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  const headingId = `${uid}-title`;
  return (
    <section className={`backcheck__result backcheck__result--${result.urgency}`} part="result" aria-labelledby={headingId}>
      <div className={`backcheck__banner backcheck__banner--${result.urgency}`} part="banner">
        <UrgencyIcon urgency={result.urgency} />
        <div>
          <p className="backcheck__banner-label">
            {t.urgencyPrefix} {t.urgencyLabel[result.urgency]}
          </p>
          <h1 id={headingId} className="backcheck__heading" tabIndex={-1} ref={headingRef}>
            {result.title}
          </h1>
        </div>
      </div>
      <p className="backcheck__action">{result.action}</p>
      {result.advice.map((a) => (
        // Advice the rules give for these answers (cooling down after heat exhaustion): something to do now.
        <p className="backcheck__advice-now" key={a.id}>
          {a.text}
        </p>
      ))}
      {result.urgency === 'emergency' && clinic?.emergencyNumber && (
        // The clinic's local number as the first thing to press; without it the rules' generic words stand alone.
        <p className="backcheck__actions">
          <a className="backcheck__button" href={`tel:${clinic.emergencyNumber}`}>
            {t.callEmergency(clinic.emergencyNumber)}
          </a>
        </p>
      )}

      {reasons.length > 0 && (
        <section className="backcheck__block" aria-labelledby={`${uid}-why`}>
          <h2 id={`${uid}-why`}>{t.redFlagsTitle}</h2>
          <ul className="backcheck__list">
            {reasons.map((r) => (
              <li key={r.reason}>
                {r.reason}
                {r.because.map((b) => (
                  <span className="backcheck__because" key={b.questionId}>
                    {t.becauseTitle} {becauseLine(b)}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      {scope && (
        <section className="backcheck__block" aria-labelledby={`${uid}-scope`}>
          <h2 id={`${uid}-scope`}>{scope.title}</h2>
          <p>{scope.message}</p>
        </section>
      )}

      {result.causes.length > 0 && (
        <section className="backcheck__block" aria-labelledby={`${uid}-causes`}>
          <h2 id={`${uid}-causes`}>{t.causesTitle}</h2>
          <p>{causes.length === 0 ? t.causesNone : t.causesNote}</p>
          {causes.map((c) => (
            <article className="backcheck__cause" key={c.id} aria-labelledby={`${uid}-cause-${c.id}`}>
              <h3 id={`${uid}-cause-${c.id}`}>
                {c.title} <span className={`backcheck__tag backcheck__tag--${c.likelihood}`}>{t.likelihood[c.likelihood]}</span>
              </h3>
              <p className="backcheck__cause-summary">{c.summary}</p>
              <div className="backcheck__advice">
                <h4>{t.adviceTitle}</h4>
                <ul className="backcheck__list">
                  {c.advice.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </div>
              {c.because.length > 0 && (
                <>
                  <h4>{t.becauseTitle}</h4>
                  <ul className="backcheck__list backcheck__because-list">
                    {c.because.map((b) => (
                      <li key={b.questionId}>{becauseLine(b)}</li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          ))}
        </section>
      )}

      {result.urgency === 'emergency' ? (
        // Under "call now" there is no "when to see a professional": only what to do while help comes.
        <p className="backcheck__consult">{result.consult}</p>
      ) : (
        <section className="backcheck__block backcheck__consult" aria-labelledby={`${uid}-consult`}>
          <h2 id={`${uid}-consult`}>{t.consultTitle}</h2>
          <p>{result.consult}</p>
        </section>
      )}

      {result.safetyNet && (
        <section className="backcheck__block backcheck__safety-net" aria-labelledby={`${uid}-net`}>
          <h2 id={`${uid}-net`}>{result.safetyNet.title}</h2>
          <ul className="backcheck__list">
            {result.safetyNet.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      )}

      {result.selfCareAdvice && (
        <section className="backcheck__block" aria-labelledby={`${uid}-self-care`}>
          <h2 id={`${uid}-self-care`}>{result.selfCareAdvice.title}</h2>
          <ul className="backcheck__list">
            {result.selfCareAdvice.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      )}

      <Clinic clinic={clinic} urgency={result.urgency} onBook={onBook} />

      <section className="backcheck__block backcheck__print-only" aria-labelledby={`${uid}-answers`}>
        <h2 id={`${uid}-answers`}>{t.summaryAnswers}</h2>
        <dl className="backcheck__summary-list">
          {rules.questions.map((q) => {
            const value = answers[q.id];
            return value === undefined ? null : (
              <div className="backcheck__summary-row" key={q.id}>
                <dt>{say(q.text)}</dt>
                <dd>{describeAnswer(rules, q.id, value, locale)}</dd>
              </div>
            );
          })}
        </dl>
      </section>

      <p className="backcheck__disclaimer">{result.disclaimer}</p>
      <p className="backcheck__meta">
        {t.summaryDate(formatDate(dateLocale, madeOn))} · {t.summaryVersion(say(rules.meta.title), result.rulesVersion, rules.meta.signoff?.on ?? null)}
      </p>

      <section className="backcheck__block backcheck__no-print" aria-labelledby={`${uid}-take`}>
        <h2 id={`${uid}-take`}>{t.summaryTitle}</h2>
        <div className="backcheck__actions backcheck__actions--stack" part="actions">
          <button type="button" className="backcheck__button backcheck__button--secondary" onClick={print}>
            {t.print}
          </button>
          <button type="button" className="backcheck__button backcheck__button--secondary" onClick={copyText}>
            {t.copy}
          </button>
        </div>
        <p role="status" className="backcheck__status">
          {copy === 'copied' ? t.copied : copy === 'failed' ? t.copyFailed : ''}
        </p>
        {copy === 'failed' && (
          <div className="backcheck__copy-fallback">
            <label htmlFor={`${uid}-text`}>{t.copyFallbackLabel}</label>
            <textarea id={`${uid}-text`} readOnly rows={8} value={text} onFocus={(e) => e.currentTarget.select()} />
          </div>
        )}
        <div className="backcheck__actions backcheck__actions--stack">
          <button type="button" className="backcheck__button backcheck__button--secondary" onClick={onStartAgain}>
            {t.startAgain}
          </button>
          <button type="button" className="backcheck__button backcheck__button--warning" onClick={onClear}>
            {t.clearAnswers}
          </button>
        </div>
      </section>
    </section>
  );
}

/** Only web and phone links: the URLs come from the embedding page and must not become script. */
function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, 'https://invalid.example/');
    return ['https:', 'http:', 'mailto:'].includes(parsed.protocol) ? url : null;
  } catch {
    return null;
  }
}

/** Booking is never the main action when the person needs help now or today: then it is one option among others. */
const BOOKING_SECONDARY: ReadonlySet<Urgency> = new Set(['emergency', 'urgent']);

function Clinic({ clinic, urgency, onBook }: { clinic: ClinicInfo | undefined; urgency: Urgency; onBook: Props['onBook'] }) {
  const { t } = useUi();
  const uid = useId();
  if (!clinic) return null;
  const booking = safeUrl(clinic.bookingUrl);
  const contact = safeUrl(clinic.contactUrl);
  const phone = clinic.phone?.trim() || null;
  if (!booking && !contact && !phone) return null;
  return (
    <section className="backcheck__block backcheck__clinic backcheck__no-print" part="clinic" aria-labelledby={`${uid}-clinic`}>
      <h2 id={`${uid}-clinic`}>{clinic.name ? t.clinicTitle(clinic.name) : t.clinicTitleNoName}</h2>
      <div className="backcheck__actions backcheck__actions--stack">
        {booking && (
          <a
            className={BOOKING_SECONDARY.has(urgency) ? 'backcheck__button backcheck__button--secondary' : 'backcheck__button'}
            href={booking}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => onBook('booking')}
          >
            {t.clinicBook}
          </a>
        )}
        {contact && (
          <a
            className="backcheck__button backcheck__button--secondary"
            href={contact}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => onBook('contact')}
          >
            {t.clinicContact}
          </a>
        )}
        {phone && (
          <a
            className="backcheck__button backcheck__button--secondary"
            href={`tel:${phone.replace(/[^0-9+]/g, '')}`}
            onClick={() => onBook('phone')}
          >
            {t.clinicCall(phone)}
          </a>
        )}
      </div>
    </section>
  );
}
