// Picking the UI language and formatting numbers, dates and plurals for it with Intl (no i18n library).
import type { Locale } from '../rules/text.ts';
import { en, type Messages, type PluralWords } from './messages.en.ts';
import { es } from './messages.es.ts';

export type { Messages, PluralWords };
export type { Locale };

export const catalogues: Readonly<Record<Locale, Messages>> = { en, es };

/** The first browser language we have words for, else English. */
export function pickLocale(preferred: readonly string[] | undefined): Locale {
  for (const tag of preferred ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'en';
}

export function browserLocale(): Locale {
  return pickLocale(browserLanguages());
}

/**
 * The language tag dates are written in: `locale` with a region, so an Australian reads 3 May 2026 and an American
 * May 3, 2026. The region is the host's (the clinic's en-AU) or else the first browser language in `locale`.
 */
export function dateLocaleFor(locale: Locale, region: string | undefined, preferred: readonly string[] = browserLanguages()): string {
  if (region) return `${locale}-${region}`;
  const tag = preferred.find((l) => l.toLowerCase().split('-')[0] === locale);
  return tag ?? locale;
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(locale: Locale, n: number): string {
  // English and Spanish write whole numbers below 1000 as plain digits. Making an Intl.NumberFormat cost 270 ms of
  // a throttled phone's first question (the intro's minutes, "Part 1 of 5"): the first one loads the locale's data.
  if (Number.isInteger(n) && Math.abs(n) < 1000) return String(n);
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}

/** Picks the plural form with Intl.PluralRules and puts the formatted number where the words have `#`. */
export function plural(locale: Locale, n: number, words: PluralWords): string {
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? words.one : words.other;
  return form.replace('#', formatNumber(locale, n));
}

export function formatDateTime(locale: string, when: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(when);
}

/** A time the person left off: the time alone on the same day ("14:05"), else the date and the time. */
export function formatSince(locale: string, when: Date, now: Date): string {
  return when.toDateString() === now.toDateString()
    ? new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(when)
    : formatDateTime(locale, when);
}

/** "8 December 2026, 09:30": the date, then the time after a comma (shorter than the language's own "at"). */
export function formatDateAndTime(locale: string, when: Date): string {
  return `${formatDate(locale, when)}, ${new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(when)}`;
}

export function formatDate(locale: string, when: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(when);
}
