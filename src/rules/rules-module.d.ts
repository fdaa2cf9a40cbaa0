// Rules files imported with these suffixes are validated by src/rules/vite-plugin.ts at build time.
declare module '*.yaml?rules' {
  import type { Rules } from './schema.ts';
  /** The person-facing copy: clinician-only notes (rationale, source) are empty. */
  const rules: Rules;
  export default rules;
  export const rulesHash: string;
}

declare module '*.yaml?rules-full' {
  import type { Rules } from './schema.ts';
  const rules: Rules;
  export default rules;
  export const rulesHash: string;
}

declare module '*.yaml?rules-meta' {
  import type { Text } from './schema.ts';
  const meta: { id: string; version: string; title: Text; hash: string };
  export default meta;
}
