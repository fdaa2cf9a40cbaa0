// The check as pages and the embed load it: the intro shows at once, from a few kilobytes, while the machine, the
// screens and the rules (most of the weight besides the renderer) load in the background, with the words of the
// person's language only (the other language's come when they switch). A Start pressed before they arrive is kept,
// and the first question follows as soon as they do.
// The chunk is loaded by hand rather than with lazy() and <Suspense>: the focus carried over from the placeholder must
// be restored exactly once, after the loaded check is on screen, which a suspended subtree's effects do not promise.
import { useEffect, useReducer, useRef, useState, type FocusEvent, type RefObject } from 'react';
import meta from '../../rules/lower-back-after-workout.yaml?rules-meta';
import { browserLocale, catalogues } from '../i18n/index.ts';
import { localize, type Locale } from '../rules/text.ts';
import type { CheckAppProps } from './CheckApp.tsx';
import { CheckHeader } from './CheckHeader.tsx';
import { browserRegion, emergencyNumberFor } from './emergency-number.ts';
import { IntroView, minutesText } from './IntroScreen.tsx';
import { textPack } from './text-packs.ts';

type LoadedModule = typeof import('./LoadedCheck.tsx');
let loading: Promise<LoadedModule> | null = null;
/** Once loaded, later checks on the page (another widget, Start again) render it at once, without a placeholder. */
let loaded: LoadedModule | null = null;

export type LazyCheckProps = Omit<CheckAppProps, 'rules' | 'rulesHash' | 'timeEstimate' | 'startAtOnce'>;

function loadModule(): Promise<LoadedModule> {
  loading ??= import('./LoadedCheck.tsx').then((module) => (loaded = module));
  return loading;
}

/**
 * Starts the download without waiting for React to ask (e.g. as soon as the page's script runs): the check, and the
 * words of its rules in `locale` beside it. A failure is also seen by the check when it renders, which is where a host
 * reports it; the promise is for hosts that want to know.
 */
export function preloadCheck(locale: Locale = browserLocale()): Promise<unknown> {
  return Promise.all([loadModule(), textPack(locale)]).then(([module, words]) => module.addTexts(locale, words));
}

/**
 * The loaded check once it has the words of some language (it shows the first to arrive until `locale`'s do), or
 * null while it loads; a failed load is thrown to the host's error boundary.
 */
function useLoadedCheck(locale: Locale): LoadedModule['default'] | null {
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const [, textsArrived] = useReducer((n: number) => n + 1, 0);
  const ready = loaded?.hasTexts(locale) ?? false;
  useEffect(() => {
    if (ready) return;
    let live = true;
    preloadCheck(locale).then(
      () => live && textsArrived(),
      (error: unknown) => live && setFailure({ error }),
    );
    return () => {
      live = false;
    };
  }, [locale, ready]);
  if (failure) throw failure.error;
  return loaded?.hasTexts() ? loaded.default : null;
}

/** Which placeholder control had focus, as a selector that finds its twin in the loaded check. */
function focusTwin(target: EventTarget): string | null {
  if (!(target instanceof HTMLElement)) return null;
  if (target.classList.contains('backcheck__language-button')) return `.backcheck__language-button[lang="${target.lang}"]`;
  if (target.closest('.backcheck__intro') && target.classList.contains('backcheck__button')) {
    return '.backcheck__intro .backcheck__button';
  }
  return null;
}

/**
 * When the loaded check replaces the placeholder, the control a keyboard user was on disappears and focus falls
 * to <body>. This puts it back on the same control in the loaded check, and only if focus was really lost.
 */
function FocusCarrier({ twin }: { twin: RefObject<string | null> }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const selector = twin.current;
    const container = marker.current?.parentElement;
    const root = marker.current?.getRootNode();
    if (!selector || !container || !(root instanceof Document || root instanceof ShadowRoot)) return;
    const active = root.activeElement;
    if (active && active !== document.body) return;
    container.querySelector<HTMLElement>(selector)?.focus();
  }, [twin]);
  return <span ref={marker} hidden />;
}

export function LazyCheck(props: LazyCheckProps) {
  const [startRequested, setStartRequested] = useState(false);
  const focusedTwin = useRef<string | null>(null);
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const locale = chosenLocale ?? props.locale ?? browserLocale();
  const LoadedCheck = useLoadedCheck(locale);
  const chooseLocale = (l: Locale) => {
    setChosenLocale(l);
    props.onLocaleChange?.(l);
  };
  const t = catalogues[locale];
  const waiting = (
    <div
      className="backcheck"
      lang={locale}
      aria-busy={startRequested}
      onFocus={(e: FocusEvent) => (focusedTwin.current = focusTwin(e.target))}
      // Moving to another control forgets it; the blur of a control being removed (no relatedTarget) does not.
      onBlur={(e: FocusEvent) => {
        if (e.relatedTarget) focusedTwin.current = null;
      }}
    >
      <CheckHeader title={null} locale={locale} onLocale={chooseLocale} />
      {/* The same empty row CheckApp has above its intro, so nothing moves when it takes over. */}
      <div className="backcheck__progress-row backcheck__progress-row--idle">
        <p className="backcheck__progress" aria-live="polite" />
      </div>
      <IntroView
        t={t}
        title={localize(meta.title, locale)}
        minutes={minutesText(meta.estimate, locale)}
        emergencyNumber={emergencyNumberFor(meta.emergencyNumbers, { clinicNumber: props.clinic?.emergencyNumber, region: props.region ?? browserRegion() }).number}
        onStart={() => setStartRequested(true)}
      />
    </div>
  );
  if (!LoadedCheck) return waiting;
  return (
    <>
      <LoadedCheck {...props} locale={locale} onLocaleChange={chooseLocale} startAtOnce={startRequested} />
      <FocusCarrier twin={focusedTwin} />
    </>
  );
}
