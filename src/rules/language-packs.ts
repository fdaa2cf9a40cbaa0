// The person-facing rules travel as one structure and one pack of words per language: the check downloads the words
// of the language it shows, and the other only when the person switches (with rules 2.1, the words of both were a
// third of the whole check's download). Each text of the rules becomes a slot `{ $: n }` in the structure, and each
// language's pack lists the words by slot number.
import type { Locale } from './text.ts';

/** A text in the structure before its words arrive: its slot in the packs. */
export interface TextSlot {
  $: number;
}

const isText = (value: Record<string, unknown>) =>
  typeof value.en === 'string' && Object.keys(value).every((k) => k === 'en' || k === 'es');

/** Build time: the rules with every text replaced by its slot, and each language's words in slot order. */
export function splitTexts<T>(rules: T): { shape: unknown; packs: Record<Locale, string[]> } {
  const packs: Record<Locale, string[]> = { en: [], es: [] };
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (isText(record)) {
      const slot: TextSlot = { $: packs.en.length };
      packs.en.push(record.en as string);
      // English is every text's fallback (rules:check reports a missing translation).
      packs.es.push((record.es as string | undefined) ?? (record.en as string));
      return slot;
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v)]));
  };
  return { shape: walk(rules), packs };
}

/**
 * In the browser: puts a language's words into every slot of the structure, in place, so the check's machine and
 * its screens (which hold the same objects) show them. The first language to arrive also stands in for the other
 * until its own words arrive, so no text is ever missing.
 */
export function fillTexts(shape: unknown, locale: Locale, words: readonly string[]): void {
  const other: Locale = locale === 'en' ? 'es' : 'en';
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.$ === 'number') {
      const text = words[record.$] as string;
      record[locale] = text;
      record[other] ??= text;
      return;
    }
    for (const key in record) visit(record[key]);
  };
  visit(shape);
}
