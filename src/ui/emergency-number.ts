// Which emergency number the check names: the clinic's (the embed's emergency-number) wins; else the number for the
// region, from the person's choice or from the region their browser names (en-GB: GB), where the rules map that
// region to one number; else the rules' default. Every text that names a number uses this one, and the result says
// which region it is for, with a way to change it: nothing is guessed silently.
import { FALLBACK_EMERGENCY_NUMBER } from '../rules/emergency.ts';
import type { EmergencyNumbers } from '../rules/schema.ts';
import type { Locale } from '../rules/text.ts';

export interface EmergencyNumber {
  number: string;
  /** The region the number is for (an ISO 3166 code), or null: the clinic's number, or a region the rules do not map. */
  region: string | null;
  from: 'clinic' | 'region' | 'default';
}

/** The region a language tag names, if any: en-GB -> GB, es-MX -> MX; en, es-419 -> none. */
export function regionOfTag(tag: string): string | null {
  const match = /^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})(?:-|$)/i.exec(tag);
  return match?.[1] ? match[1].toUpperCase() : null;
}

/** The first region the browser's languages name. */
export function browserRegion(languages: readonly string[] = browserLanguages()): string | null {
  for (const tag of languages) {
    const region = regionOfTag(tag);
    if (region) return region;
  }
  return null;
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function emergencyNumberFor(
  table: EmergencyNumbers | null | undefined,
  where: { clinicNumber?: string | undefined; region: string | null },
): EmergencyNumber {
  if (where.clinicNumber) return { number: where.clinicNumber, region: null, from: 'clinic' };
  const mapped = where.region ? table?.regions[where.region] : undefined;
  if (where.region && mapped) return { number: mapped, region: where.region, from: 'region' };
  return { number: table?.default ?? FALLBACK_EMERGENCY_NUMBER, region: null, from: 'default' };
}

const names = new Map<Locale, Intl.DisplayNames>();

/** A region's name in the language: GB -> "United Kingdom", "Reino Unido". */
export function regionName(region: string, locale: Locale): string {
  let display = names.get(locale);
  if (!display) names.set(locale, (display = new Intl.DisplayNames([locale], { type: 'region' })));
  return display.of(region) ?? region;
}

/** The regions a person can choose from, by name in their language. */
export function regionChoices(table: EmergencyNumbers | null | undefined, locale: Locale): { region: string; name: string; number: string }[] {
  return Object.entries(table?.regions ?? {})
    .map(([region, number]) => ({ region, name: regionName(region, locale), number }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
