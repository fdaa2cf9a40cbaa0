// The check as the embed renders it: LazyCheck shows the intro at once and loads the machine, the screens and the
// rules as a separate chunk, so the widget's first paint costs little more than React. If that chunk cannot be
// loaded (files not kept together, a server without CORS, an SRI hash that does not match), the person reads a calm
// message with the emergency advice instead of a dead Start button, and the clinic's developer reads what to fix.
import { Component, type ReactNode } from 'react';
import { browserLocale, catalogues } from '../i18n/index.ts';
import type { Locale } from '../rules/text.ts';
import { LazyCheck, preloadCheck } from '../ui/LazyCheck.tsx';
import type { WidgetCheckProps } from './check-props.ts';

interface Props extends WidgetCheckProps {
  /** Who is speaking on the console, e.g. "backcheck.js 1.2.0". */
  where: string;
  /** What the clinic should check when the files do not load. */
  loadAdvice: string;
}

export function WidgetCheck({ where, loadAdvice, ...props }: Props) {
  return (
    <LoadFailure where={where} advice={loadAdvice} locale={props.locale}>
      <LazyCheck {...props} />
    </LoadFailure>
  );
}

/** Fetch the rest of the check now, so that answering never waits for (or makes) a network request. */
export function preloadWidgetCheck(locale?: Locale): void {
  // A failure shows (and is reported) where the check renders: LoadFailure below.
  preloadCheck(locale).catch(() => undefined);
}

interface FailureProps {
  where: string;
  advice: string;
  locale: WidgetCheckProps['locale'];
  children: ReactNode;
}

class LoadFailure extends Component<FailureProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`${this.props.where}: the check could not load its files (${reason}). ${this.props.advice}`);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const t = catalogues[this.props.locale ?? browserLocale()];
    return (
      <div className="backcheck" role="alert">
        <p>{t.loadFailed}</p>
        <p>{t.loadFailedEmergency}</p>
      </div>
    );
  }
}
