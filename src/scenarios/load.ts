// Scenario YAML -> checked scenarios, or every problem at file:line:column, like the rules loader.
import type { RulesProblem } from '../rules/load.ts';
import { parseSource, type FieldPath, type Locate } from '../rules/positions.ts';
import { ScenarioFileSchema, type ScenarioFile } from './schema.ts';

export type LoadedScenarios = { ok: true; file: ScenarioFile; locate: Locate } | { ok: false; problems: RulesProblem[] };

export function loadScenarioFile(text: string, file: string): LoadedScenarios {
  const { data, locate, errors } = parseSource(text);
  if (errors.length > 0) {
    return { ok: false, problems: errors.map((e) => ({ file, line: e.line, column: e.column, path: '', message: e.message })) };
  }
  const parsed = ScenarioFileSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, file: parsed.data, locate };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const path: FieldPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`
          : issue.code === 'invalid_type' && issue.input === undefined
            ? `missing required field (expected ${issue.expected})`
            : issue.message;
      return { file, ...locate(path, { unknownKeys }), path: [...path, ...(unknownKeys ?? [])].join('.'), message };
    }),
  };
}
