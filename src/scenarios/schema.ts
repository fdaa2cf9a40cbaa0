// The shape of a scenario file (rules/scenarios/*.yaml): named patients written by clinicians, each with their
// answers and what the rules must conclude. `npm run rules:test` runs them through the real state machine.
//
//   rules: ../lower-back-after-workout.yaml   # optional: the rules file, relative to this file (this is the default)
//   defaults:                                  # optional: answers every scenario in the file starts from
//     answers: { rf_saddle_numbness: "no", ... }
//   scenarios:
//     - name: Saddle numbness is an emergency
//       description: ...                       # optional
//       answers: { rf_saddle_numbness: "yes" } # question id -> option id, [option ids] or a number
//       expect:
//         urgency: emergency                   # required
//         redFlags: [saddle_numbness]          # optional: exactly these red flags fire
//         consultSigns: [...]                  # optional: exactly these consult signs fire
//         outOfScope: under_16                 # optional: this scope exit fires (false: none does)
//         likely: [posture]                    # optional: exactly these causes are likely ([] = none)
//         possible: [core]                     # optional: exactly these causes are possible
//         notLikely: [hydration]               # optional: none of these is likely
//         advice: [arching_pain_watch]         # optional: exactly these advice rules are shown
//       previous:                              # optional: a follow-up check (issue #18) against this earlier one
//         daysAgo: 7                           #   when the earlier check was
//         urgency: self-care                   #   optional: its result (default self-care)
//         answers: { pain_score: 5 }           #   the answers kept then (only those followUp.keep names)
//       (with previous, expect may also name followUp: <outcome id> and step: <step id>, or false for none)
//       changes:                               # optional: then, from the review screen, change answers
//         - change: { age_band: age_16_to_35 } # one or more answers, changed in order
//           answers: { ... }                   # optional: answers to questions the change makes appear
//           expect: { urgency: ..., dropped: [question ids] }  # dropped: exactly these answers were removed
import { z } from 'zod';
import { UrgencySchema } from '../rules/schema.ts';

export const ScenarioAnswerSchema = z.union([z.string(), z.array(z.string()).min(1), z.number()]);
export const ScenarioAnswersSchema = z.record(z.string(), ScenarioAnswerSchema);

export const ExpectSchema = z.strictObject({
  urgency: UrgencySchema,
  redFlags: z.array(z.string()).optional(),
  consultSigns: z.array(z.string()).optional(),
  outOfScope: z.union([z.string(), z.literal(false)]).optional(),
  likely: z.array(z.string()).optional(),
  possible: z.array(z.string()).optional(),
  notLikely: z.array(z.string()).optional(),
  /** Exactly these advice rules are shown on the result (each within its upTo level). */
  advice: z.array(z.string()).optional(),
  /** A follow-up's outcome rule (false: none is shown, a warning sign decided). */
  followUp: z.union([z.string(), z.literal(false)]).optional(),
  /** A follow-up's "This week: ..." step (false: none is shown). */
  step: z.union([z.string(), z.literal(false)]).optional(),
});

export const PreviousSchema = z.strictObject({
  daysAgo: z.number().int().min(0).max(30),
  urgency: UrgencySchema.default('self-care'),
  answers: ScenarioAnswersSchema,
});

export const ChangeSchema = z.strictObject({
  change: ScenarioAnswersSchema.refine((c) => Object.keys(c).length > 0, 'change at least one answer'),
  answers: ScenarioAnswersSchema.optional(),
  expect: ExpectSchema.extend({ dropped: z.array(z.string()).optional() }),
});

export const ScenarioSchema = z.strictObject({
  name: z.string().trim().min(1),
  description: z.string().trim().min(1).optional(),
  answers: ScenarioAnswersSchema,
  expect: ExpectSchema,
  previous: PreviousSchema.optional(),
  changes: z.array(ChangeSchema).min(1).optional(),
}).refine((s) => !(s.previous && s.changes), { message: 'a follow-up scenario (previous) has no changes: write another scenario', path: ['changes'] });

export const ScenarioFileSchema = z
  .strictObject({
    rules: z.string().trim().min(1).optional(),
    defaults: z.strictObject({ answers: ScenarioAnswersSchema }).optional(),
    scenarios: z.array(ScenarioSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.scenarios.forEach((s, i) => {
      if (seen.has(s.name)) ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'name'], message: `duplicate scenario name "${s.name}"` });
      seen.add(s.name);
    });
  });

export type ScenarioAnswers = z.infer<typeof ScenarioAnswersSchema>;
export type Expect = z.infer<typeof ExpectSchema>;
export type Change = z.infer<typeof ChangeSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;

export const DEFAULT_RULES = '../lower-back-after-workout.yaml';
