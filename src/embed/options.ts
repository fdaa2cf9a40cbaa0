// The options a clinic gives the widget, as custom element attributes or iframe query parameters. Everything a
// host supplies is untrusted: it is checked here, an invalid value is reported once on the console naming the
// attribute, and a safe default is used instead. Values are only ever rendered as text.
import type { Locale } from '../rules/text.ts';

export type Theme = 'light' | 'dark' | 'auto';

export interface EmbedOptions {
  clinicName: string | null;
  contactUrl: string | null;
  bookingUrl: string | null;
  phone: string | null;
  /** null: follow the browser's language. */
  locale: Locale | null;
  theme: Theme;
  /** The host page's origin, for postMessage from the iframe (never '*'). */
  allowedOrigin: string | null;
  /** Include the answers (and a FHIR QuestionnaireResponse) in the complete event. */
  shareAnswers: boolean;
  /** Save progress in this browser; off unless the host allows it. */
  saveProgress: boolean;
}

export const OPTION_NAMES = [
  'clinic-name',
  'contact-url',
  'booking-url',
  'phone',
  'locale',
  'theme',
  'allowed-origin',
  'share-answers',
  'save-progress',
] as const;
export type OptionName = (typeof OPTION_NAMES)[number];

export interface OptionProblem {
  option: OptionName;
  message: string;
}

/** Reads raw option values (null when absent) into safe options plus the problems found. */
export function parseEmbedOptions(get: (name: OptionName) => string | null): {
  options: EmbedOptions;
  problems: OptionProblem[];
} {
  const problems: OptionProblem[] = [];
  const bad = (option: OptionName, message: string) => {
    problems.push({ option, message });
    return null;
  };

  const text = (name: OptionName, max: number): string | null => {
    const v = get(name)?.trim();
    if (!v) return null;
    return v.length > max ? bad(name, `is longer than ${max} characters; it was ignored`) : v;
  };
  const url = (name: OptionName): string | null => {
    const v = get(name)?.trim();
    if (!v) return null;
    try {
      const parsed = new URL(v);
      // Only links a person can safely follow: never javascript:, data: or other schemes that run code.
      if (!['https:', 'http:', 'mailto:', 'tel:'].includes(parsed.protocol)) {
        return bad(name, `must be an https:, http:, mailto: or tel: address, not "${parsed.protocol}"; it was ignored`);
      }
      return parsed.href;
    } catch {
      return bad(name, `is not a full web address (e.g. https://clinic.example/book); it was ignored`);
    }
  };
  const choice = <T extends string>(name: OptionName, allowed: readonly T[], fallback: T | null): T | null => {
    const v = get(name)?.trim();
    if (!v) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    bad(name, `must be one of ${allowed.join(', ')}, not "${v}"; using ${fallback ?? 'the browser language'}`);
    return fallback;
  };
  const flag = (name: OptionName): boolean => {
    const v = get(name);
    if (v === null) return false;
    if (v === '' || v === 'true' || v === name) return true;
    if (v === 'false') return false;
    bad(name, `is a yes/no option: leave it out, or write it with no value; "${v}" was read as no`);
    return false;
  };
  const origin = (): string | null => {
    const v = get('allowed-origin')?.trim();
    if (!v) return null;
    try {
      const parsed = new URL(v);
      if (!['https:', 'http:'].includes(parsed.protocol) || parsed.origin !== v.replace(/\/$/, '')) {
        return bad('allowed-origin', `must be an origin such as https://clinic.example (no path); no events will be sent`);
      }
      return parsed.origin;
    } catch {
      return bad('allowed-origin', `must be an origin such as https://clinic.example; no events will be sent`);
    }
  };

  const phone = text('phone', 40);
  const options: EmbedOptions = {
    clinicName: text('clinic-name', 100),
    contactUrl: url('contact-url'),
    bookingUrl: url('booking-url'),
    phone: phone && !/^\+?[0-9 ()./-]{3,40}$/.test(phone) ? bad('phone', 'may only hold digits, spaces, + ( ) - . /; it was ignored') : phone,
    locale: choice<Locale>('locale', ['en', 'es'], null),
    theme: choice<Theme>('theme', ['light', 'dark', 'auto'], 'auto') ?? 'auto',
    allowedOrigin: origin(),
    shareAnswers: flag('share-answers'),
    saveProgress: flag('save-progress'),
  };
  return { options, problems };
}

/** One console line a clinic's developer can act on. */
export function describeOptionProblems(where: string, problems: OptionProblem[]): string {
  return `${where}: ${problems.map((p) => `"${p.option}" ${p.message}`).join('; ')}`;
}
