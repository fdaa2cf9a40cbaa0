// What every screen needs besides the machine: the rules, the language, and whether focus may be moved yet.
import { createContext, useContext, useEffect, useRef, type RefObject } from 'react';
import type { TimeEstimate } from '../engine/burden.ts';
import type { Messages } from '../i18n/index.ts';
import type { Rules, Text } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';
import type { EmergencyNumber } from './emergency-number.ts';

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
  /** The emergency number every text names, and the region it is for. */
  emergency: EmergencyNumber;
  /** The person says which country they are in (null: another one, the default number). */
  chooseRegion: (region: string | null) => void;
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
 * reader users start reading the new screen from its top instead of staying on a button that is gone. The screen
 * opens at its top for everyone: focusing alone would scroll only as far as the heading, leaving the page part-way
 * down after a long screen.
 */
export function useHeadingFocus<T extends HTMLElement>(key: string): RefObject<T | null> {
  const ref = useRef<T>(null);
  const { focusAllowed } = useUi();
  useEffect(() => {
    const heading = ref.current;
    if (!focusAllowed.current || !heading) return;
    heading.focus({ preventScroll: true });
    showCheckTop(heading);
  }, [key, focusAllowed]);
  return ref;
}

/** Scrolls the check's top edge into view when it is above the screen (a page, or a clinic's page around it). */
function showCheckTop(inside: HTMLElement): void {
  const check = inside.closest('.backcheck');
  if (check && check.getBoundingClientRect().top < 0) check.scrollIntoView?.({ block: 'start' });
}
