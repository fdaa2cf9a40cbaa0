// The root of the gym-goer's check: language, resume offer, and the screens of the check machine. Built to run
// standalone (main.tsx) and inside a clinic's page (the embed), so it owns no <title>, no portals, no global focus
// on load unless asked, and saves only where the host allows.
import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TimeEstimate } from '../engine/burden.ts';
import { evaluate } from '../engine/evaluate.ts';
import { compareFollowUp, followUpRulesOf, type PreviousCheck } from '../engine/follow-up.ts';
import { countedAnswers, stepProgress, type Response } from '../engine/navigation.ts';
import { layoutOf } from '../engine/screens.ts';
import { checkMachine, currentStep, type CheckEvent, type CheckInput } from '../flow/machine.ts';
import { browserLocale, catalogues, dateLocaleFor, formatDate, formatNumber } from '../i18n/index.ts';
import type { Rules } from '../rules/schema.ts';
import type { Locale } from '../rules/text.ts';
import {
  browserStorage,
  clearProgress,
  readProgress,
  RESUME_WITHOUT_ASKING_MS,
  saveProgress,
  type ResumeCheck,
  type SavedProgress,
  type StorageLike,
} from '../storage/progress.ts';
import { forgetFollowUp, readFollowUp, type SavedFollowUp } from '../storage/follow-up.ts';
import { randomId } from '../fhir/response-id.ts';
import { FollowUpIntro, FollowUpResult } from './FollowUpCheck.tsx';
import { FollowUpOffer } from './FollowUpOffer.tsx';
import { shownCauses } from './summary-text.ts';
import { landedOnMark, syncHistory, type HistorySync } from './browser-history.ts';
import { browserRegion, emergencyNumberFor } from './emergency-number.ts';
import type { CheckEvent as HostEvent, ClinicInfo } from './host-events.ts';
import { IntroScreen } from './IntroScreen.tsx';
import { CheckHeader } from './CheckHeader.tsx';
import { StepScreen } from './StepScreen.tsx';
import { ResultScreen } from './ResultScreen.tsx';
import { ResumeOffer } from './ResumeOffer.tsx';
import { ReviewScreen } from './ReviewScreen.tsx';
import { makeSay, UiContext, useUi, type UiContextValue } from './ui-context.ts';

export interface CheckAppProps {
  rules: Rules;
  /** Hash of the rules file: saved answers are only ever resumed against the exact same rules. */
  rulesHash: string;
  /**
   * The intro's time estimate, worked out from the rules at build time (the rules plugin); tests and tools with
   * rules of their own work it out with `timeEstimate` (src/engine/burden.ts). Not worked out here, so that the
   * response-time model never ships to the person (2.3 kB).
   */
  timeEstimate: TimeEstimate;
  /** Fixed language; without it the browser's language is used, and the person can switch. */
  locale?: Locale;
  /** Region for dates (e.g. "AU" from a clinic's en-AU), whatever language the person picks. */
  region?: string;
  onEvent?: (e: HostEvent) => void;
  /** Where progress is saved; `null` never saves (an embedded widget saves only when its host allows). */
  storage?: StorageLike | null;
  /** Move focus to the first screen's heading on load. Leave false when embedded in another page. */
  focusOnStart?: boolean;
  clinic?: ClinicInfo;
  /** Told when the person switches language, so a standalone page can update <html lang>. */
  onLocaleChange?: (locale: Locale) => void;
  /**
   * Gets the rules' words of a language before the check switches to it (the loaded check downloads each language's
   * words on demand). Without it the rules are taken to hold every language already.
   */
  wordsFor?: (locale: Locale) => Promise<void>;
  /** How "Print or save this summary" prints; by default the browser prints the page. */
  onPrint?: () => void;
  /** Put the answers in the `complete` event (a clinic opted in with share-answers). Off by default. */
  shareAnswers?: boolean;
  /**
   * Each step is a browser history entry: Back and Forward (and a phone's back gesture) move between steps, and a
   * reload keeps the step. The standalone page turns it on; an embed only when the clinic opts in.
   */
  browserHistory?: boolean;
  /** The person already pressed Start (on LazyCheck's intro, while this was loading): begin at the first question. */
  startAtOnce?: boolean;
}

type Notice = Exclude<ResumeCheck, { kind: 'none' } | { kind: 'found' }>['reason'] | 'cleared' | 'follow-up-forgotten' | null;

type Phase =
  | { kind: 'offer'; progress: SavedProgress }
  /** A follow-up is due (issue #18): "How is your back since <date>?" */
  | { kind: 'follow-up'; followUp: SavedFollowUp }
  | { kind: 'check'; resume: SavedProgress | null; run: number; followUp?: SavedFollowUp };

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
  const emit = useCallback((e: HostEvent) => onEventRef.current?.(e), []);

  // Read once, without side effects (StrictMode may call this twice); a discarded save is removed in an effect.
  const [initial] = useState(() => readProgress(storage, rules, rulesHash));
  // A follow-up kept on this device: due (offered first, unless a check is half done), or waiting (named on the intro).
  const [kept, setKept] = useState(() => readFollowUp(storage, rules, rulesHash));
  const [phase, setPhase] = useState<Phase>(() => {
    if (initial.kind !== 'found') return kept.kind === 'due' ? { kind: 'follow-up', followUp: kept.followUp } : { kind: 'check', resume: null, run: 0 };
    // A reload (or Back into the page) lands on a step the check marked: carry on there without asking, unless it
    // was long enough ago that the person may not remember where they were.
    const recent = Date.now() - initial.progress.savedAt <= RESUME_WITHOUT_ASKING_MS;
    if (props.browserHistory && recent && landedOnMark(rules.meta.id)) return { kind: 'check', resume: initial.progress, run: 0 };
    return { kind: 'offer', progress: initial.progress };
  });
  const [notice, setNotice] = useState<Notice>(initial.kind === 'discarded' ? initial.reason : null);
  useEffect(() => {
    if (initial.kind === 'discarded') clearProgress(storage, rules.meta.id);
    if (kept.kind === 'discarded') forgetFollowUp(storage, rules.meta.id);
  }, [initial, kept, storage, rules]);

  const timeEstimate = props.timeEstimate;
  // The region the person chose (null: another country); until then the clinic's region or the browser's.
  const [chosenRegion, setChosenRegion] = useState<string | null | undefined>(undefined);
  const clinicNumber = props.clinic?.emergencyNumber;
  const emergency = useMemo(
    () =>
      emergencyNumberFor(rules.results.emergencyNumbers, {
        clinicNumber,
        region: chosenRegion === undefined ? (props.region ?? browserRegion()) : chosenRegion,
      }),
    [rules, clinicNumber, chosenRegion, props.region],
  );
  const ui = useMemo<UiContextValue>(
    () => ({
      rules,
      locale,
      dateLocale: dateLocaleFor(locale, props.region),
      t: catalogues[locale],
      say: makeSay(locale),
      focusAllowed,
      print: onPrint ?? printPage,
      timeEstimate,
      emergency,
      chooseRegion: setChosenRegion,
    }),
    [rules, locale, props.region, onPrint, timeEstimate, emergency],
  );

  // The follow-up's screens read the follow-up's layout of the same rules, like its machine.
  const followUpUi = useMemo<UiContextValue | null>(() => (rules.followUp ? { ...ui, rules: followUpRulesOf(rules) } : null), [ui, rules]);
  const inFollowUp = phase.kind === 'check' && phase.followUp !== undefined;
  const forget = () => {
    userActed();
    forgetFollowUp(storage, rules.meta.id);
    setKept({ kind: 'none' });
    setNotice('follow-up-forgotten');
    setPhase({ kind: 'check', resume: null, run: 1 });
  };

  // The switch waits for the words: switched at once, the labels changed while the rules' words were stand-ins in
  // the old language, and a result worked out meanwhile kept them (English advice under lang="es"). The last
  // language asked for wins if the person presses twice.
  const askedLocale = useRef<Locale | null>(null);
  const switchLocale = (l: Locale) => {
    askedLocale.current = l;
    const apply = () => {
      if (askedLocale.current !== l) return;
      setChosenLocale(l);
      onLocaleChange?.(l);
    };
    if (props.wordsFor) props.wordsFor(l).then(apply, apply);
    else apply();
  };
  const userActed = () => {
    focusAllowed.current = true;
  };

  return (
    <UiContext.Provider value={ui}>
      <div className="backcheck" lang={locale}>
        {phase.kind === 'follow-up' ? (
          <>
            <CheckHeader title={ui.say(rules.meta.title)} locale={locale} onLocale={switchLocale} />
            <FollowUpIntro
              previous={phase.followUp}
              onStart={() => {
                userActed();
                setPhase({ kind: 'check', resume: null, run: 1, followUp: phase.followUp });
              }}
              onNewCheck={() => {
                userActed();
                setPhase({ kind: 'check', resume: null, run: 1 });
              }}
              onForget={forget}
            />
          </>
        ) : phase.kind === 'offer' ? (
          <>
          <CheckHeader title={ui.say(rules.meta.title)} locale={locale} onLocale={switchLocale} />
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
          </>
        ) : (
          <UiContext.Provider value={inFollowUp && followUpUi ? followUpUi : ui}>
          <CheckFlow
            key={phase.run}
            resume={phase.resume}
            followUp={phase.followUp ?? null}
            waiting={kept.kind === 'waiting' ? kept.followUp : null}
            onForget={forget}
            onNewCheck={() => {
              userActed();
              setKept({ kind: 'none' });
              setPhase({ kind: 'check', resume: null, run: phase.run + 1 });
            }}
            storage={storage}
            rulesHash={rulesHash}
            clinic={props.clinic}
            notice={notice}
            setNotice={setNotice}
            userActed={userActed}
            emit={emit}
            shareAnswers={props.shareAnswers ?? false}
            browserHistory={props.browserHistory ?? false}
            startAtOnce={phase.followUp !== undefined || (phase.run === 0 && (props.startAtOnce ?? false))}
            onLocale={switchLocale}
          />
          </UiContext.Provider>
        )}
      </div>
    </UiContext.Provider>
  );
}

interface FlowProps {
  resume: SavedProgress | null;
  /** Ask the follow-up check against this earlier check. */
  followUp: SavedFollowUp | null;
  /** A follow-up kept and not yet due: named on the intro, with "Forget this". */
  waiting: SavedFollowUp | null;
  onForget: () => void;
  /** Leaves a follow-up for a new, whole check ("Start again" on its result). */
  onNewCheck: () => void;
  storage: StorageLike | null;
  rulesHash: string;
  clinic: ClinicInfo | undefined;
  notice: Notice;
  setNotice: (n: Notice) => void;
  userActed: () => void;
  emit: (e: HostEvent) => void;
  browserHistory: boolean;
  shareAnswers: boolean;
  startAtOnce: boolean;
  onLocale: (locale: Locale) => void;
}

function CheckFlow(props: FlowProps) {
  const { resume, followUp, waiting, onForget, onNewCheck, rulesHash, clinic, notice, setNotice, userActed, emit, startAtOnce, shareAnswers, browserHistory, onLocale } = props;
  // The follow-up keeps no progress: its storage holds the follow-up itself, nothing more.
  const storage = followUp ? null : props.storage;
  const { rules, t, say, locale, dateLocale } = useUi();
  // The comparison's "now": when the follow-up began, so its result and its event agree.
  const [startedAt] = useState(() => Date.now());
  const [input] = useState<CheckInput>(() =>
    followUp
      ? { rules, followUp }
      : resume
      ? {
          rules,
          resume: { answers: resume.answers, choices: resume.choices, current: resume.current, history: resume.history, atResult: resume.atResult === true },
        }
      : { rules },
  );
  const actor = useActorRef(checkMachine, { input });
  const screen = useSelector(actor, (s) => s.value);
  const context = useSelector(actor, (s) => s.context);
  const canGoBack = useSelector(actor, (s) => s.can({ type: 'user.back' }));
  // The shared response id of the result on screen (only with shareAnswers): kept if its follow-up is accepted.
  const [responseId, setResponseId] = useState<string | null>(null);
  const history = useRef<HistorySync | null>(null);

  // Saves progress and tells the host where the person is. A subscription, not a render effect, so each
  // transition is reported once (renders can repeat, e.g. in StrictMode).
  useEffect(() => {
    let before = String(actor.getSnapshot().value);
    let beforeStep = actor.getSnapshot().context.current;
    const sub = actor.subscribe((snapshot) => {
      const ctx = snapshot.context;
      if (Object.keys(ctx.answers).length > 0) saveProgress(storage, rules, rulesHash, { ...ctx, atResult: snapshot.matches('result') });
      else clearProgress(storage, rules.meta.id);
      const now = String(snapshot.value);
      if (now === before && ctx.current === beforeStep) return;
      const was = before;
      before = now;
      beforeStep = ctx.current;
      const step = now === 'question' ? currentStep(ctx) : null;
      if (step) {
        if (was === 'intro') emit({ type: 'start' });
        emit({ type: 'step', section: step.screen.section, screen: step.key, stepNumber: ctx.history.length + 1 });
      } else if (now === 'result') {
        const answers = countedAnswers(rules, ctx.answers);
        // Only when the host asked (the embed's share-answers): by default answers never leave the check. Each
        // result's shared answers make a response with a random id, which a follow-up accepted on it keeps.
        const shared = shareAnswers ? { answers, responseId: randomId() } : {};
        setResponseId(shared.responseId ?? null);
        if (ctx.followUp) {
          const c = compareFollowUp(rules, ctx.followUp, ctx.answers, startedAt);
          emit({
            type: 'followup-complete',
            urgency: c.urgency,
            outcome: c.usual && (c.result.redFlags.length > 0 || c.result.outOfScope) ? 'warning-sign' : (c.outcome?.outcome ?? 'same'),
            daysSince: c.daysSince,
            rulesId: rules.meta.id,
            rulesVersion: rules.meta.version,
            // The earlier check's response, when its id was kept (it was shared too).
            ...(shareAnswers && followUp?.responseId ? { ...shared, followUpOf: followUp.responseId } : shared),
          });
          // Used: the follow-up is gone from the device (its result may offer another, from now).
          forgetFollowUp(props.storage, rules.meta.id);
        } else {
          const result = evaluate(rules, answers);
          emit({
            type: 'complete',
            urgency: result.urgency,
            causes: result.causes.map((c) => ({ id: c.id, likelihood: c.likelihood })),
            redFlags: result.redFlags.map((r) => r.id),
            rulesId: result.rulesId,
            rulesVersion: result.rulesVersion,
            rulesSignedOff: rules.meta.signoff !== undefined,
            ...shared,
          });
        }
      }
    });
    return () => sub.unsubscribe();
  }, [actor, storage, props.storage, rules, rulesHash, emit, shareAnswers, startedAt, followUp]);

  // The browser's Back and Forward move through the steps (standalone; embedded only when the clinic opts in).
  useEffect(() => {
    if (!browserHistory) return;
    const sync = syncHistory(rules.meta.id, (moved) => {
      for (let i = 0; i < Math.abs(moved); i++) {
        const event = moved < 0 ? ({ type: 'user.back' } as const) : ({ type: 'user.forward' } as const);
        if (!actor.getSnapshot().can(event)) break;
        actor.send(event);
      }
      // Back past the intro leaves the check: go on to the entry before it rather than stopping on a dead one.
      if (moved < 0 && actor.getSnapshot().matches('intro')) sync.rewind();
    });
    history.current = sync;
    return () => {
      sync.stop();
      history.current = null;
    };
  }, [actor, browserHistory, rules]);

  // After the subscription above, so the host still hears `start`. A second run (StrictMode) is ignored by the
  // machine, which only takes user.start on the intro.
  useEffect(() => {
    if (startAtOnce) actor.send({ type: 'user.start' });
  }, [actor, startAtOnce]);

  const send = (event: CheckEvent) => {
    userActed();
    if (notice) setNotice(null);
    const sync = history.current;
    if (event.type === 'user.back' && sync) return sync.back(() => actor.send(event));
    const before = actor.getSnapshot();
    actor.send(event);
    const after = actor.getSnapshot();
    const moved = after.value !== before.value || after.context.current !== before.context.current;
    if (sync && moved && event.type !== 'user.restart') sync.pushed();
  };

  // "Check again in N days", kept on this device only: never where nothing can be kept (an embed without save-progress).
  const offer = (urgency: Parameters<typeof FollowUpOffer>[0]['urgency'], causes: string[], baseline?: PreviousCheck) =>
    props.storage && (
      <FollowUpOffer
        urgency={urgency}
        causes={causes}
        baseline={baseline}
        answers={countedAnswers(rules, context.answers)}
        responseId={responseId}
        rulesHash={rulesHash}
        storage={props.storage}
        emit={emit}
      />
    );

  // A follow-up's result compares then and now; a warning sign (or answers that say more) shows the usual result.
  const comparison = screen === 'result' && followUp ? { previous: followUp, ...compareFollowUp(rules, followUp, context.answers, startedAt) } : null;
  const step = screen === 'question' ? currentStep(context) : null;
  const previousStep = context.history.at(-1);
  const previousSection = previousStep ? layoutOf(rules).screenById.get(previousStep.split('/')[0] ?? '')?.section : undefined;
  const section = step ? rules.sections.find((s) => s.id === step.screen.section) : undefined;
  const firstOfSection = step && !context.changingFromReview && previousSection !== step.screen.section;
  const place = step ? stepProgress(rules, context.answers, context.choices, step.key) : null;
  const progress = step
    ? context.changingFromReview
      ? t.changingAnswer
      : place
        ? t.progress(formatNumber(locale, place.step), formatNumber(locale, place.steps))
        : ''
    : '';

  return (
    <>
      {/* The intro's heading is the service's name, and it has nothing to go back to: the strip holds the
          language switch alone. */}
      <CheckHeader
        title={screen === 'intro' ? null : say(rules.meta.title)}
        back={
          screen === 'intro' ? undefined : canGoBack ? (
            <button type="button" className="backcheck__back" onClick={() => send({ type: 'user.back' })}>
              {t.back}
            </button>
          ) : null
        }
        locale={locale}
        onLocale={onLocale}
      />
      {notice && screen === 'intro' && (
        <p className="backcheck__notice" role="status">
          {noticeText(notice, t)}
        </p>
      )}
      <div className={step ? 'backcheck__progress-row' : 'backcheck__progress-row backcheck__progress-row--idle'}>
        {/* Always in the page so that changes to it are announced; empty off the question screens. */}
        <p className="backcheck__progress" aria-live="polite">
          {progress}
        </p>
        {section && <p className="backcheck__caption">{say(section.title)}</p>}
      </div>
      {waiting && screen === 'intro' && (
        <p className="backcheck__notice" role="status">
          {t.followUpWaiting(formatDate(dateLocale, new Date(waiting.dueAt)))}{' '}
          <button type="button" className="backcheck__link-button" onClick={onForget}>
            {t.followUpForget}
          </button>
        </p>
      )}
      {screen === 'intro' && <IntroScreen onStart={() => send({ type: 'user.start' })} />}
      {step && (
        <StepScreen
          key={step.key}
          step={step}
          saved={context.answers}
          savedChoice={context.choices[step.screen.id]}
          problems={context.error && context.error.step === step.key ? context.error.problems : null}
          sectionIntro={firstOfSection && section?.intro ? say(section.intro) : null}
          fallbackTitle={section ? say(section.title) : ''}
          onRespond={(response: Response) => send({ type: 'user.answer', response })}
        />
      )}
      {screen === 'review' && (
        <ReviewScreen
          answers={context.answers}
          choices={context.choices}
          onChange={(screenId) => send({ type: 'user.change', screen: screenId })}
          onConfirm={() => send({ type: 'user.confirm' })}
        />
      )}
      {comparison && !comparison.usual ? (
        <FollowUpResult
          previous={comparison.previous}
          answers={context.answers}
          now={startedAt}
          clinic={clinic}
          onBook={(via) => emit({ type: 'book', via })}
          onStartAgain={onNewCheck}
        >
          {offer(comparison.urgency, [], comparison.previous)}
        </FollowUpResult>
      ) : screen === 'result' && (
        <ResultScreen
          after={followUp ? undefined : (result) => offer(result.urgency, shownCauses(result).map((c) => c.id))}
          answers={countedAnswers(rules, context.answers)}
          clinic={clinic}
          onBook={(via) => emit({ type: 'book', via })}
          // After a follow-up, starting again is a new, whole check.
          onStartAgain={followUp ? onNewCheck : () => send({ type: 'user.restart' })}
          onClear={() => {
            if (followUp) return onNewCheck();
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
    case 'follow-up-forgotten':
      return t.followUpForgotten;
  }
}
