// fast-check generators of valid answers, built from any rules file (so they follow the YAML as it changes).
// Reusable by any test: every answer they produce passes `answerProblem`, and answer sets are pruned to the
// questions that apply, like the questionnaire would leave them.
import fc from 'fast-check';
import type { Condition, Question, Rules } from '../../src/rules/schema.ts';
import { answerProblem, type AnswerValue, type Answers } from '../../src/engine/answers.ts';
import { matches } from '../../src/engine/conditions.ts';
import { pruneAnswers } from '../../src/engine/visibility.ts';

/** Any valid answer: single -> any option; multi -> "none" alone or a non-empty set of real options; scale -> in range. */
export function answerArb(question: Question, avoid?: ReadonlySet<string>): fc.Arbitrary<AnswerValue> {
  if (question.type === 'scale') return fc.integer({ min: question.min, max: question.max });
  const allowed = (ids: string[]) => {
    const kept = avoid ? ids.filter((id) => !avoid.has(id)) : ids;
    return kept.length > 0 ? kept : ids;
  };
  if (question.type === 'single') return fc.constantFrom(...allowed(question.options.map((o) => o.id)));
  const none = question.options.filter((o) => o.kind === 'none').map((o) => o.id);
  const allReal = question.options.filter((o) => o.kind !== 'none').map((o) => o.id);
  // When every real option is to be avoided, "none of these" is the quiet answer.
  if (avoid && none.length > 0 && allReal.every((id) => avoid.has(id))) return fc.constantFrom(...none).map((id) => [id]);
  const real = allowed(allReal);
  const ticked = fc.uniqueArray(fc.constantFrom(...real), { minLength: 1, maxLength: real.length });
  return none.length > 0 ? fc.oneof(ticked, fc.constantFrom(...none).map((id) => [id])) : ticked;
}

export interface AnswersOptions {
  /** Leave random questions unanswered (a questionnaire stopped or abandoned part-way). */
  partial?: boolean;
  /**
   * Prefer answers that satisfy none of these conditions' leaves (e.g. `rules.redFlags.map(r => r.when)` for
   * answer sets where mostly nothing alarming is said). `quietness` is the chance, 0..1, of a quiet answer per question.
   */
  quietFor?: Condition[];
  quietness?: number;
}

/** A set of answers to every question that applies (or to some of them with `partial`). */
export function answersArb(rules: Rules, options: AnswersOptions = {}): fc.Arbitrary<Answers> {
  const loud = options.quietFor ? optionsNamedBy(options.quietFor) : new Map<string, Set<string>>();
  const quietness = Math.round((options.quietness ?? 0.9) * 100);
  const perQuestion: Record<string, fc.Arbitrary<AnswerValue>> = {};
  for (const q of rules.questions) {
    const any = answerArb(q);
    const avoid = loud.get(q.id);
    perQuestion[q.id] =
      avoid && quietness > 0
        ? fc.oneof({ weight: quietness, arbitrary: answerArb(q, avoid) }, { weight: 100 - quietness, arbitrary: any })
        : any;
  }
  return fc
    .record(perQuestion, options.partial ? { requiredKeys: [] } : undefined)
    .map((answers) => pruneAnswers(rules, answers as Answers));
}

/**
 * Answers (possibly to several questions) that make `condition` true, including the answers that make those
 * questions apply (their `showIf`). Merge them over any other answers: `{ ...base, ...forced }`.
 */
export function satisfyingArb(rules: Rules, condition: Condition): fc.Arbitrary<Answers> {
  return conditionArb(rules, condition, true)
    .chain((answers) => withVisibility(rules, answers))
    .filter((answers) => allValid(rules, answers) && matches(condition, pruneAnswers(rules, answers)));
}

/**
 * Runs `check` on `runs` answer sets in which `condition` holds once the questions that do not apply are dropped (as
 * the questionnaire leaves them): the shape of every "whatever else is answered" property. `check` may call
 * `fc.pre` to skip a set.
 */
export function forAnswersWhere(rules: Rules, condition: Condition, runs: number, check: (answers: Answers) => void): void {
  fc.assert(
    fc.property(satisfyingArb(rules, condition), (raw) => {
      const answers = pruneAnswers(rules, raw);
      fc.pre(matches(condition, answers));
      check(answers);
    }),
    { numRuns: runs },
  );
}

/** Every answer fits its question (merging ticks can, for example, put "none" beside a real option). */
export function allValid(rules: Rules, answers: Answers): boolean {
  return Object.entries(answers).every(([id, value]) => {
    const question = rules.questions.find((q) => q.id === id);
    return question !== undefined && answerProblem(question, value) === null;
  });
}

function conditionArb(rules: Rules, condition: Condition, wanted: boolean): fc.Arbitrary<Record<string, AnswerValue>> {
  // De Morgan: "not all" is "any not", "not any" is "all not".
  if ('not' in condition) return conditionArb(rules, condition.not, !wanted);
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    const everyPart = 'all' in condition ? wanted : !wanted;
    if (!everyPart) return fc.oneof(...parts.map((c) => conditionArb(rules, c, wanted)));
    return fc.tuple(...parts.map((c) => conditionArb(rules, c, wanted))).map((list) => mergeAnswers(list));
  }
  if ('of' in condition) {
    // True: some `atLeast` parts made true. False: enough parts made false that too few are left to reach it.
    const size = wanted ? condition.atLeast : condition.of.length - condition.atLeast + 1;
    return fc
      .shuffledSubarray(condition.of, { minLength: size, maxLength: size })
      .chain((chosen) => fc.tuple(...chosen.map((c) => conditionArb(rules, c, wanted))))
      .map((list) => mergeAnswers(list));
  }
  const question = rules.questions.find((q) => q.id === condition.question);
  if (!question) throw new Error(`unknown question ${condition.question}`);
  return valueArb(question, condition, wanted).map((value) => ({ [question.id]: value }));
}

function valueArb(question: Question, leaf: Condition, wanted: boolean): fc.Arbitrary<AnswerValue> {
  if (question.type === 'scale') {
    let [min, max] = [question.min, question.max];
    if ('atLeast' in leaf) [min, max] = wanted ? [Math.max(min, Math.ceil(leaf.atLeast)), max] : [min, Math.min(max, Math.ceil(leaf.atLeast) - 1)];
    if ('atMost' in leaf) [min, max] = wanted ? [min, Math.min(max, Math.floor(leaf.atMost))] : [Math.max(min, Math.floor(leaf.atMost) + 1), max];
    if (min > max) throw new Error(`no value of ${question.id} can make this condition ${wanted}`);
    return fc.integer({ min, max });
  }
  const named = 'is' in leaf ? [leaf.is] : 'isAny' in leaf ? leaf.isAny : [];
  const ids = question.options.map((o) => o.id);
  const none = new Set(question.options.filter((o) => o.kind === 'none').map((o) => o.id));
  if (question.type === 'single') {
    const choices = wanted ? named : ids.filter((id) => !named.includes(id));
    return fc.constantFrom(...choices);
  }
  // Multi choice: a wanted leaf needs one named option ticked, maybe with other real options; an unwanted leaf
  // needs none of them ticked.
  if (!wanted) {
    const others = ids.filter((id) => !named.includes(id) && !none.has(id));
    const ticked: fc.Arbitrary<string[]>[] =
      others.length > 0 ? [fc.uniqueArray(fc.constantFrom(...others), { minLength: 1 })] : [];
    const noneAlone = [...none].filter((id) => !named.includes(id)).map((id) => fc.constant<string[]>([id]));
    return fc.oneof(...ticked, ...noneAlone);
  }
  return fc.constantFrom(...named).chain((id) =>
    none.has(id)
      ? fc.constant<string[]>([id])
      : fc
          .subarray(ids.filter((o) => o !== id && !none.has(o)))
          .map((extra) => [id, ...extra]),
  );
}

/** Add answers that make each answered question apply, walking back through showIf chains. */
function withVisibility(rules: Rules, answers: Record<string, AnswerValue>): fc.Arbitrary<Record<string, AnswerValue>> {
  const needs = rules.questions.filter((q) => q.id in answers && q.showIf !== undefined);
  if (needs.length === 0) return fc.constant(answers);
  return fc
    .tuple(...needs.map((q) => conditionArb(rules, q.showIf as Condition, true)))
    .chain((parents) => {
      const merged = { ...mergeAnswers(parents), ...answers };
      // Stop once no new question was added: the parents may have skip logic of their own.
      return Object.keys(merged).length === Object.keys(answers).length ? fc.constant(merged) : withVisibility(rules, merged);
    });
}

/** Merge answer sets; a multi-choice question's ticks are combined (keeping "none" only when alone). */
export function mergeAnswers(list: Record<string, AnswerValue>[]): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const answers of list) {
    for (const [id, value] of Object.entries(answers)) {
      const before = out[id];
      out[id] = Array.isArray(before) && Array.isArray(value) ? [...new Set([...before, ...value])] : value;
    }
  }
  return out;
}

/** For each question, the option ids that any leaf of these conditions names (positively or not). */
export function optionsNamedBy(conditions: Condition[]): Map<string, Set<string>> {
  const named = new Map<string, Set<string>>();
  const visit = (c: Condition) => {
    if ('all' in c) return c.all.forEach(visit);
    if ('any' in c) return c.any.forEach(visit);
    if ('not' in c) return visit(c.not);
    if (!('is' in c) && !('isAny' in c)) return;
    const set = named.get(c.question) ?? new Set<string>();
    for (const id of 'is' in c ? [c.is] : c.isAny) set.add(id);
    named.set(c.question, set);
  };
  conditions.forEach(visit);
  return named;
}
