// What every screen needs besides the machine: the rules, the language, and whether focus may be moved yet.
import { createContext, useContext, useEffect, useRef, type RefObject } from 'react';
import type { TimeEstimate } from '../engine/burden.ts';
import type { Messages } from '../i18n/index.ts';
import type { Rules, Text } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';

export interface UiContextValue {
  rules: Rules;
  locale: Locale;
  /** `locale` with a region (e.g. en-AU) where one is known: dates follow the region, words the language. */
  dateLocale: string;
  t: Messages;
  /** Rule text in the chosen language (English when a translation is missing). */
  say: (text: Text) => string;
  /**
   * False until the person has done something (unless the host asked for focus at start): an embedded widget
   * must not pull the page's focus, and the screen reader with it, on load.
   */
  focusAllowed: RefObject<boolean>;
  /** Prints the result: the browser's print, or the embed's, which prints the widget alone. */
  print: () => void;
  /** How long the check takes a person with no warning sign, per language (the intro says so). */
  timeEstimate: TimeEstimate;
}

export const UiContext = createContext<UiContextValue | null>(null);

export function useUi(): UiContextValue {
  const value = useContext(UiContext);
  if (!value) throw new Error('backcheck screens must be rendered inside CheckApp');
  return value;
}

export function makeSay(locale: Locale): (text: Text) => string {
  return (text) => localize(text, locale);
}

/**
 * A ref for a screen's heading (tabIndex -1) that receives focus whenever `key` changes, so keyboard and screen
 * reader users start reading the new screen from its top instead of staying on a button that is gone.
 */
export function useHeadingFocus<T extends HTMLElement>(key: string): RefObject<T | null> {
  const ref = useRef<T>(null);
  const { focusAllowed } = useUi();
  useEffect(() => {
    if (focusAllowed.current) ref.current?.focus();
  }, [key, focusAllowed]);
  return ref;
}
