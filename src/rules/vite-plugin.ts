// Validates the rules at build time and hands the browser plain, already-checked data: the page never ships the
// YAML parser or the full zod schema, and a broken rules file fails the build (or shows Vite's overlay in dev)
// with every problem at its file:line:column.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, loadRules } from './load.ts';

const SUFFIX = '?rules';

export function rulesPlugin(): Plugin {
  return {
    name: 'backcheck-rules',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      const text = await readFile(file, 'utf8');
      const result = loadRules(text, relative(process.cwd(), file));
      if (!result.ok) this.error(`Invalid rules file:\n${result.problems.map(formatProblem).join('\n')}`);
      // The hash keys saved progress to this exact file: answers saved against other rules are never reused.
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
      return [
        `export const rulesHash = ${JSON.stringify(hash)};`,
        `export default JSON.parse(${JSON.stringify(JSON.stringify(result.rules))});`,
      ].join('\n');
    },
  };
}
