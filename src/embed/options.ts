// The options a clinic gives the widget, as custom element attributes or iframe query parameters. Everything a
// host supplies is untrusted: it is checked here, an invalid value is reported once on the console naming the
// attribute, and a safe default is used instead. Values are only ever rendered as text, and only fixed, checked
// values (a #rrggbb colour, a number of pixels, a font stack from our own list) ever reach the CSS.
// Words a clinic chooses from (theme, locale, font, flags) are read without regard to case.
import type { Locale } from '../rules/text.ts';
import { FONT_STACKS, INHERIT_FONT } from './fonts.ts';

export type Theme = 'light' | 'dark' | 'auto';

/** The clinic's branding. Colours are `#rrggbb`; each is checked for contrast before use (brand.ts). */
export interface Brand {
  /** Buttons, links, selected answers; in both themes unless `darkAccent` is given. */
  accent: string | null;
  /** The accent in dark mode. */
  darkAccent: string | null;
  /** Text and background of the light theme (dark mode keeps the widget's own dark palette). */
  text: string | null;
  background: string | null;
  /** Corner radius in CSS pixels. */
  radius: number | null;
  /** A stack from FONT_STACKS, or `inherit` (custom element only). */
  font: string | null;
}

export interface EmbedOptions {
  clinicName: string | null;
  contactUrl: string | null;
  bookingUrl: string | null;
  phone: string | null;
  /** The local emergency number, digits only (e.g. "000"); null: the rules' generic words. */
  emergencyNumber: string | null;
  /** null: follow the browser's language. */
  locale: Locale | null;
  /** The region of a regional locale (en-AU: "AU"), for dates; words follow the language. */
  region: string | null;
  theme: Theme;
  brand: Brand;
  /** The host pages' origins, for postMessage from the iframe (exact matches; never '*'). */
  allowedOrigins: string[];
  /** Include the answers (and a FHIR QuestionnaireResponse) in the complete event. */
  shareAnswers: boolean;
  /** Save progress in this browser; off unless the host allows it. */
  saveProgress: boolean;
  /** Each screen a history entry on the host page, so the phone's back gesture goes back one screen; off unless
   * the host allows it (it adds entries to the page's history, which a single-page app's router may also read). */
  browserHistory: boolean;
}

export const OPTION_NAMES = [
  'clinic-name',
  'contact-url',
  'booking-url',
  'phone',
  'emergency-number',
  'locale',
  'theme',
  'accent-color',
  'dark-accent-color',
  'text-color',
  'background-color',
  'radius',
  'font',
  'allowed-origin',
  'share-answers',
  'save-progress',
  'browser-history',
] as const;
export type OptionName = (typeof OPTION_NAMES)[number];

export interface OptionProblem {
  option: OptionName;
  message: string;
}

const LANGUAGES: readonly Locale[] = ['en', 'es'];
const MAX_RADIUS = 32;

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
  const value = (name: OptionName): string | null => get(name)?.trim() || null;

  const text = (name: OptionName, max: number): string | null => {
    const v = value(name);
    if (!v) return null;
    return v.length > max ? bad(name, `is longer than ${max} characters; it was ignored`) : v;
  };
  const url = (name: OptionName): string | null => {
    const v = value(name);
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
  const choice = <T extends string>(name: OptionName, allowed: readonly T[], fallback: T): T => {
    const v = value(name);
    if (!v) return fallback;
    const found = allowed.find((a) => a === v.toLowerCase());
    if (found) return found;
    bad(name, `must be one of ${allowed.join(', ')}, not "${v}"; using ${fallback}`);
    return fallback;
  };
  const flag = (name: OptionName): boolean => {
    const raw = get(name);
    if (raw === null) return false;
    const v = raw.trim().toLowerCase();
    if (v === '' || v === 'true' || v === name) return true;
    if (v === 'false') return false;
    bad(name, `is a yes/no option: leave it out, or write it with no value; "${raw}" was read as no`);
    return false;
  };
  const colour = (name: OptionName): string | null => {
    const v = value(name);
    if (!v) return null;
    const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v)?.[1];
    if (!hex) return bad(name, `must be a hex colour such as #0a6e4f (in an address, write # as %23 or leave it out), not "${v}"; it was ignored`);
    const six = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return `#${six.toLowerCase()}`;
  };
  const radius = (): number | null => {
    const v = value('radius');
    if (!v) return null;
    const px = /^(\d{1,2})(px)?$/i.exec(v)?.[1];
    if (px === undefined || Number(px) > MAX_RADIUS) {
      return bad('radius', `must be a number of pixels from 0 to ${MAX_RADIUS}, such as 12 or 12px, not "${v}"; it was ignored`);
    }
    return Number(px);
  };
  const font = (): string | null => {
    const v = value('font');
    if (!v) return null;
    const key = v.toLowerCase().replace(/\s+/g, ' ');
    if (key === INHERIT_FONT) return INHERIT_FONT;
    const stack = FONT_STACKS[key];
    if (stack) return stack;
    return bad('font', `must be one of ${Object.keys(FONT_STACKS).join(', ')} or inherit, not "${v}" (the widget loads no fonts); using the default`);
  };
  const locale = (): { locale: Locale | null; region: string | null } => {
    const none = { locale: null, region: null };
    const v = value('locale');
    if (!v) return none;
    let tag: Intl.Locale;
    try {
      tag = new Intl.Locale(v.replace(/_/g, '-'));
    } catch {
      bad('locale', `is not a language tag such as en, en-AU or es-MX, not "${v}"; using the browser language`);
      return none;
    }
    const language = LANGUAGES.find((l) => l === tag.language);
    if (!language) {
      bad('locale', `"${v}": the check speaks ${LANGUAGES.join(' and ')} (with any region, e.g. en-AU or es-MX); using the browser language`);
      return none;
    }
    return { locale: language, region: tag.region ?? null };
  };
  const emergencyNumber = (): string | null => {
    const v = value('emergency-number');
    if (!v) return null;
    return /^\d{2,6}$/.test(v) ? v : bad('emergency-number', `must be digits only, such as 000, 112 or 911, not "${v}"; the number for the person's region is used instead`);
  };
  const origins = (): string[] => {
    const v = value('allowed-origin');
    if (!v) return [];
    const found: string[] = [];
    for (const entry of v.split(/[\s,]+/).filter(Boolean)) {
      const origin = exactOrigin(entry);
      if (typeof origin === 'string') found.push(origin);
      else bad('allowed-origin', `"${entry}" ${origin.problem}; it was ignored`);
    }
    return found;
  };

  const phone = text('phone', 40);
  const options: EmbedOptions = {
    clinicName: text('clinic-name', 100),
    contactUrl: url('contact-url'),
    bookingUrl: url('booking-url'),
    phone: phone && !/^\+?[0-9 ()./-]{3,40}$/.test(phone) ? bad('phone', 'may only hold digits, spaces, + ( ) - . /; it was ignored') : phone,
    emergencyNumber: emergencyNumber(),
    ...locale(),
    theme: choice<Theme>('theme', ['light', 'dark', 'auto'], 'auto'),
    brand: {
      accent: colour('accent-color'),
      darkAccent: colour('dark-accent-color'),
      text: colour('text-color'),
      background: colour('background-color'),
      radius: radius(),
      font: font(),
    },
    allowedOrigins: origins(),
    shareAnswers: flag('share-answers'),
    saveProgress: flag('save-progress'),
    browserHistory: flag('browser-history'),
  };
  return { options, problems };
}

/** `https://clinic.example` as given (scheme and host in lower case), or why it is not one exact origin. */
function exactOrigin(entry: string): string | { problem: string } {
  if (entry.includes('*')) return { problem: 'is a wildcard: list each origin exactly (e.g. https://clinic.example https://www.clinic.example)' };
  try {
    const parsed = new URL(entry);
    const bare = entry.replace(/\/$/, '').toLowerCase();
    if (['https:', 'http:'].includes(parsed.protocol) && parsed.origin === bare) return parsed.origin;
  } catch {
    // Not a URL at all: reported below.
  }
  return { problem: 'is not an origin: scheme, host and port only, such as https://clinic.example (no path)' };
}

/** One console line a clinic's developer can act on. */
export function describeOptionProblems(where: string, problems: OptionProblem[]): string {
  return `${where}: ${problems.map((p) => `"${p.option}" ${p.message}`).join('; ')}`;
}
