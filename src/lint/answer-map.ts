// How answers to one version of the rules carry over to the next, for `rules:diff --impact --map`: when a new
// version renames or merges questions, the impact analysis (matching answer sets by question id) would otherwise see
// every renamed question as unanswered and report changes nobody makes. A map says, for each question of the new
// version, how its answer follows from the old version's answers:
//
//   answers:
//     rf_pelvic_nerves: { from: rf_bladder_bowel }                 # the same answer (option ids kept)
//     age_band:                                                    # the same answer, options renamed
//       from: age_band
//       options: { age_16_to_35: age_20_to_50, age_36_to_50: age_20_to_50 }
//     pain_where:                                                  # worked out from old answers, case by case
//       cases:
//         - { when: { question: leg_spread, is: below_knee }, answer: [low_back, below_knee] }
//       otherwise: [low_back]
//
// With `cases`, the first case whose `when` holds gives the answer (on a tick list, every case that holds adds its
// ticks); no case and no `otherwise`: the question gets its most common answer, as for any new question. Checked
// against both files when loaded: every id must exist, every answer must fit its question.
import { z } from 'zod';
import type { AnswerValue } from '../engine/answers.ts';
import { answerProblem } from '../engine/answers.ts';
import { matches, questionsIn } from '../engine/conditions.ts';
import type { RulesProblem } from '../rules/load.ts';
import { parseSource, type FieldPath } from '../rules/positions.ts';
import { ConditionSchema, conditionIssues, type CrossReferenceIssue, type Rules } from '../rules/schema.ts';

const AnswerSchema = z.union([z.string(), z.array(z.string()).min(1), z.number()]);

const CopySchema = z.strictObject({
  from: z.string().trim().min(1),
  options: z.record(z.string(), z.string()).optional(),
});
const CasesSchema = z.strictObject({
  cases: z.array(z.strictObject({ when: ConditionSchema, answer: AnswerSchema })).min(1),
  otherwise: AnswerSchema.optional(),
});
export const AnswerMapSchema = z.strictObject({
  answers: z.record(z.string(), z.union([CopySchema, CasesSchema])),
});
export type AnswerMap = z.infer<typeof AnswerMapSchema>;
type Rule = AnswerMap['answers'][string];

export type LoadedAnswerMap = { ok: true; map: AnswerMap } | { ok: false; problems: RulesProblem[] };

/** A map file, checked for shape and against the two versions it maps between; problems at file:line:column. */
export function loadAnswerMap(text: string, file: string, before: Rules, after: Rules): LoadedAnswerMap {
  const { data, locate, errors } = parseSource(text);
  if (errors.length > 0) {
    return { ok: false, problems: errors.map((e) => ({ file, line: e.line, column: e.column, path: '', message: e.message })) };
  }
  const at = (path: FieldPath, message: string): RulesProblem => ({ file, ...locate(path), path: path.join('.'), message });
  const parsed = AnswerMapSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => at(i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), i.message)) };
  }
  const problems = mapReferenceProblems(parsed.data, before, after).map((p) => at(p.path, p.message));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, map: parsed.data };
}

function mapReferenceProblems(map: AnswerMap, before: Rules, after: Rules): CrossReferenceIssue[] {
  const issues: CrossReferenceIssue[] = [];
  for (const [id, rule] of Object.entries(map.answers)) {
    const at = ['answers', id];
    const target = after.questions.find((q) => q.id === id);
    if (!target) {
      issues.push({ path: at, message: `"${id}" is not a question of the new version (${after.meta.id} ${after.meta.version})` });
      continue;
    }
    const fits = (value: unknown, path: (string | number)[]) => {
      const problem = answerProblem(target, value);
      if (problem) issues.push({ path, message: problem });
    };
    if ('from' in rule) {
      const source = before.questions.find((q) => q.id === rule.from);
      if (!source) {
        issues.push({ path: [...at, 'from'], message: `"${rule.from}" is not a question of the old version (${before.meta.id} ${before.meta.version})` });
        continue;
      }
      const oldOptions = source.type === 'scale' ? [] : source.options.map((o) => o.id);
      const newOptions = new Set(target.type === 'scale' ? [] : target.options.map((o) => o.id));
      for (const [from, to] of Object.entries(rule.options ?? {})) {
        if (!oldOptions.includes(from)) issues.push({ path: [...at, 'options', from], message: `"${rule.from}" has no option "${from}" (options: ${oldOptions.join(', ')})` });
        if (!newOptions.has(to)) issues.push({ path: [...at, 'options', from], message: `"${id}" has no option "${to}" (options: ${[...newOptions].join(', ')})` });
      }
      if (source.type !== target.type) issues.push({ path: [...at, 'from'], message: `"${rule.from}" is a ${source.type} question and "${id}" a ${target.type} one: use cases` });
      continue;
    }
    rule.cases.forEach((c, i) => {
      conditionIssues(c.when, [...at, 'cases', i, 'when'], before, issues);
      fits(c.answer, [...at, 'cases', i, 'answer']);
    });
    if (rule.otherwise !== undefined) fits(rule.otherwise, [...at, 'otherwise']);
  }
  return issues;
}

/**
 * The new version's answer to `questionId` for a person whose old answers `old(id)` gives (asked lazily: only the
 * old questions a rule looks at are read). Undefined when the map has no rule for it or nothing applies.
 */
export function mappedAnswer(map: AnswerMap, after: Rules, questionId: string, old: (id: string) => AnswerValue | undefined): AnswerValue | undefined {
  const rule: Rule | undefined = map.answers[questionId];
  if (!rule) return undefined;
  if ('from' in rule) {
    const value = old(rule.from);
    if (value === undefined) return undefined;
    const rename = (id: string) => rule.options?.[id] ?? id;
    const mapped = Array.isArray(value) ? [...new Set(value.map(rename))] : typeof value === 'number' ? value : rename(value);
    const target = after.questions.find((q) => q.id === questionId);
    return target && answerProblem(target, mapped) === null ? mapped : undefined;
  }
  // Only the old questions the cases look at are read (the impact analysis draws them as they are needed).
  const answers: Record<string, AnswerValue> = {};
  for (const id of new Set(rule.cases.flatMap((c) => questionsIn(c.when)))) {
    const value = old(id);
    if (value !== undefined) answers[id] = value;
  }
  const target = after.questions.find((q) => q.id === questionId);
  if (target?.type === 'multi') {
    const ticks = rule.cases.filter((c) => matches(c.when, answers)).flatMap((c) => (Array.isArray(c.answer) ? c.answer : [String(c.answer)]));
    if (ticks.length > 0) return [...new Set(ticks)];
    return rule.otherwise;
  }
  return rule.cases.find((c) => matches(c.when, answers))?.answer ?? rule.otherwise;
}
