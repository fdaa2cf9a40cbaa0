// Rules files imported with `?rules` are validated by src/rules/vite-plugin.ts at build time.
declare module '*.yaml?rules' {
  import type { Rules } from './schema.ts';
  const rules: Rules;
  export default rules;
  export const rulesHash: string;
}
