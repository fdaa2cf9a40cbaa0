// The reference population: a documented model of the people who open the check, kept beside the rules as reviewed
// content (rules/population/*.yaml), so that the share sent to each urgency is measured on a yardstick clinicians can
// read and challenge. A latent class model: each person belongs to one presentation class (delayed soreness, a
// strain, nerve-root pain, ..., serious disease) and answers each question independently given the class; a few
// mistake a normal sensation for a warning sign (misreadings); some who are unsure settle it with the self-check the
// rules show (selfChecks). Every number carries a source or an assumption with its reasoning.
//
// This file holds the shape of a model file (zod, the single source of its types) and its cross-checks against the
// rules whose question and option ids it uses; src/population/load.ts reads a file with file:line problems.
import { z } from 'zod';
import { conditionIssues, ConditionSchema, IdSchema, type CrossReferenceIssue, type Rules } from '../rules/schema.ts';

/** Where a number comes from: sources (keys into `sources`), an assumption in words, or both. */
const provenance = {
  source: z.array(IdSchema).min(1).optional(),
  /** Reasoning in words, where no source gives the number. */
  assumption: z.string().trim().min(20, 'an assumption says why the number is reasonable, in a sentence or more').optional(),
};

const probability = z.number().min(0).max(1);

/** How one question is answered: exactly one of `answers` (single choice or scale values), `scale`, `ticks` (multi). */
export const EntrySchema = z.strictObject({
  /** Single choice (option id -> probability) or scale (value -> probability); options left out get 0. */
  answers: z.record(z.string(), probability).optional(),
  /** Scale questions: a normal curve, rounded and clipped to the question's range. */
  scale: z.strictObject({ mean: z.number(), sd: z.number().positive() }).optional(),
  /** Tick lists: the chance each option is ticked, independently; nothing ticked means the "none" option. */
  ticks: z.record(z.string(), probability).optional(),
  ...provenance,
});

export const PopulationClassSchema = z.strictObject({
  id: IdSchema,
  title: z.string().trim().min(1),
  /** `serious`: disease that needs urgent or emergency care; the budgets require all of it to get that. */
  group: z.enum(['harmless', 'mimic', 'serious']),
  share: probability,
  /** Overrides of the baseline for this class, by question id. */
  answers: z.record(z.string(), EntrySchema).default({}),
  /** Each person shows at least one of these answers (drawn again until they do): what defines the class. */
  requireAny: z.array(ConditionSchema).min(1).optional(),
  requireAnyReason: z.string().trim().min(1).optional(),
  ...provenance,
});

export const MisreadingSchema = z.strictObject({
  id: IdSchema,
  /** The normal sensation, and the sign it is taken for. */
  sensation: z.string().trim().min(1),
  question: IdSchema,
  /** The answer given because of it (on a tick list, the option ticked). */
  answer: z.string().min(1),
  /** The share of people in `classes` who give it. */
  rate: probability,
  /** Default: every class outside the serious group. */
  classes: z.array(IdSchema).min(1).optional(),
  ...provenance,
});

export const SelfCheckSchema = z.strictObject({
  question: IdSchema,
  /** The share of "not sure" answers that the rules' self-check settles, into yes or no as the person's class gives. */
  resolves: probability,
  ...provenance,
});

/**
 * The confirmation step: a sign ticked on "Which of these?" that the rules confirm in full words (`confirm`) is asked
 * again as the whole question, with what does not count. Of the people who ticked it because of a normal sensation,
 * `corrects` answer No and `unsure` answer "I'm not sure"; people who have the sign are taken to confirm it.
 */
export const ConfirmationSchema = z.strictObject({
  corrects: probability,
  unsure: probability,
  ...provenance,
});

export const PopulationSchema = z.strictObject({
  meta: z.strictObject({
    id: IdSchema,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version is semantic: MAJOR.MINOR.PATCH'),
    title: z.string().trim().min(1),
    /** The rules file (its meta.id) whose question and option ids the model uses. */
    rules: IdSchema,
    description: z.string().trim().min(1).optional(),
  }),
  sources: z.record(IdSchema, z.string().trim().min(1)),
  baseline: z.record(z.string(), EntrySchema),
  classes: z.array(PopulationClassSchema).min(1),
  misreadings: z.array(MisreadingSchema).default([]),
  selfChecks: z.array(SelfCheckSchema).default([]),
  confirmation: ConfirmationSchema.optional(),
});

export type Entry = z.infer<typeof EntrySchema>;
export type PopulationClass = z.infer<typeof PopulationClassSchema>;
export type Misreading = z.infer<typeof MisreadingSchema>;
export type SelfCheck = z.infer<typeof SelfCheckSchema>;
export type Confirmation = z.infer<typeof ConfirmationSchema>;
export type Population = z.infer<typeof PopulationSchema>;
export type ClassGroup = PopulationClass['group'];

const SUM_TOLERANCE = 0.001;

/** Every reference from the model to the rules and to its own sources must resolve, and every number add up. */
export function populationIssues(model: Population, rules: Rules): CrossReferenceIssue[] {
  const issues: CrossReferenceIssue[] = [];
  const questions = new Map(rules.questions.map((q) => [q.id, q]));
  if (model.meta.rules !== rules.meta.id) {
    issues.push({ path: ['meta', 'rules'], message: `the model is written for rules "${model.meta.rules}", not "${rules.meta.id}"` });
  }
  const provenanceIssues = (item: { source?: string[]; assumption?: string }, path: (string | number)[]) => {
    if (!item.source && !item.assumption) issues.push({ path, message: 'every number needs a "source" (keys into sources) or an "assumption" with its reasoning' });
    item.source?.forEach((key, i) => {
      if (!(key in model.sources)) issues.push({ path: [...path, 'source', i], message: `unknown source "${key}" (add it to sources)` });
    });
  };
  const entryIssues = (questionId: string, entry: Entry, path: (string | number)[]) => {
    provenanceIssues(entry, path);
    const q = questions.get(questionId);
    if (!q) {
      issues.push({ path, message: `"${questionId}" is not a question of ${rules.meta.id} ${rules.meta.version}` });
      return;
    }
    const forms = (['answers', 'scale', 'ticks'] as const).filter((k) => entry[k] !== undefined);
    const allowed = q.type === 'single' ? ['answers'] : q.type === 'multi' ? ['ticks'] : ['answers', 'scale'];
    if (forms.length !== 1 || !allowed.includes(forms[0] ?? '')) {
      issues.push({ path, message: `"${questionId}" is a ${q.type} question: give ${allowed.map((k) => `"${k}"`).join(' or ')}, exactly one` });
      return;
    }
    if (entry.answers) {
      const valid = q.type === 'scale' ? null : new Set(q.options.map((o) => o.id));
      for (const key of Object.keys(entry.answers)) {
        const bad =
          q.type === 'scale'
            ? !/^-?\d+$/.test(key) || Number(key) < q.min || Number(key) > q.max
            : !valid?.has(key);
        if (bad) {
          const options = q.type === 'scale' ? `values ${q.min} to ${q.max}` : `options: ${[...(valid ?? [])].join(', ')}`;
          issues.push({ path: [...path, 'answers', key], message: `"${questionId}" has no answer "${key}" (${options})` });
        }
      }
      const sum = Object.values(entry.answers).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > SUM_TOLERANCE) issues.push({ path: [...path, 'answers'], message: `the answers of "${questionId}" add up to ${round(sum)}, not 1` });
    }
    if (entry.ticks && q.type !== 'scale') {
      const valid = new Set(q.options.filter((o) => o.kind !== 'none').map((o) => o.id));
      for (const key of Object.keys(entry.ticks)) {
        if (!valid.has(key)) issues.push({ path: [...path, 'ticks', key], message: `"${questionId}" has no option "${key}" to tick (options: ${[...valid].join(', ')}; "none" is what nothing ticked means)` });
      }
    }
  };

  for (const q of rules.questions) {
    if (!(q.id in model.baseline)) issues.push({ path: ['baseline'], message: `no baseline for "${q.id}": every question of the rules needs one` });
  }
  for (const [id, entry] of Object.entries(model.baseline)) entryIssues(id, entry, ['baseline', id]);

  const classIds = new Set<string>();
  model.classes.forEach((c, ci) => {
    const at = ['classes', ci];
    if (classIds.has(c.id)) issues.push({ path: [...at, 'id'], message: `duplicate class id "${c.id}"` });
    classIds.add(c.id);
    provenanceIssues(c, at);
    for (const [id, entry] of Object.entries(c.answers)) entryIssues(id, entry, [...at, 'answers', id]);
    c.requireAny?.forEach((when, i) => conditionIssues(when, [...at, 'requireAny', i], rules, issues));
    if (c.requireAny && !c.requireAnyReason) issues.push({ path: [...at, 'requireAny'], message: `say why class "${c.id}" is defined by these answers ("requireAnyReason")` });
  });
  const shares = model.classes.reduce((sum, c) => sum + c.share, 0);
  if (Math.abs(shares - 1) > SUM_TOLERANCE) issues.push({ path: ['classes'], message: `the class shares add up to ${round(shares)}, not 1` });

  model.misreadings.forEach((m, mi) => {
    const at = ['misreadings', mi];
    provenanceIssues(m, at);
    const q = questions.get(m.question);
    if (!q) issues.push({ path: [...at, 'question'], message: `"${m.question}" is not a question of ${rules.meta.id} ${rules.meta.version}` });
    else if (q.type === 'scale' || !q.options.some((o) => o.id === m.answer)) {
      issues.push({ path: [...at, 'answer'], message: `"${m.question}" has no option "${m.answer}"` });
    }
    m.classes?.forEach((id, i) => {
      if (!classIds.has(id)) issues.push({ path: [...at, 'classes', i], message: `unknown class "${id}"` });
    });
  });
  if (model.confirmation) {
    provenanceIssues(model.confirmation, ['confirmation']);
    if (model.confirmation.corrects + model.confirmation.unsure > 1 + SUM_TOLERANCE) {
      issues.push({ path: ['confirmation'], message: 'corrects and unsure add up to more than 1' });
    }
  }
  model.selfChecks.forEach((s, si) => {
    const at = ['selfChecks', si];
    provenanceIssues(s, at);
    const q = questions.get(s.question);
    if (!q) issues.push({ path: [...at, 'question'], message: `"${s.question}" is not a question of ${rules.meta.id} ${rules.meta.version}` });
    else if (!q.check) issues.push({ path: [...at, 'question'], message: `"${s.question}" has no self-check ("check") in the rules, so nothing settles its "not sure"` });
  });
  return issues;
}

function round(x: number): string {
  return String(Math.round(x * 10_000) / 10_000);
}
