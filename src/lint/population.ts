// A generated population of people answering the questionnaire, for the impact of a rules change: seeded (the same
// seed always gives the same people), weighted towards realistic answers, and walked through the questionnaire the
// way the app asks it (skip logic, and the early stop after a red flag or scope exit).
//
// The answer model, per question (documented in the README; it is a model, not epidemiology):
//   - an answer that is a red flag on its own (e.g. "Yes" to numbness in the saddle area) is rare: 0.2%;
//   - an answer that on its own calls for a consultation, sends the person elsewhere (scope exit) or brings its own
//     advice: 2% (advice counts since rules 2.5.0, where mild back pain in pregnancy became self-care with advice: read
//     as an ordinary answer, "pregnant" was drawn for a quarter of the people);
//   - "I'm not sure" (when it is neither of those): 2%;
//   - every other option shares the rest equally; "None of these" is ticked by 60% on tick-all lists, where each
//     ordinary option is otherwise ticked by 25% (a red-flag option 0.2%, a consult option 2%);
//   - scales lean low: a bell around 30% of the range (pain 0-10: mostly 1 to 5), red-flag values x0.05, consult
//     values x0.3.
// Which answers are "red flag on their own" is read from the rules (a red flag that fires on that answer alone), so
// the model follows any rules file. The most common answer to a question is the likeliest one; between equally
// likely options, the calmer one: it sets off fewer rules on its own, or fewer rules name it ("No" rather than "Yes").
import type { AnswerValue, Answers } from '../engine/answers.ts';
import { matches, questionsIn } from '../engine/conditions.ts';
import { collectedOutcome, walkStoppers } from '../engine/navigation.ts';
import { stopperCounts } from '../engine/stopper-counts.ts';
import type { Slots } from '../engine/answer-slots.ts';
import type { Condition, Question, Rules } from '../rules/schema.ts';
import type { Random } from '../engine/random-answers.ts';
import { leaves } from '../engine/solver.ts';

export const ANSWER_WEIGHTS = {
  redFlag: 0.002,
  consult: 0.02,
  notSure: 0.02,
  /** Tick-all-that-apply lists. */
  none: 0.6,
  ticked: 0.25,
  /** Scales: centre and spread of the bell, as shares of the range; multipliers for alarming values. */
  scaleCentre: 0.3,
  scaleSpread: 0.25,
  scaleRedFlag: 0.05,
  scaleConsult: 0.3,
} as const;

type Alarm = 'redFlag' | 'consult' | null;

type QuestionModel =
  | { type: 'pick'; question: Question; values: AnswerValue[]; cumulative: number[] }
  | { type: 'multi'; question: Question; none: string | null; options: { id: string; p: number }[]; fallback: string };

export interface AnswerModel {
  rules: Rules;
  byId: ReadonlyMap<string, QuestionModel>;
  /** The most common answer to each question under the model. */
  common: Readonly<Record<string, AnswerValue>>;
}

/** Does this answer, given alone, fire a red flag (or else a consult sign or scope exit)? */
function alarmOf(questionId: string, value: AnswerValue, near: RulesNear): Alarm {
  const alone: Answers = { [questionId]: value };
  if (near.redFlags.get(questionId)?.some((c) => matches(c, alone) || firesWithinSection(c, questionId, alone, near))) return 'redFlag';
  if (near.consult.get(questionId)?.some((c) => matches(c, alone) || firesWithinSection(c, questionId, alone, near))) return 'consult';
  return null;
}

/**
 * Whether the answer is what a rule needs from its question when the rule's other parts ask only about the same
 * section ("worse at night" and "for more than 3 days"): an answer that is alarming with a common answer beside it
 * is as rare as one that is alarming alone. Parts from other sections (age, say) do not count: "over 50" is common.
 * A part that offers a choice ("any of") counts when one of its choices asks only about the same section: pain below
 * the knee that books a consultation when it is severe, getting worse or over 50 is as rare as one that books it
 * alone.
 */
function firesWithinSection(c: Condition, questionId: string, alone: Answers, near: RulesNear): boolean {
  if (!('all' in c)) return false;
  const section = near.sectionOf.get(questionId);
  const inSection = (part: Condition): boolean => questionsIn(part).every((id) => near.sectionOf.get(id) === section);
  const own = c.all.filter((part) => questionsIn(part).includes(questionId));
  const rest = c.all.filter((part) => !own.includes(part));
  return (
    own.length > 0 &&
    rest.length > 0 &&
    own.every((part) => questionsIn(part).every((id) => id === questionId) && matches(part, alone)) &&
    rest.every((part) => inSection(part) || ('any' in part && part.any.some(inSection)))
  );
}

interface RulesNear {
  sectionOf: Map<string, string>;
  redFlags: Map<string, Condition[]>;
  consult: Map<string, Condition[]>;
  /** Every rule, evidence included: to tell the calmer of two equally likely answers. */
  all: Map<string, Condition[]>;
}

/**
 * How alarming an answer looks to the rules, for telling the calmer of two equally likely answers: the rules it sets
 * off on its own, then the rules that name it at all ("Yes" to an earlier injury, named by a consult sign, is less
 * calm than "No", named by none).
 */
function alarmScore(questionId: string, value: AnswerValue, near: RulesNear): [number, number] {
  const alone: Answers = { [questionId]: value };
  const conditions = near.all.get(questionId) ?? [];
  const ids = new Set(Array.isArray(value) ? value : [String(value)]);
  const named = conditions.filter((c) => leaves(c).some((l) => l.question === questionId && ('is' in l ? ids.has(l.is) : 'isAny' in l && l.isAny.some((o) => ids.has(o)))));
  return [conditions.filter((c) => matches(c, alone)).length, named.length];
}


function byQuestion(conditions: readonly Condition[]): Map<string, Condition[]> {
  const map = new Map<string, Condition[]>();
  for (const c of conditions) for (const id of new Set(questionsIn(c))) map.set(id, [...(map.get(id) ?? []), c]);
  return map;
}

const models = new WeakMap<Rules, AnswerModel>();

export function answerModel(rules: Rules): AnswerModel {
  const known = models.get(rules);
  if (known) return known;
  const near: RulesNear = {
    sectionOf: new Map(rules.questions.map((q) => [q.id, q.section])),
    redFlags: byQuestion(rules.redFlags.map((r) => r.when)),
    consult: byQuestion([...rules.consultSigns, ...rules.scopeExits, ...rules.advice].map((r) => r.when)),
    all: byQuestion([
      ...[...rules.redFlags, ...rules.consultSigns, ...rules.scopeExits].map((r) => r.when),
      ...rules.causes.flatMap((c) => c.evidence.map((e) => e.when)),
    ]),
  };
  const byId = new Map<string, QuestionModel>();
  const common: Record<string, AnswerValue> = {};
  for (const q of rules.questions) {
    const model = questionModel(q, near);
    byId.set(q.id, model);
    common[q.id] = mostCommon(model, near);
  }
  const model: AnswerModel = { rules, byId, common };
  models.set(rules, model);
  return model;
}

function questionModel(q: Question, near: RulesNear): QuestionModel {
  const w = ANSWER_WEIGHTS;
  if (q.type === 'scale') {
    const range = q.max - q.min;
    const centre = q.min + w.scaleCentre * range;
    const spread = Math.max(1, w.scaleSpread * range);
    const values = Array.from({ length: range + 1 }, (_, i) => q.min + i);
    const weights = values.map((v) => {
      const alarm = alarmOf(q.id, v, near);
      const bell = Math.exp(-0.5 * ((v - centre) / spread) ** 2);
      return bell * (alarm === 'redFlag' ? w.scaleRedFlag : alarm === 'consult' ? w.scaleConsult : 1);
    });
    return { type: 'pick', question: q, values, cumulative: cumulate(weights) };
  }
  const fixed = (o: { id: string; kind: string }, single: boolean): number | null => {
    const alarm = alarmOf(q.id, single ? o.id : [o.id], near);
    if (alarm === 'redFlag') return w.redFlag;
    if (alarm === 'consult') return w.consult;
    if (o.kind === 'not_sure') return w.notSure;
    return null;
  };
  if (q.type === 'single') {
    const given = q.options.map((o) => fixed(o, true));
    const taken = given.reduce<number>((sum, p) => sum + (p ?? 0), 0);
    const open = given.filter((p) => p === null).length;
    const share = open > 0 ? Math.max(0, 1 - taken) / open : 0;
    return { type: 'pick', question: q, values: q.options.map((o) => o.id), cumulative: cumulate(given.map((p) => p ?? share)) };
  }
  const none = q.options.find((o) => o.kind === 'none')?.id ?? null;
  const options = q.options.filter((o) => o.kind !== 'none').map((o) => ({ id: o.id, p: fixed(o, false) ?? w.ticked }));
  const fallback = [...options].sort((a, b) => b.p - a.p)[0]?.id ?? q.options[0]?.id ?? '';
  return { type: 'multi', question: q, none, options, fallback };
}

function cumulate(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  let run = 0;
  return weights.map((x) => (run += x / total));
}

function mostCommon(model: QuestionModel, near: RulesNear): AnswerValue {
  if (model.type === 'multi') return [model.none ?? model.fallback];
  const id = model.question.id;
  let best = 0;
  model.values.forEach((value, i) => {
    const p = probability(model.cumulative, i);
    const bestP = probability(model.cumulative, best);
    if (p > bestP + 1e-9) best = i;
    // Scored only for a tie: reading every rule on the question for each value was a second of each impact
    // analysis on rules ten times larger, paid again by its worker thread.
    else if (Math.abs(p - bestP) <= 1e-9 && i !== best) {
      const [fires, named] = alarmScore(id, value, near);
      const [bestFires, bestNamed] = alarmScore(id, model.values[best] as AnswerValue, near);
      if (fires < bestFires || (fires === bestFires && named < bestNamed)) best = i;
    }
  });
  return model.values[best] as AnswerValue;
}

function probability(cumulative: readonly number[], i: number): number {
  return (cumulative[i] ?? 0) - (cumulative[i - 1] ?? 0);
}

/** One answer drawn from the model. (Plain loops: this runs for every question of every answer set.) */
export function drawAnswer(model: QuestionModel, random: Random): AnswerValue {
  if (model.type === 'pick') {
    const r = random();
    const { cumulative, values } = model;
    for (let i = 0; i < cumulative.length; i++) if (r < (cumulative[i] as number)) return values[i] as AnswerValue;
    return values[values.length - 1] as AnswerValue;
  }
  if (model.none !== null && random() < ANSWER_WEIGHTS.none) return [model.none];
  const ticked: string[] = [];
  for (const o of model.options) if (random() < o.p) ticked.push(o.id);
  return ticked.length > 0 ? ticked : [model.fallback];
}

export type { QuestionModel };

/** An answer to every question of the rules (hidden ones too: the walk decides what is asked). */
export function drawAnswers(model: AnswerModel, random: Random, into: Record<string, AnswerValue> = {}): Record<string, AnswerValue> {
  for (const [id, m] of model.byId) into[id] = drawAnswer(m, random);
  return into;
}

// ---- The walk: what the questionnaire asks, given how the person would answer each question ----

/**
 * The answers that decide the outcome for someone who would answer each question with `answerFor(question)`, as
 * the check would ask them (engine/navigation.ts `collectedAnswers`: skip logic, grouped checks, the early stop at
 * an emergency, and after a red flag or scope exit only what could still raise the urgency). With `outcomeOnly`,
 * for speed (100,000 people, twice): questions before any red flag or scope exit are kept whether or not the check
 * would leave them out, since those cannot change the outcome (tests/engine/relevance.property.test.ts proves it).
 * tests/lint/population.test.ts checks the outcome against the state machine.
 */
export function walkQuestionnaire(
  rules: Rules,
  answerFor: (question: Question, position: number) => AnswerValue,
): Answers {
  return walkQuestionnaireSlots(rules, answerFor).kept();
}

/** The same, with the answers by position too (for `evaluateWalked`). */
export function walkQuestionnaireSlots(
  rules: Rules,
  answerFor: (question: Question, position: number) => AnswerValue,
): { kept: () => Answers; slots: Slots } {
  // Every question answered in asking order (the person's draws do not depend on what is asked), then walked.
  const { questions } = rules;
  const truth: AnswerValue[] = new Array<AnswerValue>(questions.length);
  for (let position = 0; position < questions.length; position++) truth[position] = answerFor(questions[position] as Question, position);
  return collectedOutcome(rules, (position) => truth[position], stopperCounts(rules, walkStoppers(rules)));
}
