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
  if (typeof navigator === 'undefined') return 'en';
  return pickLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Picks the plural form with Intl.PluralRules and puts the formatted number where the words have `#`. */
export function plural(locale: Locale, n: number, words: PluralWords): string {
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? words.one : words.other;
  return form.replace('#', formatNumber(locale, n));
}

export function formatDateTime(locale: Locale, when: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(when);
}

export function formatDate(locale: Locale, when: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(when);
}
