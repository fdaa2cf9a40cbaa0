// The outcome, for acting on in ten seconds: a top card first (the urgency, what to do now, whether and when to see
// someone, when to call the emergency number instead; on an emergency, a button to call), then everything else in
// sections the person can open (why, the causes, what to do, the signs to watch for), one tap away. On paper and as
// copied text, a summary written for the professional who reads it.
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Answers } from '../engine/answers.ts';
import { evaluate, type Result, type ResultList } from '../engine/evaluate.ts';
import type { Urgency } from '../rules/schema.ts';
import { EmergencyNumberNote } from './EmergencyNumberNote.tsx';
import type { ClinicInfo } from './host-events.ts';
import { becauseLine, checklistLine, professionalSummary, reasonsOf, shownCauses, shownScopeExit, summaryText, type ProfessionalSummary } from './summary-text.ts';
import { topCardOf } from './top-card.ts';
import { useHeadingFocus, useUi } from './ui-context.ts';
import { UrgencyIcon } from './UrgencyIcon.tsx';
import { ActionButtons } from './ActionButtons.tsx';

interface Props {
  answers: Answers;
  clinic: ClinicInfo | undefined;
  onBook: (via: 'booking' | 'contact' | 'phone') => void;
  onStartAgain: () => void;
  onClear: () => void;
  /** Shown under the top card, given the result: the offer to check again in a few days (FollowUpOffer). */
  after?: (result: Result) => ReactNode;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function ResultScreen({ answers, clinic, onBook, onStartAgain, onClear, after }: Props) {
  const { t, say, rules, locale, dateLocale, print, emergency } = useUi();
  const uid = useId();
  const headingRef = useHeadingFocus<HTMLHeadingElement>('result');
  const result = useMemo(
    () => evaluate(rules, answers, locale, { emergencyNumber: emergency.number }),
    [rules, answers, locale, emergency.number],
  );
  // The date the summary was made: fixed when the result is first shown, so print and copy agree.
  const [madeOn] = useState(() => new Date());
  const [copy, setCopy] = useState<CopyState>('idle');
  const summary = professionalSummary(rules, answers, result, t, locale, madeOn, dateLocale);
  const text = summaryText(summary, t);
  const card = topCardOf(result, t, emergency, locale);
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
      <div className={`backcheck__top-card backcheck__top-card--${result.urgency}`} part="top-card">
        <div className={`backcheck__banner backcheck__banner--${result.urgency}`} part="banner">
          <UrgencyIcon urgency={result.urgency} />
          <div>
            <p className="backcheck__banner-label">{card.label}</p>
            <h1 id={headingId} className="backcheck__heading" tabIndex={-1} ref={headingRef}>
              {card.title}
            </h1>
          </div>
        </div>
        <div className="backcheck__card-body">
          <p className="backcheck__action">{card.action}</p>
          {card.call && (
            // The number to press, as large as the Continue button: on a phone, one tap calls it. target _top: in a
            // clinic's iframe a tel: link would navigate the frame itself, which the page's own frame-src blocks,
            // replacing the result with "This content is blocked" as the person calls.
            <p className="backcheck__actions backcheck__actions--call">
              <a className="backcheck__button backcheck__button--call" href={`tel:${result.emergencyNumber}`} target="_top">
                {card.call}
              </a>
            </p>
          )}
          {card.where && <EmergencyNumberNote text={card.where} />}
          <p className="backcheck__consult">{card.consult}</p>
          {card.callIf && <p className="backcheck__call-if">{card.callIf}</p>}
        </div>
      </div>

      {result.advice.map((a) => (
        // Advice the rules give for these answers (cooling down after heat exhaustion): something to do now, in view
        // under the top card rather than in a section to open.
        <p className="backcheck__advice-now" key={a.id}>
          {a.text}
        </p>
      ))}

      {/* Straight under the top card: what this check cannot say for them belongs with what it does say, not
          after an offer to check again. */}
      {scope && (
        <section className="backcheck__block" aria-labelledby={`${uid}-scope`}>
          <h2 id={`${uid}-scope`}>{scope.title}</h2>
          <p>{scope.message}</p>
        </section>
      )}

      {after?.(result)}

      {reasons.length > 0 && (
        <Disclosure id={`${uid}-why`} title={t.redFlagsTitle}>
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
        </Disclosure>
      )}

      {result.causes.length > 0 && (
        <Disclosure id={`${uid}-causes`} title={t.causesTitle}>
          <p>{causes.length === 0 ? t.causesNone : t.causesNote}</p>
          {causes.map((c) => (
            <article className="backcheck__cause" key={c.id} aria-labelledby={`${uid}-cause-${c.id}`}>
              <h3 id={`${uid}-cause-${c.id}`}>
                {c.title} <span className={`backcheck__tag backcheck__tag--${c.likelihood}`}>{t.likelihood[c.likelihood]}</span>
              </h3>
              <p className="backcheck__cause-summary">{c.summary}</p>
              <h4>{t.adviceTitle}</h4>
              <ul className="backcheck__list">
                {c.advice.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
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
        </Disclosure>
      )}

      {result.selfCareAdvice && (
        <Disclosure id={`${uid}-self-care`} title={result.selfCareAdvice.title}>
          <List list={result.selfCareAdvice} />
          {result.antiInflammatory && (
            <div className="backcheck__caution">
              <p>{result.antiInflammatory.title}</p>
              <List list={result.antiInflammatory} />
            </div>
          )}
        </Disclosure>
      )}

      <SafetyNet result={result} id={`${uid}-net`} />

      {result.urgency !== 'emergency' && <Clinic clinic={clinic} urgency={result.urgency} onBook={onBook} />}

      <section className="backcheck__block" aria-labelledby={`${uid}-take`}>
        <h2 id={`${uid}-take`}>{t.summaryTitle}</h2>
        <ActionButtons
          part="actions"
          actions={[
            { label: t.print, onClick: print, look: 'secondary' },
            { label: t.copy, onClick: copyText, look: 'secondary' },
          ]}
        />
        <p role="status" className="backcheck__status">
          {copy === 'copied' ? t.copied : copy === 'failed' ? t.copyFailed : ''}
        </p>
        {copy === 'failed' && (
          <div className="backcheck__copy-fallback">
            <label htmlFor={`${uid}-text`}>{t.copyFallbackLabel}</label>
            <textarea id={`${uid}-text`} readOnly rows={8} value={text} onFocus={(e) => e.currentTarget.select()} />
          </div>
        )}
      </section>

      <p className="backcheck__disclaimer">{result.disclaimer}</p>
      <p className="backcheck__meta">
        {summary.date} · {t.summaryVersion(say(rules.meta.title), result.rulesVersion, rules.meta.signoff?.on ?? null)}
      </p>
      <ActionButtons
        actions={[
          { label: t.startAgain, onClick: onStartAgain, look: 'secondary' },
          { label: t.clearAnswers, onClick: onClear, look: 'warning' },
        ]}
      />

      <PrintedSummary summary={summary} id={`${uid}-summary`} />
    </section>
  );
}

/** A section that opens: its heading is the button (the disclosure pattern), its content hidden until opened. */
/**
 * The two tiers of the safety net (what means calling the emergency number, what means a doctor today), on the result
 * and on a follow-up's comparison. Present, and calm: a section to open like the others, never the loudest thing on a
 * self-care result.
 */
export function SafetyNet({ result, id }: { result: Result; id: string }) {
  const { t, emergency } = useUi();
  if (!result.safetyNet && !result.safetyNetToday) return null;
  return (
    <Disclosure id={id} title={t.safetyTitle} className="backcheck__safety-net">
      {emergency.from !== 'clinic' && <EmergencyNumberNote text={null} />}
      {[result.safetyNet, result.safetyNetToday].map(
        (list, i) =>
          list && (
            <div key={i}>
              <h3>{list.title}</h3>
              <List list={list} />
            </div>
          ),
      )}
    </Disclosure>
  );
}

function Disclosure({ id, title, className, children }: { id: string; title: string; className?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <section className={`backcheck__block backcheck__disclosure${className ? ` ${className}` : ''}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="backcheck__disclosure-heading">
        <button type="button" className="backcheck__disclosure-button" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          {title}
        </button>
      </h2>
      <div id={`${id}-body`} className="backcheck__disclosure-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}

function List({ list }: { list: ResultList }) {
  return (
    <>
      <ul className="backcheck__list">
        {list.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {list.note && <p>{list.note}</p>}
    </>
  );
}

/**
 * The summary on paper, for the professional: title, blank lines for name and date of birth, the clinical header,
 * the checklist as the person saw it, every other answer, the causes and the advice given. Only printed.
 */
function PrintedSummary({ summary, id }: { summary: ProfessionalSummary; id: string }) {
  const { t } = useUi();
  const checklist = checklistLine(summary.checklist, t);
  return (
    <section className="backcheck__print-only backcheck__summary" aria-labelledby={id}>
      <h2 id={id}>{summary.title}</h2>
      <p className="backcheck__summary-blanks">
        <span>{t.summaryName}:</span> <span className="backcheck__blank" />
        <span>{t.summaryBirth}:</span> <span className="backcheck__blank" />
      </p>
      <p>
        {summary.date}. {summary.rules}.
      </p>
      <p className="backcheck__summary-result">{summary.result}</p>
      {summary.setBy && (
        <p>
          {t.summarySetBy}: {summary.setBy}
        </p>
      )}
      {summary.stopped && <p>{summary.stopped}</p>}
      <dl className="backcheck__summary-list">
        {summary.facts.map((f) => (
          <div className="backcheck__summary-row" key={f.label}>
            <dt>{f.label}:</dt> <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      {checklist && <p>{checklist}</p>}
      {summary.causes.length > 0 && (
        <p>
          {t.summaryCauses}: {summary.causes.join('; ')}
        </p>
      )}
      <p>
        {t.summaryAdvice}: {summary.advice.join(' ')}
      </p>
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

/** Booking is never the main action when the person needs help today: then it is one option among others. */
const BOOKING_SECONDARY: ReadonlySet<Urgency> = new Set(['urgent']);

/** The clinic's buttons; never on an emergency, where the only call to make is the emergency number. */
export function Clinic({ clinic, urgency, onBook }: { clinic: ClinicInfo | undefined; urgency: Urgency; onBook: Props['onBook'] }) {
  const { t } = useUi();
  const uid = useId();
  if (!clinic) return null;
  const booking = safeUrl(clinic.bookingUrl);
  const contact = safeUrl(clinic.contactUrl);
  const phone = clinic.phone?.trim() || null;
  if (!booking && !contact && !phone) return null;
  return (
    <section className="backcheck__block backcheck__clinic" part="clinic" aria-labelledby={`${uid}-clinic`}>
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
            target="_top"
            onClick={() => onBook('phone')}
          >
            {t.clinicCall(phone)}
          </a>
        )}
      </div>
    </section>
  );
}
