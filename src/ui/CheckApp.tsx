// The root of the gym-goer's check: language, resume offer, and the screens of the check machine. Built to run
// standalone (main.tsx) and inside a clinic's page (the embed), so it owns no <title>, no portals, no global focus
// on load unless asked, and saves only where the host allows.
import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { evaluate } from '../engine/evaluate.ts';
import { findQuestion, type AnswerValue } from '../engine/answers.ts';
import { checkMachine, type CheckContext, type CheckInput } from '../flow/machine.ts';
import { browserLocale, catalogues, formatNumber } from '../i18n/index.ts';
import type { Rules } from '../rules/schema.ts';
import type { Locale } from '../rules/text.ts';
import {
  browserStorage,
  clearProgress,
  readProgress,
  saveProgress,
  type ResumeCheck,
  type SavedProgress,
  type StorageLike,
} from '../storage/progress.ts';
import type { CheckEvent, ClinicInfo } from './host-events.ts';
import { IntroScreen } from './IntroScreen.tsx';
import { CheckHeader } from './CheckHeader.tsx';
import { QuestionScreen } from './QuestionScreen.tsx';
import { ResultScreen } from './ResultScreen.tsx';
import { ResumeOffer } from './ResumeOffer.tsx';
import { ReviewScreen } from './ReviewScreen.tsx';
import { makeSay, UiContext, useUi, type UiContextValue } from './ui-context.ts';

export interface CheckAppProps {
  rules: Rules;
  /** Hash of the rules file: saved answers are only ever resumed against the exact same rules. */
  rulesHash: string;
  /** Fixed language; without it the browser's language is used, and the person can switch. */
  locale?: Locale;
  onEvent?: (e: CheckEvent) => void;
  /** Where progress is saved; `null` never saves (an embedded widget saves only when its host allows). */
  storage?: StorageLike | null;
  /** Move focus to the first screen's heading on load. Leave false when embedded in another page. */
  focusOnStart?: boolean;
  clinic?: ClinicInfo;
  /** Told when the person switches language, so a standalone page can update <html lang>. */
  onLocaleChange?: (locale: Locale) => void;
  /** How "Print or save this summary" prints; by default the browser prints the page. */
  onPrint?: () => void;
  /** Put the answers in the `complete` event (a clinic opted in with share-answers). Off by default. */
  shareAnswers?: boolean;
  /** The person already pressed Start (on LazyCheck's intro, while this was loading): begin at the first question. */
  startAtOnce?: boolean;
}

type Notice = Exclude<ResumeCheck, { kind: 'none' } | { kind: 'found' }>['reason'] | 'cleared' | null;

type Phase = { kind: 'offer'; progress: SavedProgress } | { kind: 'check'; resume: SavedProgress | null; run: number };

export function CheckApp(props: CheckAppProps) {
  const { rules, rulesHash, onLocaleChange, onPrint } = props;
  const [storage] = useState<StorageLike | null>(() => (props.storage === undefined ? browserStorage() : props.storage));
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const locale = chosenLocale ?? props.locale ?? browserLocale();
  const focusAllowed = useRef((props.focusOnStart ?? false) || (props.startAtOnce ?? false));
  // The latest onEvent, read when an event happens, so a host passing a new function each render is fine.
  const onEventRef = useRef(props.onEvent);
  useEffect(() => {
    onEventRef.current = props.onEvent;
  });
  const emit = useCallback((e: CheckEvent) => onEventRef.current?.(e), []);

  // Read once, without side effects (StrictMode may call this twice); a discarded save is removed in an effect.
  const [initial] = useState(() => readProgress(storage, rules, rulesHash));
  const [phase, setPhase] = useState<Phase>(() =>
    initial.kind === 'found' ? { kind: 'offer', progress: initial.progress } : { kind: 'check', resume: null, run: 0 },
  );
  const [notice, setNotice] = useState<Notice>(initial.kind === 'discarded' ? initial.reason : null);
  useEffect(() => {
    if (initial.kind === 'discarded') clearProgress(storage, rules.meta.id);
  }, [initial, storage, rules]);

  const ui = useMemo<UiContextValue>(
    () => ({ rules, locale, t: catalogues[locale], say: makeSay(locale), focusAllowed, print: onPrint ?? printPage }),
    [rules, locale, onPrint],
  );

  const switchLocale = (l: Locale) => {
    setChosenLocale(l);
    onLocaleChange?.(l);
  };
  const userActed = () => {
    focusAllowed.current = true;
  };

  return (
    <UiContext.Provider value={ui}>
      <div className="backcheck" lang={locale}>
        <CheckHeader title={ui.say(rules.meta.title)} locale={locale} onLocale={switchLocale} />
        {phase.kind === 'offer' ? (
          <ResumeOffer
            progress={phase.progress}
            onContinue={() => {
              userActed();
              setPhase({ kind: 'check', resume: phase.progress, run: 1 });
            }}
            onStartAgain={() => {
              userActed();
              clearProgress(storage, rules.meta.id);
              setPhase({ kind: 'check', resume: null, run: 1 });
            }}
          />
        ) : (
          <CheckFlow
            key={phase.run}
            resume={phase.resume}
            storage={storage}
            rulesHash={rulesHash}
            clinic={props.clinic}
            notice={notice}
            setNotice={setNotice}
            userActed={userActed}
            emit={emit}
            shareAnswers={props.shareAnswers ?? false}
            startAtOnce={phase.run === 0 && (props.startAtOnce ?? false)}
          />
        )}
      </div>
    </UiContext.Provider>
  );
}

interface FlowProps {
  resume: SavedProgress | null;
  storage: StorageLike | null;
  rulesHash: string;
  clinic: ClinicInfo | undefined;
  notice: Notice;
  setNotice: (n: Notice) => void;
  userActed: () => void;
  emit: (e: CheckEvent) => void;
  shareAnswers: boolean;
  startAtOnce: boolean;
}

/** "Question N": how many questions the person has been shown on their path, never a total branching could change. */
function questionNumber(context: Pick<CheckContext, 'current' | 'history'>): number {
  const seen = context.current ? context.history.indexOf(context.current) : -1;
  return seen >= 0 ? seen + 1 : context.history.length + 1;
}

function CheckFlow(props: FlowProps) {
  const { resume, storage, rulesHash, clinic, notice, setNotice, userActed, emit, startAtOnce, shareAnswers } = props;
  const { rules, t, say, locale } = useUi();
  const [input] = useState<CheckInput>(() =>
    resume ? { rules, resume: { answers: resume.answers, current: resume.current, history: resume.history } } : { rules },
  );
  const actor = useActorRef(checkMachine, { input });
  const screen = useSelector(actor, (s) => s.value);
  const context = useSelector(actor, (s) => s.context);
  const canGoBack = useSelector(actor, (s) => s.can({ type: 'user.back' }));

  // Saves progress and tells the host where the person is. A subscription, not a render effect, so each
  // transition is reported once (renders can repeat, e.g. in StrictMode).
  useEffect(() => {
    let before = String(actor.getSnapshot().value);
    let beforeQuestion = actor.getSnapshot().context.current;
    const sub = actor.subscribe((snapshot) => {
      const ctx = snapshot.context;
      if (Object.keys(ctx.answers).length > 0) saveProgress(storage, rules, rulesHash, ctx);
      else clearProgress(storage, rules.meta.id);
      const now = String(snapshot.value);
      if (now === before && ctx.current === beforeQuestion) return;
      const was = before;
      before = now;
      beforeQuestion = ctx.current;
      if (now === 'question' && ctx.current) {
        if (was === 'intro') emit({ type: 'start' });
        const section = findQuestion(rules, ctx.current)?.section ?? '';
        emit({ type: 'step', section, questionNumber: questionNumber(ctx) });
      } else if (now === 'result') {
        const result = evaluate(rules, ctx.answers);
        emit({
          type: 'complete',
          urgency: result.urgency,
          causes: result.causes.map((c) => ({ id: c.id, likelihood: c.likelihood })),
          redFlags: result.redFlags.map((r) => r.id),
          rulesId: result.rulesId,
          rulesVersion: result.rulesVersion,
          rulesSignedOff: rules.meta.signoff !== undefined,
          // Only when the host asked (the embed's share-answers): by default answers never leave the check.
          ...(shareAnswers ? { answers: ctx.answers } : {}),
        });
      }
    });
    return () => sub.unsubscribe();
  }, [actor, storage, rules, rulesHash, emit, shareAnswers]);

  // After the subscription above, so the host still hears `start`. A second run (StrictMode) is ignored by the
  // machine, which only takes user.start on the intro.
  useEffect(() => {
    if (startAtOnce) actor.send({ type: 'user.start' });
  }, [actor, startAtOnce]);

  const send = (event: Parameters<typeof actor.send>[0]) => {
    userActed();
    if (notice) setNotice(null);
    actor.send(event);
  };

  const question = screen === 'question' && context.current ? findQuestion(rules, context.current) : undefined;
  const previous = context.history.at(-1);
  const firstOfSection =
    question && !context.changingFromReview && (!previous || findQuestion(rules, previous)?.section !== question.section);
  const section = question ? rules.sections.find((s) => s.id === question.section) : undefined;
  const progress = question
    ? context.changingFromReview
      ? t.changingAnswer
      : t.questionNumber(formatNumber(locale, questionNumber(context)))
    : '';

  return (
    <>
      <div className="backcheck__nav">
        {canGoBack && (
          <button type="button" className="backcheck__back" onClick={() => send({ type: 'user.back' })}>
            {t.back}
          </button>
        )}
      </div>
      {notice && screen === 'intro' && (
        <p className="backcheck__notice" role="status">
          {noticeText(notice, t)}
        </p>
      )}
      <div className={question ? 'backcheck__progress-row' : 'backcheck__progress-row backcheck__progress-row--idle'}>
        {/* Always in the page so that changes to it are announced; empty off the question screens. */}
        <p className="backcheck__progress" aria-live="polite">
          {progress}
        </p>
        {section && <p className="backcheck__caption">{say(section.title)}</p>}
      </div>
      {screen === 'intro' && <IntroScreen onStart={() => send({ type: 'user.start' })} />}
      {question && (
        <QuestionScreen
          key={question.id}
          question={question}
          saved={context.answers[question.id]}
          error={context.error && context.error.questionId === question.id ? context.error : null}
          sectionIntro={firstOfSection && section?.intro ? say(section.intro) : null}
          onAnswer={(value: AnswerValue | undefined) => send({ type: 'user.answer', value })}
        />
      )}
      {screen === 'review' && (
        <ReviewScreen
          answers={context.answers}
          onChange={(questionId) => send({ type: 'user.change', questionId })}
          onConfirm={() => send({ type: 'user.confirm' })}
        />
      )}
      {screen === 'result' && (
        <ResultScreen
          answers={context.answers}
          clinic={clinic}
          onBook={(via) => emit({ type: 'book', via })}
          onStartAgain={() => send({ type: 'user.restart' })}
          onClear={() => {
            send({ type: 'user.restart' });
            clearProgress(storage, rules.meta.id);
            setNotice('cleared');
          }}
        />
      )}
    </>
  );
}

function printPage(): void {
  window.print();
}

function noticeText(notice: Exclude<Notice, null>, t: UiContextValue['t']): string {
  switch (notice) {
    case 'other-rules':
      return t.discardedOtherRules;
    case 'expired':
      return t.discardedExpired;
    case 'corrupted':
      return t.discardedCorrupted;
    case 'cleared':
      return t.cleared;
  }
}
