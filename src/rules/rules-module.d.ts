// Rules files imported with these suffixes are validated by src/build/rules-plugin.ts at build time.
declare module '*.yaml?rules' {
  import type { Rules } from './schema.ts';
  import type { SignoffStatus } from './content-hash.ts';
  /** The person-facing copy: clinician-only notes (rationale, source) are empty; `meta.signoff` only if it matches. */
  const rules: Rules;
  export default rules;
  export const rulesHash: string;
  /** Minutes for a person with no warning sign, per language, worked out from the rules at build time. */
  export const timeEstimate: import('./time-estimate.ts').TimeEstimate;
  export const rulesSignoff: SignoffStatus;
}

declare module '*.yaml?rules-full' {
  import type { Rules } from './schema.ts';
  import type { SignoffStatus } from './content-hash.ts';
  const rules: Rules;
  export default rules;
  export const rulesHash: string;
  /** Minutes for a person with no warning sign, per language, worked out from the rules at build time. */
  export const timeEstimate: import('./time-estimate.ts').TimeEstimate;
  /** Whether the file's sign-off matches its content, checked at build time. */
  export const rulesSignoff: SignoffStatus;
}

declare module '*.yaml?rules-meta' {
  import type { EmergencyNumbers, Text } from './schema.ts';
  const meta: {
    id: string;
    version: string;
    title: Text;
    hash: string;
    estimate: import('./time-estimate.ts').TimeEstimate;
    emergencyNumbers: EmergencyNumbers | null;
  };
  export default meta;
}

declare module '*.yaml?rules-shape' {
  import type { Rules } from './schema.ts';
  import type { SignoffStatus } from './content-hash.ts';
  /**
   * The person-facing copy as a structure: every text is an empty slot until a language's words are put in it
   * (src/rules/language-packs.ts `fillTexts`); typed as the rules it becomes.
   */
  const rules: Rules;
  export default rules;
  export const rulesHash: string;
  export const timeEstimate: import('./time-estimate.ts').TimeEstimate;
  export const rulesSignoff: SignoffStatus;
}

declare module '*.yaml?rules-text-en' {
  /** The English words of the person-facing rules, by slot. */
  const words: string[];
  export default words;
}

declare module '*.yaml?rules-text-es' {
  /** The Spanish words of the person-facing rules, by slot. */
  const words: string[];
  export default words;
}
