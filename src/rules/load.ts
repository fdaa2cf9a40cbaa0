// YAML text -> validated Rules, or every problem with its file:line:column and field path.
// Runs in Node (CLI, tests, the Vite plugin at build time); the browser receives rules already validated.
import type { z } from 'zod';
import { looseCrossReferenceIssues } from './loose.ts';
import { parseSource, type Locate } from './positions.ts';
import { RulesSchema, type Rules } from './schema.ts';

export interface RulesProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted field path, e.g. `questions.3.options.1.id` (empty for a YAML syntax error). */
  path: string;
  message: string;
}

export type LoadResult = { ok: true; rules: Rules } | { ok: false; problems: RulesProblem[] };

/**
 * A loaded file with a way back from a field path to its line, for tools that report on valid rules (rules:check),
 * and the file's data as parsed, before validation (what the content hash of a sign-off covers).
 */
export type LoadedSource = { ok: true; rules: Rules; locate: Locate; data: unknown } | { ok: false; problems: RulesProblem[] };

export function formatProblem(p: RulesProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.path || '(file)'}  ${p.message}`;
}

export class RulesError extends Error {
  constructor(readonly problems: RulesProblem[]) {
    super(`The rules file has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'RulesError';
  }
}

/** Parse and validate a rules file's text; `file` is used only to name it in problems. */
export function loadRules(text: string, file: string): LoadResult {
  const loaded = loadRulesSource(text, file);
  return loaded.ok ? { ok: true, rules: loaded.rules } : loaded;
}

/**
 * The YAML reader's commonest complaints, with what to do in plain words: a clinician editing the file meets these
 * after one space too many or a tab, and the reader's own words ("All mapping items must start at the same column")
 * do not say how to fix it.
 */
const YAML_HINTS: Readonly<Record<string, string>> = {
  BAD_INDENT: 'check the indentation: the fields of one item start in the same column, with spaces only',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'check that every bracket, brace and quote before here is closed',
  MULTILINE_IMPLICIT_KEY: 'check the indentation of this line and the next, and that each field name ends with a colon; a text with a colon in it needs quotes',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation of this line and the next, and that each field name ends with a colon; a text with a colon in it needs quotes',
  UNEXPECTED_TOKEN: 'a text with a colon, # or quote in it needs to be put in double quotes',
};

/** Lines within which a syntax error is taken as a knock-on of the one before it. */
const KNOCK_ON_LINES = 12;

/**
 * One syntax slip makes the reader complain at every following line of its item: a single tab gave ten errors over
 * eight lines, and a clinician went through them one by one. The first of each run is kept, saying how many follow
 * it and where, since fixing it usually clears them; slips further apart are each reported.
 */
function withoutKnockOns(problems: RulesProblem[]): RulesProblem[] {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const runs: RulesProblem[][] = [];
  for (const problem of sorted) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && problem.line - last.line <= KNOCK_ON_LINES) run.push(problem);
    else runs.push([problem]);
  }
  return runs.map(([first, ...rest]) => {
    const head = first as RulesProblem;
    if (rest.length === 0) return head;
    const lastLine = (rest.at(-1) as RulesProblem).line;
    const where = lastLine === head.line ? `on line ${lastLine}` : `up to line ${lastLine}`;
    return {
      ...head,
      message: `${head.message}. The reader then stumbles ${rest.length} more time${rest.length === 1 ? '' : 's'} ${where}, most likely because of this: fix it first and check again`,
    };
  });
}

/** Like `loadRules`, and also returns a locator from field paths to lines in `text`. */
export function loadRulesSource(text: string, file: string): LoadedSource {
  const { data, locate, errors } = parseSource(text);
  const yamlProblems = errors.map((e): RulesProblem => {
    const hint = YAML_HINTS[e.code];
    const message =
      e.code === 'DUPLICATE_KEY'
        ? `duplicate key "${keyAt(text, e.offset)}": each field may appear only once (the later one would silently win)`
        : hint
          ? `${e.message} (${hint})`
          : e.message;
    return { file, line: e.line, column: e.column, path: '', message };
  });
  // A syntax error leaves the document's shape uncertain: checking fields would only add noise. A duplicate key
  // leaves a well-formed document, so the other problems are still worth reporting in the same run.
  if (errors.some((e) => e.code !== 'DUPLICATE_KEY')) return { ok: false, problems: withoutKnockOns(yamlProblems) };

  const raw: unknown = data;
  // reportInput: to tell a missing field from one of the wrong type.
  const parsed = RulesSchema.safeParse(raw, { reportInput: true });
  if (parsed.success && yamlProblems.length === 0) return { ok: true, rules: deepFreeze(parsed.data), locate, data: raw };

  const schemaProblems = parsed.success ? [] : parsed.error.issues.map((issue) => toProblem(issue, file, locate));
  const seen = new Set(schemaProblems.map((p) => `${p.path}|${p.message}`));
  const crossProblems = looseCrossReferenceIssues(raw)
    .map((issue) => {
      const { line, column } = locate(issue.path);
      return { file, line, column, path: issue.path.join('.'), message: issue.message };
    })
    .filter((p) => !seen.has(`${p.path}|${p.message}`));
  const problems = [...yamlProblems, ...schemaProblems, ...crossProblems].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  return { ok: false, problems };
}

/** Like `loadRules`, but throws a RulesError listing every problem. */
export function loadRulesOrThrow(text: string, file: string): Rules {
  const result = loadRules(text, file);
  if (!result.ok) throw new RulesError(result.problems);
  return result.rules;
}

function shortJson(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function keyAt(text: string, offset: number): string {
  return /^["']?([^"':\n]*)/.exec(text.slice(offset))?.[1]?.trim() ?? '';
}

/** A zod issue as a problem at its line, worded for people (every loader with positions uses this). */
export function toProblem(issue: z.core.$ZodIssue, file: string, locate: Locate): RulesProblem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const { line, column } = locate(path, { unknownKeys: issue.code === 'unrecognized_keys' ? issue.keys : undefined });
  return { file, line, column, path: describePath(path, issue), message: describeIssue(issue) };
}

function describePath(path: (string | number)[], issue: z.core.$ZodIssue): string {
  const base = path.join('.');
  if (issue.code === 'unrecognized_keys') return [base, ...issue.keys].filter(Boolean).join('.');
  return base;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined
        ? `missing required field (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${shortJson(issue.input)}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return unionMessage(issue);
    default:
      return issue.message;
  }
}

/** zod reports a union failure as one issue holding each branch's issues; say what the closest branch wanted. */
function unionMessage(issue: z.core.$ZodIssue & { code: 'invalid_union' }): string {
  const branches = issue.errors;
  if (branches.length === 0) return issue.message;
  const closest = branches.reduce((best, b) => (b.length < best.length ? b : best));
  const first = closest[0];
  if (!first) return issue.message;
  return `${issue.message}; the closest form wanted: ${first.path.join('.') || 'value'} ${describeIssue(first)}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
