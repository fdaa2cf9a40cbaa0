// YAML text -> validated Rules, or every problem with its file:line:column and field path.
// Runs in Node (CLI, tests, the Vite plugin at build time); the browser receives rules already validated.
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const { line, col } = at(e.pos[0]);
        return { file, line, column: col, path: '', message: e.message.split('\n')[0] ?? e.message };
      }),
    };
  }
  const parsed = RulesSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, rules: deepFreeze(parsed.data) };
  return { ok: false, problems: parsed.error.issues.map((issue) => toProblem(issue, doc, file, at)) };
}

/** Like `loadRules`, but throws a RulesError listing every problem. */
export function loadRulesOrThrow(text: string, file: string): Rules {
  const result = loadRules(text, file);
  if (!result.ok) throw new RulesError(result.problems);
  return result.rules;
}

function toProblem(
  issue: z.core.$ZodIssue,
  doc: Document,
  file: string,
  at: (offset: number) => { line: number; col: number },
): RulesProblem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const offset = nodeOffset(doc, path, issue.code === 'unrecognized_keys' ? issue.keys : undefined);
  const { line, col } = at(offset);
  return { file, line, column: col, path: describePath(path, issue), message: describeIssue(issue) };
}

/** The source offset of the deepest YAML node that exists along `path` (a missing field points at its parent). */
function nodeOffset(doc: Document, path: (string | number)[], unknownKeys?: string[]): number {
  if (unknownKeys && unknownKeys.length > 0) {
    // Point at the offending key itself, not at the map that holds it.
    const parent = doc.getIn(path, true);
    if (isNode(parent) && 'items' in parent && Array.isArray(parent.items)) {
      for (const item of parent.items as unknown[]) {
        const key = (item as { key?: unknown }).key;
        if (isNode(key) && unknownKeys.includes(String(key.toJSON())) && key.range) return key.range[0];
      }
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
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
      return issue.input === undefined ? `missing required field (expected ${issue.expected})` : issue.message;
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
