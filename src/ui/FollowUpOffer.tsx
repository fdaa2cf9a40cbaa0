// "Check again in N days" on a self-care or consult result (issue #18). Opt-in: nothing is kept until the person
// accepts, and "Forget this" removes it at once. Kept on this device only (src/storage/follow-up.ts).
import { useEffect, useId, useRef, useState } from 'react';
import type { Answers } from '../engine/answers.ts';
import { followUpDays, type PreviousCheck } from '../engine/follow-up.ts';
import { formatDate, formatNumber } from '../i18n/index.ts';
import type { Urgency } from '../rules/schema.ts';
import { followUpToKeep, forgetFollowUp, saveFollowUp } from '../storage/follow-up.ts';
import { clearProgress, type StorageLike } from '../storage/progress.ts';
import type { CheckEvent } from './host-events.ts';
import { useUi } from './ui-context.ts';

interface Props {
  urgency: Urgency;
  /** The likely causes shown, by id. */
  causes: readonly string[];
  /** The answers that counted for the result: only those the rules' `followUp.keep` names are kept. */
  answers: Answers;
  /** The result's shared response id, kept with the follow-up; null without share-answers, and nothing is kept. */
  responseId: string | null;
  /** After a follow-up: the first check, which stays the baseline of the next one (src/storage/follow-up.ts). */
  baseline?: PreviousCheck | undefined;
  rulesHash: string;
  storage: StorageLike | null;
  emit: (e: CheckEvent) => void;
}

type State = { kind: 'offered' } | { kind: 'saved'; due: Date } | { kind: 'not-saved'; due: Date } | { kind: 'forgotten' };

export function FollowUpOffer({ urgency, causes, answers, responseId, baseline, rulesHash, storage, emit }: Props) {
  const { t, rules, locale, dateLocale } = useUi();
  const uid = useId();
  const days = followUpDays(rules, urgency);
  const [state, setState] = useState<State>({ kind: 'offered' });
  // Both buttons remove themselves when pressed, and focus fell to the page's <body>. It goes to what takes their
  // place: "Forget this" after keeping, the section's heading after forgetting (the status line says what happened).
  const heading = useRef<HTMLHeadingElement>(null);
  const forgetButton = useRef<HTMLButtonElement>(null);
  const acted = useRef(false);
  useEffect(() => {
    if (!acted.current) return;
    (state.kind === 'saved' ? forgetButton.current : heading.current)?.focus();
  }, [state.kind]);
  // Once per result shown; StrictMode's second effect run sends it again only in development.
  useEffect(() => {
    if (days !== null) emit({ type: 'followup-offered', urgency, afterDays: days });
  }, [days, urgency, emit]);
  if (days === null) return null;

  const accept = () => {
    acted.current = true;
    const kept = followUpToKeep(rules, rulesHash, { urgency, causes, responseId: responseId ?? undefined }, answers, days, Date.now(), baseline);
    const due = new Date(kept.dueAt);
    const saved = saveFollowUp(storage, kept);
    setState(saved ? { kind: 'saved', due } : { kind: 'not-saved', due });
    if (saved) emit({ type: 'followup-accepted', urgency, afterDays: days });
  };
  // "Forget this" means this check: the follow-up and the saved result go (a reload then starts afresh).
  const forget = () => {
    acted.current = true;
    forgetFollowUp(storage, rules.meta.id);
    clearProgress(storage, rules.meta.id);
    setState({ kind: 'forgotten' });
  };

  return (
    <section className="backcheck__block backcheck__follow-up" aria-labelledby={`${uid}-follow-up`}>
      <h2 id={`${uid}-follow-up`} ref={heading} tabIndex={-1}>
        {t.followUpOffer(formatNumber(locale, days))}
      </h2>
      {state.kind === 'offered' && (
        <>
          <p>{t.followUpOfferNote}</p>
          <button type="button" className="backcheck__button backcheck__button--secondary" onClick={accept}>
            {t.followUpAccept}
          </button>
        </>
      )}
      <p role="status">
        {state.kind === 'saved'
          ? t.followUpSaved(formatDate(dateLocale, state.due))
          : state.kind === 'not-saved'
            ? t.followUpNotSaved(formatDate(dateLocale, state.due))
            : state.kind === 'forgotten'
              ? t.followUpForgotten
              : ''}
      </p>
      {state.kind === 'saved' && (
        <button type="button" ref={forgetButton} className="backcheck__button backcheck__button--warning" onClick={forget}>
          {t.followUpForget}
        </button>
      )}
    </section>
  );
}
