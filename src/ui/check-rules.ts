// The rules the check runs on: the person-facing structure, with each language's words put in as they arrive
// (src/rules/language-packs.ts). The machine, the screens, the result and the shared answers all read this one object.
import rules, { rulesHash, timeEstimate } from '../../rules/lower-back-after-workout.yaml?rules-shape';
import { fillTexts } from '../rules/language-packs.ts';
import type { Locale } from '../rules/text.ts';
import { textPack } from './text-packs.ts';

const filled = new Set<Locale>();

/** Puts a language's words into the rules (once). */
export function addTexts(locale: Locale, words: readonly string[]): void {
  if (filled.has(locale)) return;
  fillTexts(rules, locale, words);
  filled.add(locale);
}

/** Whether the rules have this language's words; any language's, without one. */
export function hasTexts(locale?: Locale): boolean {
  return locale ? filled.has(locale) : filled.size > 0;
}

/** Downloads (once) and puts in a language's words. */
export async function ensureTexts(locale: Locale): Promise<void> {
  if (!filled.has(locale)) addTexts(locale, await textPack(locale));
}

export { rules, rulesHash, timeEstimate };
