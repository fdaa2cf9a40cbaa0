// The shape of a rules file. This schema is the single source of truth: the TypeScript types below are inferred
// from it, the JSON Schema in rules/ is generated from it, and every rules file is checked against it when loaded.
// Cross-references (a rule naming an unknown question, a duplicate id, ...) are checked in `crossReferenceIssues`
// so that each problem gets an exact path and, through the loader, a file:line.
import { z } from 'zod';
import { didYouMean } from './nearest-id.ts';

export const URGENCY_LEVELS = ['emergency', 'urgent', 'consult', 'self-care'] as const;
export const LIKELIHOODS = ['likely', 'possible', 'unlikely'] as const;
// The source guide's four causes, and the commonest harmless explanation of back pain after training: ordinary
// delayed soreness or a simple strain.
export const CAUSE_IDS = ['posture', 'overuse', 'core', 'hydration', 'soreness'] as const;

export const UrgencySchema = z.enum(URGENCY_LEVELS);
export const LikelihoodSchema = z.enum(LIKELIHOODS);

/** Ids are snake_case so they stay stable in URLs, storage keys and FHIR linkIds. */
export const IdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'ids are snake_case: lower-case letters, digits and _ (e.g. saddle_numbness)');

const nonBlank = z
  .string()
  .trim()
  .min(1, 'text must not be empty')
  // Upper case only: "todo" is an everyday Spanish word ("sobre todo").
  .refine((s) => !/\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum|^\?+$/.test(s), 'text looks like a placeholder');

/** Text shown to people: English always, other languages as the file declares in `meta.locales`. */
export const TextSchema = z.strictObject({
  en: nonBlank,
  es: nonBlank.optional(),
});

// ---- Conditions: structured data, not expression strings, so a linter can reason about them. ----

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  /** At least `atLeast` of the listed conditions hold ("two or more of these unsure answers"). */
  | { atLeast: number; of: Condition[] }
  | { question: string; is: string }
  | { question: string; isAny: string[] }
  | { question: string; atLeast: number }
  | { question: string; atMost: number };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ atLeast: z.number().int().min(1), of: z.array(ConditionSchema).min(2) }),
    z.strictObject({ question: IdSchema, is: IdSchema }),
    z.strictObject({ question: IdSchema, isAny: z.array(IdSchema).min(1) }),
    z.strictObject({ question: IdSchema, atLeast: z.number() }),
    z.strictObject({ question: IdSchema, atMost: z.number() }),
  ]),
);

// ---- Follow-up conditions: the condition language plus three leaves that only a follow-up check can read. ----
// Kept apart from `Condition` on purpose: the solver, relevance and the linter's dominance proofs reason about the
// questionnaire's own answers only, and a follow-up's comparison must never change what the first check asks.

/** A limit on a number: at least, at most, or both. */
export interface NumberRange {
  atLeast?: number;
  atMost?: number;
}

export type FollowUpCondition =
  | { all: FollowUpCondition[] }
  | { any: FollowUpCondition[] }
  | { not: FollowUpCondition }
  | Extract<Condition, { question: string }>
  /** The earlier check's answer (only the answers `followUp.keep` names are kept). */
  | { previous: Extract<Condition, { question: string }> }
  /** Now minus then, on a scale question kept from the earlier check: -3 is three points better. */
  | { change: { question: string } & NumberRange }
  /** Whole days since the earlier check. */
  | { daysSince: NumberRange }
  /** What the person was last told to do (the earlier result's urgency): a follow-up never quietly lowers it. */
  | { previousUrgency: { isAny: ('consult' | 'self-care')[] } };

const rangeShape = { atLeast: z.number().optional(), atMost: z.number().optional() };
const hasLimit = (r: NumberRange) => r.atLeast !== undefined || r.atMost !== undefined;
const LeafConditionSchema = z.union([
  z.strictObject({ question: IdSchema, is: IdSchema }),
  z.strictObject({ question: IdSchema, isAny: z.array(IdSchema).min(1) }),
  z.strictObject({ question: IdSchema, atLeast: z.number() }),
  z.strictObject({ question: IdSchema, atMost: z.number() }),
]);

export const FollowUpConditionSchema: z.ZodType<FollowUpCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(FollowUpConditionSchema).min(1) }),
    z.strictObject({ any: z.array(FollowUpConditionSchema).min(1) }),
    z.strictObject({ not: FollowUpConditionSchema }),
    LeafConditionSchema,
    z.strictObject({ previous: LeafConditionSchema }),
    z.strictObject({ change: z.strictObject({ question: IdSchema, ...rangeShape }).refine(hasLimit, 'give atLeast, atMost or both') }),
    z.strictObject({ daysSince: z.strictObject(rangeShape).refine(hasLimit, 'give atLeast, atMost or both') }),
    z.strictObject({ previousUrgency: z.strictObject({ isAny: z.array(z.enum(['consult', 'self-care'])).min(1) }) }),
  ]),
);

// ---- Questions ----

export const OptionSchema = z.strictObject({
  id: IdSchema,
  label: TextSchema,
  /** "I'm not sure" and "none of these" options: shown apart and never count as positive evidence. */
  kind: z.enum(['answer', 'not_sure', 'none']).default('answer'),
  /** What this answer does not mean (a normal feeling after training it could be taken for), shown under its label. */
  exclude: TextSchema.optional(),
  /**
   * A colour sample shown beside the label, for answers that are colours (pee): a colour is recognised faster and
   * misread less than its name. Decoration only: the label still says it in words.
   */
  swatch: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i, 'a colour written as #rrggbb')
    .optional(),
});

const questionBase = {
  id: IdSchema,
  section: IdSchema,
  text: TextSchema,
  /**
   * A few words naming the question: its item in a grouped check ("Do you have any of these?") and its label on
   * the answers summary. Needed for questions on a `group` screen; elsewhere the summary falls back to `text`.
   */
  short: TextSchema.optional(),
  /** A short "why we ask", in plain words. */
  why: TextSchema.optional(),
  hint: TextSchema.optional(),
  /**
   * What does NOT count (a normal feeling after training that could be mistaken for the sign). Shown under the
   * question's short label wherever a person can answer Yes to it in a grouped check: "Which of these?" and the
   * "I'm not sure" screen.
   */
  exclude: TextSchema.optional(),
  /**
   * How to check the sign yourself in about 20 seconds (stand on your heels, take your temperature, look at your
   * pee), shown when the person is not sure, before asking again.
   */
  check: TextSchema.optional(),
  /**
   * A sign ticked on "Which of these?" is confirmed in full words before it counts: the question, what does not
   * count and how to check, answered Yes / No / I'm not sure right under the tick. For signs that are an emergency on
   * their own, where a normal feeling after training taken for the sign would send someone to 999.
   */
  confirm: z.boolean().optional(),
  showIf: ConditionSchema.optional(),
};

export const SingleQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('single'),
  options: z.array(OptionSchema).min(2),
});

export const MultiQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('multi'),
  options: z.array(OptionSchema).min(2),
});

export const ScaleQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('scale'),
  min: z.number().int(),
  max: z.number().int(),
  minLabel: TextSchema,
  maxLabel: TextSchema,
});

export const QuestionSchema = z.discriminatedUnion('type', [
  SingleQuestionSchema,
  MultiQuestionSchema,
  ScaleQuestionSchema,
]);

// ---- Screens: how questions are laid out, separately from what they ask (questions keep their ids). ----

export const SCREEN_KINDS = ['questions', 'group'] as const;
/** A grouped check lists at most this many warning signs: a short list is read, a long one is skimmed. */
export const GROUP_MAX_ITEMS = 5;
/**
 * ... and a grouped check of facts from a person's history (`facts`: what a doctor has told them, medicines), answered
 * from memory rather than by checking the body, one more: rules 3.0.0's known aorta condition joined the history check
 * rather than adding a screen every person reads.
 */
export const GROUP_MAX_FACTS = 6;

export const ScreenSchema = z.strictObject({
  id: IdSchema,
  /**
   * `questions` (the default): the listed questions on one page, each its own fieldset.
   * `group`: a forced-choice grouped check, "Do you have any of these?" over a short list of yes / no / not-sure
   * warning questions. "No" answers every listed question "no"; "Yes" asks which ones; "I'm not sure" asks each
   * one on its own.
   */
  kind: z.enum(SCREEN_KINDS).default('questions'),
  /** The page heading of a screen with several questions, and the question of a group ("Do you have any of these?"). */
  title: TextSchema.optional(),
  /**
   * Asked after an urgent red flag too, never after an emergency one. After an urgent sign the check otherwise asks
   * only what could make it an emergency; the doctor seen today also needs these answers (how bad, since when), and
   * the summary the person takes along gives them.
   */
  askAfterUrgent: z.boolean().optional(),
  /**
   * Every question shown by skip logic is asked, whatever the other answers (never after an emergency sign, which
   * ends the check): for the follow-up's own screen, whose answers the comparison reads though no rule may.
   */
  askAlways: z.boolean().optional(),
  /**
   * A grouped check of facts a person knows (a diagnosis, a medicine, an operation), answered from memory: it may list
   * GROUP_MAX_FACTS items rather than GROUP_MAX_ITEMS, and none of them may carry a self-check (`check`), which is for
   * signs a person checks on their body. The linter also refuses an item that is an emergency on its own
   * (src/lint/facts.ts), so that the allowance never lengthens a list of emergency signs.
   */
  facts: z.boolean().optional(),
  questions: z.array(IdSchema).min(1),
});

export const SectionSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  intro: TextSchema.optional(),
});

// ---- Rules ----

const ruleBase = {
  id: IdSchema,
  when: ConditionSchema,
  /** Why the rule exists, for the clinician reviewing it. Never shown to the person. */
  rationale: z.string().trim().min(1),
  source: z.string().trim().min(1).optional(),
};

/** A red flag forces `emergency` or `urgent`, whatever else is answered. */
export const RedFlagRuleSchema = z.strictObject({
  ...ruleBase,
  level: z.enum(['emergency', 'urgent']),
  /** Shown to the person: what this answer may mean, in calm words. */
  reason: TextSchema,
  /**
   * What to do, in place of the urgency's own action, when this flag sets the result: for signs that need a
   * particular service (in pregnancy, the maternity unit). Used only when every flag that sets the urgency has
   * one (the first in the file then); otherwise the urgency's own action stands.
   */
  action: TextSchema.optional(),
  /**
   * Linter warnings about this flag that a clinician has weighed and accepted, each with the reason (e.g. a question
   * asked only over 50 by design). `rules:check` then lists them as accepted, with the reason, instead of warning.
   */
  accepted: z
    .array(z.strictObject({ check: z.enum(['red-flag dominance', 'conflicts']), reason: z.string().trim().min(20, 'say why the warning is accepted') }))
    .min(1)
    .optional(),
});

/** Signs that call for booking a consultation (recurring, persisting, worsening, spreading pain, ...). */
export const ConsultRuleSchema = z.strictObject({
  ...ruleBase,
  level: z.literal('consult'),
  reason: TextSchema,
  /**
   * In place of the consult card's "what to do now" and "whom to see", for signs that need another service than a GP
   * or physiotherapist (a stinging pee: a pharmacist or GP; pregnancy: the midwife). On a consultation, the first
   * sign in the file that has either gives both (the card's own words for the one it lacks), whatever other signs
   * or a scope exit set the consultation too: put the sign with the sooner time frame first.
   */
  action: TextSchema.optional(),
  consult: TextSchema.optional(),
});

/**
 * Advice shown on the result when its condition holds, whatever the urgency (heat exhaustion: how to cool down and
 * when to call). It never changes the urgency: for what a person can act on now that is no reason to see anyone.
 */
export const AdviceRuleSchema = z.strictObject({
  ...ruleBase,
  text: TextSchema,
  /**
   * The most urgent result it is shown on (default: every result). Advice for self-care ("a pharmacist can help
   * today") would contradict "call 999 now" under it.
   */
  upTo: UrgencySchema.optional(),
});

/** The tool is not made for this person: say so and where to go instead. */
export const ScopeExitSchema = z.strictObject({
  ...ruleBase,
  message: TextSchema,
  /**
   * The least the person is told to do: `consult` (the default: see someone in the next few days, e.g. a child) or
   * `self-care` (general back-pain advice with the safety net, where nothing points to seeing anyone), raised by any
   * warning sign or consult sign as usual.
   */
  level: z.enum(['consult', 'self-care']).default('consult'),
});

export const EvidenceSchema = z.strictObject({
  id: IdSchema,
  when: ConditionSchema,
  /** Positive weights point towards the cause, negative ones away from it. */
  weight: z.number().int().min(-10).max(10),
  rationale: z.string().trim().min(1).optional(),
});

export const CauseSchema = z.strictObject({
  id: z.enum(CAUSE_IDS),
  title: TextSchema,
  summary: TextSchema,
  advice: z.array(TextSchema).min(1),
  source: z.string().trim().min(1),
  /** Score at or above `likely` -> likely; at or above `possible` -> possible; below -> unlikely. */
  thresholds: z.strictObject({ likely: z.number().int(), possible: z.number().int() }),
  evidence: z.array(EvidenceSchema).min(1),
});

// ---- The follow-up check (issue #18): "How is your back since <date>?" ----

export const FOLLOW_UP_OUTCOMES = ['better', 'same', 'worse'] as const;

/** What the comparison of then and now means. The first outcome whose condition holds is the one shown. */
export const FollowUpOutcomeSchema = z.strictObject({
  id: IdSchema,
  when: FollowUpConditionSchema,
  /** The comparison's outcome in one word, for the clinic's `followup-complete` event. */
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  /**
   * The least the person is told to do; a warning sign answered in the follow-up still sets its own level. `urgent`
   * (a doctor today) is for a comparison that is alarming on its own, such as pain much worse than at the first check.
   */
  level: z.enum(['urgent', 'consult', 'self-care']),
  /**
   * What it means, in plain words. `{then}` and `{now}` stand for the first scale answer `keep` names (the pain
   * score), then and now; `{date}` for the earlier check's date.
   */
  text: TextSchema,
  rationale: z.string().trim().min(1),
  source: z.string().trim().min(1).optional(),
});

/** "This week: ...": a return-to-training step. The first whose condition holds is shown. */
export const FollowUpStepSchema = z.strictObject({
  id: IdSchema,
  when: FollowUpConditionSchema,
  text: TextSchema,
  rationale: z.string().trim().min(1),
  source: z.string().trim().min(1).optional(),
});

export const FollowUpSchema = z.strictObject({
  /** The results that offer "Check again in N days". */
  offerFor: z.array(z.enum(['consult', 'self-care'])).min(1),
  /** N, by the result's urgency. The saved check expires after 30 days, so N is less. */
  afterDays: z.strictObject({
    consult: z.number().int().min(1).max(29).optional(),
    'self-care': z.number().int().min(1).max(29).optional(),
  }),
  rationale: z.string().trim().min(1),
  source: z.string().trim().min(1),
  /** The answers kept on the device for the comparison: nothing else is stored (scale or single-choice questions). */
  keep: z.array(IdSchema).min(1),
  /** The screens asked again, by id from `screens` (the warning signs' grouped checks and what they lead to). */
  screens: z.array(IdSchema).min(1),
  /** The screen asked last, of the follow-up's own: the pain now (questions from `questions`). */
  ask: ScreenSchema,
  outcomes: z.array(FollowUpOutcomeSchema).min(1),
  steps: z.array(FollowUpStepSchema).min(1),
});

/** A titled list shown on the result: the safety net, the self-care advice. */
export const TextListSchema = z.strictObject({
  title: TextSchema,
  items: z.array(TextSchema).min(1),
  /** A line after the list. */
  note: TextSchema.optional(),
});

/** The result's top card for one urgency, read in ten seconds. `{number}` stands for the emergency number. */
export const UrgencyTextSchema = z.strictObject({
  title: TextSchema,
  /** What to do now, the first words the person reads. */
  action: TextSchema,
  /** Whether, when and whom to see. */
  consult: TextSchema,
  /** When to call the emergency number instead (every result below an emergency). */
  callIf: TextSchema.optional(),
});

const EmergencyNumberSchema = z.string().regex(/^\d{2,6}$/, 'an emergency number: digits only, such as 112 or 999');

/**
 * The emergency number by region: where a region (an ISO 3166 code, as browsers name it: en-GB -> GB) maps to one
 * number that reaches every emergency service. Anywhere else, `default`.
 */
export const EmergencyNumbersSchema = z.strictObject({
  default: EmergencyNumberSchema,
  regions: z.record(z.string().regex(/^[A-Z]{2}$/, 'a region code: two capital letters, such as GB'), EmergencyNumberSchema),
});

/** One line of the summary's clinical header: a question's answer, when it was asked (and `when` holds). */
export const SummaryFactSchema = z.strictObject({
  question: IdSchema,
  when: ConditionSchema.optional(),
});

/**
 * A clinician's sign-off, bound to the content: `contentHash` is the hash of everything in the file except this
 * block (src/rules/content-hash.ts). Any later change to the content makes the sign-off stale.
 */
export const SignoffSchema = z.strictObject({
  /** Name and role, e.g. "Dr Ana Ruiz, sports medicine physician". */
  by: nonBlank,
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date: YYYY-MM-DD'),
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'sha256: followed by 64 hex digits (written by npm run rules:signoff)'),
});

export const RulesSchema = z
  .strictObject({
    meta: z.strictObject({
      id: IdSchema,
      version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version is semantic: MAJOR.MINOR.PATCH'),
      title: TextSchema,
      locales: z.array(z.enum(['en', 'es'])).min(1),
      sources: z.array(z.string().trim().min(1)).min(1),
      /** Absent until a clinician signs off; written by `npm run rules:signoff`, checked by `rules:check`. */
      signoff: SignoffSchema.optional(),
    }),
    sections: z.array(SectionSchema).min(1),
    questions: z.array(QuestionSchema).min(1),
    /**
     * How the questions are laid out on screens, in asking order. Optional: without it each question is a screen
     * of its own. With it, every question is on exactly one screen.
     */
    screens: z.array(ScreenSchema).optional(),
    redFlags: z.array(RedFlagRuleSchema).min(1),
    consultSigns: z.array(ConsultRuleSchema),
    scopeExits: z.array(ScopeExitSchema),
    advice: z.array(AdviceRuleSchema).default([]),
    causes: z.array(CauseSchema).min(1),
    /** Optional: a result that offers to check again in a few days, on the device, and how to compare (issue #18). */
    followUp: FollowUpSchema.optional(),
    results: z.strictObject({
      disclaimer: TextSchema,
      outOfScopeTitle: TextSchema,
      /** On every result below an emergency: the signs that mean getting help at once, spelled out. */
      safetyNet: TextListSchema.optional(),
      /** On self-care and consult results: the signs that mean seeing a doctor the same day. */
      safetyNetToday: TextListSchema.optional(),
      /** On self-care and consult results: what the person can do now (pain relief and its cautions, moving, ...). */
      selfCareAdvice: TextListSchema.optional(),
      /** With the self-care advice: when not to take an anti-inflammatory painkiller, as a plain list. */
      antiInflammatory: TextListSchema.extend({
        /**
         * Answers that already rule the painkiller out (pregnancy): then the list is not shown at all. A pregnant
         * person read "such as ibuprofen can help" under advice to take paracetamol, not ibuprofen.
         */
        notWhen: ConditionSchema.optional(),
      }).optional(),
      /** The emergency number by region. Without it, 112 (it works across Europe and on many mobile networks). */
      emergencyNumbers: EmergencyNumbersSchema.optional(),
      /** The summary for a professional (print and copy): the answers its clinical header starts with. */
      summary: z.strictObject({ facts: z.array(SummaryFactSchema).min(1) }).optional(),
      urgency: z.strictObject({
        emergency: UrgencyTextSchema,
        urgent: UrgencyTextSchema,
        consult: UrgencyTextSchema,
        'self-care': UrgencyTextSchema,
      }),
    }),
  })
  .superRefine((rules, ctx) => {
    for (const issue of crossReferenceIssues(rules)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type Text = z.infer<typeof TextSchema>;
export type Urgency = z.infer<typeof UrgencySchema>;
export type Likelihood = z.infer<typeof LikelihoodSchema>;
export type CauseId = (typeof CAUSE_IDS)[number];
export type Option = z.infer<typeof OptionSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type ScreenDefinition = z.infer<typeof ScreenSchema>;
export type RedFlagRule = z.infer<typeof RedFlagRuleSchema>;
export type ConsultRule = z.infer<typeof ConsultRuleSchema>;
export type ScopeExit = z.infer<typeof ScopeExitSchema>;
export type AdviceRule = z.infer<typeof AdviceRuleSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Cause = z.infer<typeof CauseSchema>;
export type Rules = z.infer<typeof RulesSchema>;
export type Signoff = z.infer<typeof SignoffSchema>;
export type EmergencyNumbers = z.infer<typeof EmergencyNumbersSchema>;
export type TextList = z.infer<typeof TextListSchema>;
export type FollowUp = z.infer<typeof FollowUpSchema>;
export type FollowUpOutcome = z.infer<typeof FollowUpOutcomeSchema>;
export type FollowUpOutcomeKind = (typeof FOLLOW_UP_OUTCOMES)[number];
/** The rules as written in YAML, before defaults (option `kind`) are filled in. */
export type RulesInput = z.input<typeof RulesSchema>;

export interface CrossReferenceIssue {
  path: (string | number)[];
  message: string;
}

/**
 * The parts of a rules file that cross-references need. Structural, so the loader can also check a file that
 * failed other checks (a typo in one text must not hide an unknown question id elsewhere).
 */
export interface RulesShape {
  sections: readonly { id: string }[];
  questions: readonly (
    | {
        id: string;
        section: string;
        showIf?: Condition;
        short?: unknown;
        check?: unknown;
        type: 'single' | 'multi';
        options: readonly { id: string; kind?: string }[];
      }
    | { id: string; section: string; showIf?: Condition; short?: unknown; check?: unknown; type: 'scale'; min: number; max: number }
  )[];
  screens?: readonly { id: string; kind?: string; title?: unknown; facts?: boolean; questions: readonly string[] }[];
  redFlags: readonly { id: string; when: Condition }[];
  consultSigns: readonly { id: string; when: Condition }[];
  scopeExits: readonly { id: string; when: Condition }[];
  advice?: readonly { id: string; when: Condition }[];
  causes: readonly {
    id: string;
    thresholds: { likely: number; possible: number };
    evidence: readonly { id: string; when: Condition }[];
  }[];
  results?: { summary?: { facts: readonly { question: string; when?: Condition }[] }; antiInflammatory?: { notWhen?: Condition } };
  followUp?: {
    offerFor: readonly string[];
    afterDays: Readonly<Record<string, number | undefined>>;
    keep: readonly string[];
    screens: readonly string[];
    ask: { id: string; questions: readonly string[] };
    outcomes: readonly { when: FollowUpCondition }[];
    steps: readonly { when: FollowUpCondition }[];
  };
}

/** Every reference between parts of the file must resolve, and every id must be unique where it is declared. */
export function crossReferenceIssues(rules: RulesShape): CrossReferenceIssue[] {
  const issues: CrossReferenceIssue[] = [];
  const duplicates = (ids: string[], path: (string | number)[], what: string) => {
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      const first = seen.get(id);
      if (first !== undefined) issues.push({ path: [...path, i, 'id'], message: `duplicate ${what} id "${id}" (the first is ${[...path, first].join('.')})` });
      else seen.set(id, i);
    });
  };
  duplicates(rules.sections.map((s) => s.id), ['sections'], 'section');
  duplicates(rules.questions.map((q) => q.id), ['questions'], 'question');
  duplicates(rules.causes.map((c) => c.id), ['causes'], 'cause');
  // Rule ids share one namespace so a trace can name a rule without saying which list it came from.
  const ruleIds: { id: string; path: (string | number)[] }[] = [
    ...rules.redFlags.map((r, i) => ({ id: r.id, path: ['redFlags', i, 'id'] })),
    ...rules.consultSigns.map((r, i) => ({ id: r.id, path: ['consultSigns', i, 'id'] })),
    ...rules.scopeExits.map((r, i) => ({ id: r.id, path: ['scopeExits', i, 'id'] })),
    ...(rules.advice ?? []).map((r, i) => ({ id: r.id, path: ['advice', i, 'id'] })),
    ...rules.causes.flatMap((c, ci) =>
      c.evidence.map((e, i) => ({ id: e.id, path: ['causes', ci, 'evidence', i, 'id'] })),
    ),
  ];
  const seenRules = new Set<string>();
  for (const r of ruleIds) {
    if (seenRules.has(r.id)) issues.push({ path: r.path, message: `duplicate rule id "${r.id}"` });
    seenRules.add(r.id);
  }

  const sectionIds = new Set(rules.sections.map((s) => s.id));
  const questionIndex = new Map(rules.questions.map((q, i) => [q.id, i]));
  const sectionOrder = new Map(rules.sections.map((s, i) => [s.id, i]));
  let lastSection = -1;

  rules.questions.forEach((q, qi) => {
    const at = ['questions', qi];
    if (!sectionIds.has(q.section)) {
      issues.push({ path: [...at, 'section'], message: `unknown section "${q.section}"` });
    } else {
      // Questions are asked in file order, so they must be grouped by section in the sections' order.
      const order = sectionOrder.get(q.section) ?? 0;
      if (order < lastSection) {
        issues.push({
          path: [...at, 'section'],
          message: `question "${q.id}" is in section "${q.section}" but comes after questions of a later section; keep questions in the order of sections`,
        });
      }
      lastSection = Math.max(lastSection, order);
    }
    if (q.type !== 'scale') {
      duplicates(q.options.map((o) => o.id), [...at, 'options'], `option (in question "${q.id}")`);
    } else if (q.min >= q.max) {
      issues.push({ path: [...at, 'max'], message: `max (${q.max}) must be greater than min (${q.min})` });
    }
    if (q.showIf) {
      conditionIssues(q.showIf, [...at, 'showIf'], rules, issues, (ref) => {
        // Skip logic may only look back: a question cannot depend on itself or on one asked later.
        const refIndex = questionIndex.get(ref);
        return refIndex !== undefined && refIndex >= qi
          ? `showIf of "${q.id}" refers to "${ref}", which is not asked before it`
          : null;
      });
    }
  });

  if (rules.screens) issues.push(...screenIssues(rules, rules.screens));

  const ruleLists = [
    ['redFlags', rules.redFlags],
    ['consultSigns', rules.consultSigns],
    ['scopeExits', rules.scopeExits],
    ['advice', rules.advice ?? []],
  ] as const;
  for (const [key, list] of ruleLists) {
    list.forEach((r, i) => conditionIssues(r.when, [key, i, 'when'], rules, issues));
  }
  rules.causes.forEach((c, ci) => {
    if (c.thresholds.possible > c.thresholds.likely) {
      issues.push({
        path: ['causes', ci, 'thresholds', 'possible'],
        message: `the "possible" threshold (${c.thresholds.possible}) is above the "likely" one (${c.thresholds.likely})`,
      });
    }
    c.evidence.forEach((e, i) => conditionIssues(e.when, ['causes', ci, 'evidence', i, 'when'], rules, issues));
  });
  rules.results?.summary?.facts.forEach((fact, i) => {
    const at = ['results', 'summary', 'facts', i];
    if (!questionIndex.has(fact.question)) issues.push({ path: [...at, 'question'], message: `unknown question "${fact.question}"` });
    if (fact.when) conditionIssues(fact.when, [...at, 'when'], rules, issues);
  });
  const notWhen = rules.results?.antiInflammatory?.notWhen;
  if (notWhen) conditionIssues(notWhen, ['results', 'antiInflammatory', 'notWhen'], rules, issues);
  if (rules.followUp) issues.push(...followUpIssues(rules, rules.followUp));
  return issues;
}

/**
 * The follow-up names real screens and questions; it keeps only answers it compares; its conditions read only what
 * the follow-up asks now, or what was kept from the earlier check.
 */
function followUpIssues(rules: RulesShape, followUp: NonNullable<RulesShape['followUp']>): CrossReferenceIssue[] {
  const issues: CrossReferenceIssue[] = [];
  const at = ['followUp'];
  const questionById = new Map(rules.questions.map((q) => [q.id, q]));
  const screenById = new Map((rules.screens ?? []).map((s) => [s.id, s]));
  followUp.offerFor.forEach((level, i) => {
    if (followUp.afterDays[level] === undefined) issues.push({ path: [...at, 'offerFor', i], message: `"${level}" results offer a follow-up, but afterDays gives no "${level}"` });
  });
  followUp.keep.forEach((id, i) => {
    const q = questionById.get(id);
    if (!q) issues.push({ path: [...at, 'keep', i], message: `unknown question "${id}"` });
    else if (q.type === 'multi') issues.push({ path: [...at, 'keep', i], message: `"${id}" is a tick list: keep scale or single-choice answers only` });
  });
  const askedNow = new Set<string>();
  followUp.screens.forEach((id, i) => {
    const screen = screenById.get(id);
    if (!screen) issues.push({ path: [...at, 'screens', i], message: `unknown screen "${id}" (screens: ${[...screenById.keys()].join(', ')})` });
    else screen.questions.forEach((q) => askedNow.add(q));
  });
  if (screenById.has(followUp.ask.id)) issues.push({ path: [...at, 'ask', 'id'], message: `"${followUp.ask.id}" is already a screen: give the follow-up's own screen its own id` });
  followUp.ask.questions.forEach((id, i) => {
    if (!questionById.has(id)) issues.push({ path: [...at, 'ask', 'questions', i], message: `unknown question "${id}"` });
    else if (askedNow.has(id)) issues.push({ path: [...at, 'ask', 'questions', i], message: `"${id}" is already on a screen the follow-up asks again` });
    askedNow.add(id);
  });
  const kept = new Set(followUp.keep);
  const check = (c: FollowUpCondition, path: (string | number)[]): void => {
    if ('all' in c) return c.all.forEach((p, i) => check(p, [...path, 'all', i]));
    if ('any' in c) return c.any.forEach((p, i) => check(p, [...path, 'any', i]));
    if ('not' in c) return check(c.not, [...path, 'not']);
    if ('daysSince' in c || 'previousUrgency' in c) return;
    if ('previous' in c) {
      if (!kept.has(c.previous.question)) issues.push({ path: [...path, 'previous', 'question'], message: `"${c.previous.question}" is not kept from the earlier check: add it to followUp.keep` });
      return conditionIssues(c.previous, [...path, 'previous'], rules, issues);
    }
    if ('change' in c) {
      const q = questionById.get(c.change.question);
      const p = [...path, 'change', 'question'];
      if (!q) issues.push({ path: p, message: `unknown question "${c.change.question}"` });
      else if (q.type !== 'scale') issues.push({ path: p, message: `"change" needs a scale question, but "${q.id}" is a ${q.type}-choice question` });
      else if (!kept.has(q.id) || !askedNow.has(q.id)) issues.push({ path: p, message: `"change" compares then and now: "${q.id}" must be kept (followUp.keep) and asked again` });
      return;
    }
    if (questionById.has(c.question) && !askedNow.has(c.question)) {
      issues.push({ path: [...path, 'question'], message: `"${c.question}" is not asked in the follow-up: use { previous: ... } for the earlier answer` });
    }
    conditionIssues(c, path, rules, issues);
  };
  followUp.outcomes.forEach((o, i) => check(o.when, [...at, 'outcomes', i, 'when']));
  followUp.steps.forEach((o, i) => check(o.when, [...at, 'steps', i, 'when']));
  return issues;
}

/**
 * Screens lay the questions out without changing them: every question on exactly one screen, in asking order, no
 * screen mixing sections, and grouped checks made only of yes / no / not-sure warning questions with a short label.
 */
function screenIssues(rules: RulesShape, screens: NonNullable<RulesShape['screens']>): CrossReferenceIssue[] {
  const issues: CrossReferenceIssue[] = [];
  const questionIndex = new Map(rules.questions.map((q, i) => [q.id, i]));
  // Warning signs: what a red flag or a consult sign reads (a sign NHS lists as urgent may be a consult sign alone).
  const warningQuestions = new Set([...rules.redFlags, ...rules.consultSigns].flatMap((r) => questionsIn(r.when)));
  const placed = new Map<string, number>();
  const seenScreens = new Set<string>();
  // A grouped check is a group item in the FHIR Questionnaire, whose linkIds must all differ.
  const otherIds = new Set([...rules.sections.map((s) => s.id), ...rules.questions.map((q) => q.id)]);
  let lastQuestion = -1;
  screens.forEach((screen, si) => {
    const at = ['screens', si];
    if (seenScreens.has(screen.id)) issues.push({ path: [...at, 'id'], message: `duplicate screen id "${screen.id}"` });
    seenScreens.add(screen.id);
    const group = screen.kind === 'group';
    if (group && otherIds.has(screen.id)) {
      issues.push({ path: [...at, 'id'], message: `grouped check "${screen.id}" has the id of a section or question: give it its own` });
    }
    let section: string | undefined;
    const onScreen = new Set(screen.questions);
    screen.questions.forEach((id, k) => {
      const path = [...at, 'questions', k];
      const qi = questionIndex.get(id);
      const q = qi === undefined ? undefined : rules.questions[qi];
      if (qi === undefined || !q) {
        issues.push({ path, message: `unknown question "${id}"` });
        return;
      }
      const earlier = placed.get(id);
      if (earlier !== undefined) {
        issues.push({ path, message: `question "${id}" is already on screen "${screens[earlier]?.id}": each question is on exactly one screen` });
        return;
      }
      placed.set(id, si);
      if (qi < lastQuestion) {
        issues.push({ path, message: `question "${id}" comes before "${rules.questions[lastQuestion]?.id}" in questions, but after it on the screens: screens list questions in asking order` });
      }
      lastQuestion = Math.max(lastQuestion, qi);
      if (section === undefined) section = q.section;
      else if (q.section !== section) {
        issues.push({ path, message: `screen "${screen.id}" mixes sections "${section}" and "${q.section}": a screen holds questions of one section` });
      }
      // A question revealed by an answer on the same screen would need the screen to change under the person.
      const sameScreen = q.showIf ? questionsIn(q.showIf).filter((ref) => ref !== id && onScreen.has(ref)) : [];
      if (sameScreen.length > 0) {
        issues.push({ path, message: `"${id}" is shown only depending on "${sameScreen[0]}", which is on the same screen: put it on a later screen` });
      }
      if (!group) return;
      const options = q.type === 'scale' ? [] : q.options;
      const ids = options.map((o) => o.id).sort();
      const yesNoNotSure =
        q.type === 'single' &&
        options.length === 3 &&
        ids.includes('yes') &&
        ids.includes('no') &&
        options.some((o) => o.kind === 'not_sure');
      if (!yesNoNotSure) {
        issues.push({ path, message: `"${id}" is in grouped check "${screen.id}", but only single-choice questions with the options "yes", "no" and one "not_sure" can be` });
      }
      if (!warningQuestions.has(id)) {
        issues.push({ path, message: `"${id}" is in grouped check "${screen.id}", but no red flag or consult sign uses it: grouped checks are for warning signs` });
      }
      if (q.short === undefined) {
        issues.push({ path: ['questions', qi], message: `"${id}" is in grouped check "${screen.id}" and needs a "short" label: the few words listed in the group` });
      }
    });
    const maxItems = screen.facts ? GROUP_MAX_FACTS : GROUP_MAX_ITEMS;
    if (group && screen.questions.length > maxItems) {
      const which = screen.facts ? 'of history facts ' : '';
      issues.push({ path: [...at, 'questions'], message: `grouped check ${which}"${screen.id}" lists ${screen.questions.length} questions; at most ${maxItems}, so the list is read rather than skimmed` });
    }
    if (screen.facts && !group) {
      issues.push({ path: [...at, 'facts'], message: `"facts" is for grouped checks (kind: group); "${screen.id}" is not one` });
    }
    if (screen.facts) {
      screen.questions.forEach((id, k) => {
        const qi = questionIndex.get(id);
        if (qi !== undefined && rules.questions[qi]?.check !== undefined) {
          issues.push({ path: [...at, 'questions', k], message: `"${id}" has a self-check ("check"), so it is a sign, not a history fact: move it out of the facts check "${screen.id}"` });
        }
      });
    }
    if (group && screen.title === undefined) {
      issues.push({ path: [...at], message: `grouped check "${screen.id}" needs a "title": the question it asks, e.g. "Do you have any of these?"` });
    }
  });
  rules.questions.forEach((q, qi) => {
    if (!placed.has(q.id)) issues.push({ path: ['questions', qi], message: `question "${q.id}" is on no screen: add it to one in "screens"` });
  });
  return issues;
}

/** The question ids a condition names (the engine has its own; rules/ stays below the engine). */
function questionsIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(questionsIn);
  if ('any' in condition) return condition.any.flatMap(questionsIn);
  if ('not' in condition) return questionsIn(condition.not);
  if ('of' in condition) return condition.of.flatMap(questionsIn);
  return [condition.question];
}

export function conditionIssues(
  condition: Condition,
  path: (string | number)[],
  rules: RulesShape,
  issues: CrossReferenceIssue[],
  extraCheck?: (questionId: string) => string | null,
): void {
  if ('all' in condition) {
    condition.all.forEach((c, i) => conditionIssues(c, [...path, 'all', i], rules, issues, extraCheck));
    return;
  }
  if ('any' in condition) {
    condition.any.forEach((c, i) => conditionIssues(c, [...path, 'any', i], rules, issues, extraCheck));
    return;
  }
  if ('not' in condition) {
    conditionIssues(condition.not, [...path, 'not'], rules, issues, extraCheck);
    return;
  }
  if ('of' in condition) {
    if (condition.atLeast > condition.of.length) {
      issues.push({
        path: [...path, 'atLeast'],
        message: `"atLeast: ${condition.atLeast}" can never hold: only ${condition.of.length} conditions are listed in "of"`,
      });
    }
    condition.of.forEach((c, i) => conditionIssues(c, [...path, 'of', i], rules, issues, extraCheck));
    return;
  }
  const question = rules.questions.find((q) => q.id === condition.question);
  if (!question) {
    issues.push({ path: [...path, 'question'], message: `unknown question "${condition.question}"${didYouMean(condition.question, rules.questions.map((q) => q.id))}` });
    return;
  }
  const extra = extraCheck?.(question.id);
  if (extra) issues.push({ path: [...path, 'question'], message: extra });
  if ('atLeast' in condition || 'atMost' in condition) {
    if (question.type !== 'scale') {
      const key = 'atLeast' in condition ? 'atLeast' : 'atMost';
      issues.push({
        path: [...path, key],
        message: `"${key}" needs a scale question, but "${question.id}" is a ${question.type}-choice question`,
      });
    }
    return;
  }
  if (question.type === 'scale') {
    const key = 'is' in condition ? 'is' : 'isAny';
    issues.push({
      path: [...path, key],
      message: `"${question.id}" is a scale question: use atLeast/atMost, not "${key}"`,
    });
    return;
  }
  const optionIds = new Set(question.options.map((o) => o.id));
  const refs = 'is' in condition ? [{ id: condition.is, p: ['is'] }] : condition.isAny.map((id, i) => ({ id, p: ['isAny', i] }));
  for (const ref of refs) {
    if (!optionIds.has(ref.id)) {
      issues.push({
        path: [...path, ...ref.p],
        message: `question "${question.id}" has no option "${ref.id}" (options: ${[...optionIds].join(', ')})`,
      });
    }
  }
}
