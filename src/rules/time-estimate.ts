// The intro's time estimate as the build hands it to the browser with the rules (src/build/rules-plugin.ts): worked
// out from the rules by the engine (src/engine/burden.ts `timeEstimate`), typed here, beside the rules module's
// declarations that carry it, so that nothing below the engine has to import the engine for it.
import type { Locale } from './text.ts';

/** Minutes a person with no warning sign takes, per language: the intro's "about N to M minutes". */
export type TimeEstimate = Record<Locale, { low: number; high: number }>;
