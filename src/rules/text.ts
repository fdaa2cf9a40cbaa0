// Picking the words for one language out of a rules Text.
import type { Text } from './schema.ts';

export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

/** English is the fallback: every Text has it, and rules:check reports any missing translation. */
export function localize(text: Text, locale: Locale): string {
  return text[locale] ?? text.en;
}
