// A reference population file -> a validated model, or every problem at file:line:column (the rules' own format).
import { toProblem, type RulesProblem } from '../rules/load.ts';
import { parseSource } from '../rules/positions.ts';
import type { Rules } from '../rules/schema.ts';
import { populationIssues, PopulationSchema, type Population } from './model.ts';

export type LoadedPopulation = { ok: true; model: Population } | { ok: false; problems: RulesProblem[] };

/** Parse and check a model file against the rules whose ids it uses; `file` only names it in problems. */
export function loadPopulation(text: string, file: string, rules: Rules): LoadedPopulation {
  const { data, locate, errors } = parseSource(text);
  if (errors.length > 0) {
    return { ok: false, problems: errors.map((e) => ({ file, line: e.line, column: e.column, path: '', message: e.message })) };
  }
  const parsed = PopulationSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => toProblem(issue, file, locate)) };
  const problems = populationIssues(parsed.data, rules).map((issue): RulesProblem => {
    const { line, column } = locate(issue.path);
    return { file, line, column, path: issue.path.join('.'), message: issue.message };
  });
  return problems.length > 0 ? { ok: false, problems: problems.sort((a, b) => a.line - b.line) } : { ok: true, model: parsed.data };
}
