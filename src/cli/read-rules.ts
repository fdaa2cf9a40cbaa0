// Shared by the command-line tools (triage, rules:check, rules:test, rules:diff): read a rules file from disk and
// load it, or say in one message why not. Fail closed: a file with any problem is never used.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';
import { formatProblem, loadRules, type RulesProblem } from '../rules/load.ts';
import type { Rules } from '../rules/schema.ts';

/** The rules the product ships, found from this file so the tools work from any working directory. */
export const DEFAULT_RULES_FILE = fileURLToPath(new URL('../../rules/lower-back-after-workout.yaml', import.meta.url));

export type ReadRulesResult =
  | { ok: true; rules: Rules; file: string }
  /** `message` is ready to print: one line per problem, `file:line:column  field.path  message`. */
  | { ok: false; message: string; problems: RulesProblem[] };

/**
 * Read and validate the rules file at `path` (relative to `cwd`). Problems name the file as the user would type
 * it from `cwd`, so the lines can be clicked in an editor's terminal.
 */
export function readRulesFile(path: string, cwd: string = process.cwd()): ReadRulesResult {
  const absolute = resolve(cwd, path);
  const shown = relative(cwd, absolute) || absolute;
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read the rules file ${shown}: ${readError(error)}`, problems: [] };
  }
  const loaded = loadRules(text, shown);
  if (loaded.ok) return { ok: true, rules: loaded.rules, file: shown };
  const count = loaded.problems.length;
  return {
    ok: false,
    problems: loaded.problems,
    message: [
      `The rules file ${shown} has ${count} problem${count === 1 ? '' : 's'}:`,
      ...loaded.problems.map(formatProblem),
    ].join('\n'),
  };
}

/** A file-system error in words: "no such file" rather than an errno dump. */
export function readError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
