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
  import type { Text } from './schema.ts';
  const meta: { id: string; version: string; title: Text; hash: string; estimate: import('./time-estimate.ts').TimeEstimate };
  export default meta;
}
