// Rules files imported with these suffixes are validated by src/build/rules-plugin.ts at build time.
declare module '*.yaml?rules' {
  import type { Rules } from './schema.ts';
  import type { SignoffStatus } from './content-hash.ts';
  /** The person-facing copy: clinician-only notes (rationale, source) are empty; `meta.signoff` only if it matches. */
  const rules: Rules;
  export default rules;
  export const rulesHash: string;
  /** Minutes for a person with no warning sign, per language, from the rules (src/engine/burden.ts). */
  export const timeEstimate: import('../engine/burden.ts').TimeEstimate;
  export const rulesSignoff: SignoffStatus;
}

declare module '*.yaml?rules-full' {
  import type { Rules } from './schema.ts';
  import type { SignoffStatus } from './content-hash.ts';
  const rules: Rules;
  export default rules;
  export const rulesHash: string;
  /** Minutes for a person with no warning sign, per language, from the rules (src/engine/burden.ts). */
  export const timeEstimate: import('../engine/burden.ts').TimeEstimate;
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
    estimate: import('../engine/burden.ts').TimeEstimate;
    emergencyNumbers: EmergencyNumbers | null;
  };
  export default meta;
}
