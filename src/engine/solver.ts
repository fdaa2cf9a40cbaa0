// A small, exact search for answer sets, used by the linter to prove things about the rules ("this rule can fire",
// "this rule can never fire without that red flag firing too") without trying every combination of every answer.
//
// Why it stays small: a query only involves the questions its conditions name, plus the questions their skip logic
// depends on. Each question's possible answers are cut down to the values the conditions can tell apart (the
// options they name plus one other; for scales, the thresholds and their neighbours). Questions are assigned in
// asking order, a hidden question gets no answer (as in `pruneAnswers`), a shown one always gets an answer (the
// questionnaire does not let people skip), and a constraint is checked as soon as its last question is assigned.
import type { AnswerValue, Answers } from './answers.ts';
import { matches, questionsIn } from './conditions.ts';
import type { Condition, Question, Rules } from '../rules/schema.ts';

/** A rules file with the lookups every query needs, built once per lint run. */
export interface RulesIndex {
  rules: Rules;
  byId: Map<string, Question>;
  order: Map<string, number>;
}

export function indexRules(rules: Rules): RulesIndex {
  return {
    rules,
    byId: new Map(rules.questions.map((q) => [q.id, q])),
    order: new Map(rules.questions.map((q, i) => [q.id, i])),
  };
}

export interface Query {
  /** Conditions that must all be true. */
  require?: readonly Condition[];
  /** Conditions that must all be false. */
  forbid?: readonly Condition[];
  /** Add this to the score of an answer set for each true condition; `maximize` searches for the highest score. */
  score?: readonly { when: Condition; weight: number }[];
}

export type SolveResult =
  | { status: 'found'; answers: Answers; score: number }
  | { status: 'impossible' }
  /** The search budget ran out: nothing proved either way. */
  | { status: 'unknown' };

/** Steps a single query may take; real rules need a few hundred at most. */
const BUDGET = 200_000;

const closureCache = new WeakMap<RulesIndex, WeakMap<Condition, Question[]>>();

/** The questions a set of conditions depends on, including through skip logic, in asking order. */
export function closure(index: RulesIndex, conditions: readonly Condition[]): Question[] {
  if (conditions.length === 1 && conditions[0]) {
    // Most queries ask about one rule's condition, many times over: remember the answer.
    const condition = conditions[0];
    let cache = closureCache.get(index);
    if (!cache) closureCache.set(index, (cache = new WeakMap()));
    const known = cache.get(condition);
    if (known) return known;
    const computed = closureOf(index, conditions);
    cache.set(condition, computed);
    return computed;
  }
  return closureOf(index, conditions);
}

function closureOf(index: RulesIndex, conditions: readonly Condition[]): Question[] {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    const q = index.byId.get(id);
    if (!q) return;
    seen.add(id);
    if (q.showIf) questionsIn(q.showIf).forEach(visit);
  };
  conditions.forEach((c) => questionsIn(c).forEach(visit));
  return [...seen]
    .map((id) => index.byId.get(id))
    .filter((q): q is Question => q !== undefined)
    .sort((a, b) => (index.order.get(a.id) ?? 0) - (index.order.get(b.id) ?? 0));
}

/** Walk every leaf of a condition. */
export function leaves(condition: Condition): Extract<Condition, { question: string }>[] {
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  if ('of' in condition) return condition.of.flatMap(leaves);
  return [condition];
}

type Leaf = Extract<Condition, { question: string }>;

/** The leaves of the conditions, by the question each reads. */
export function leavesByQuestion(conditions: readonly Condition[]): Map<string, Leaf[]> {
  const byQuestion = new Map<string, Leaf[]>();
  for (const c of conditions) {
    for (const l of leaves(c)) {
      const own = byQuestion.get(l.question);
      if (own) own.push(l);
      else byQuestion.set(l.question, [l]);
    }
  }
  return byQuestion;
}

/**
 * The answers to `question` that the conditions' leaves reading it (`own`, from `leavesByQuestion`) can tell apart;
 * every other answer behaves like one of these. A query over many questions gathers its leaves once, not once per
 * question, which made every query quadratic in its conditions.
 */
export function representativeAnswers(question: Question, own: readonly Leaf[]): AnswerValue[] {
  if (question.type === 'scale') {
    const points = new Set<number>([question.min, question.max]);
    for (const l of own) {
      const t = 'atLeast' in l ? l.atLeast : 'atMost' in l ? l.atMost : undefined;
      if (t === undefined) continue;
      for (const v of [Math.floor(t) - 1, Math.floor(t), Math.ceil(t), Math.ceil(t) + 1]) {
        if (v >= question.min && v <= question.max) points.add(v);
      }
    }
    return [...points].sort((a, b) => a - b);
  }
  const named = new Set(own.flatMap((l) => ('is' in l ? [l.is] : 'isAny' in l ? l.isAny : [])));
  const mentioned = question.options.filter((o) => named.has(o.id));
  const other = question.options.find((o) => !named.has(o.id) && o.kind !== 'none') ?? question.options.find((o) => !named.has(o.id));
  if (question.type === 'single') return [...mentioned.map((o) => o.id), ...(other ? [other.id] : [])];
  // Multi choice: any non-empty set of ticks; "none of these" is only ever ticked alone.
  const values: string[][] = other ? [[other.id]] : [];
  const capped = mentioned.slice(0, 12);
  for (let mask = 1; mask < 1 << capped.length; mask++) {
    const ticked = capped.filter((_, i) => mask & (1 << i));
    if (ticked.length > 1 && ticked.some((o) => o.kind === 'none')) continue;
    values.push(ticked.map((o) => o.id));
  }
  return values;
}

/**
 * A condition over a partial assignment: true or false when the answers given already decide it, null while a
 * question it needs (`open`) is still to be assigned.
 */
export function partial(c: Condition, answers: Answers, open: (id: string) => boolean): boolean | null {
  if ('all' in c) {
    let unknown = false;
    for (const x of c.all) {
      const v = partial(x, answers, open);
      if (v === false) return false;
      if (v === null) unknown = true;
    }
    return unknown ? null : true;
  }
  if ('any' in c) {
    let unknown = false;
    for (const x of c.any) {
      const v = partial(x, answers, open);
      if (v === true) return true;
      if (v === null) unknown = true;
    }
    return unknown ? null : false;
  }
  if ('not' in c) {
    const v = partial(c.not, answers, open);
    return v === null ? null : !v;
  }
  if ('of' in c) {
    // Decided once enough parts are true, or too few can still become true.
    let yes = 0;
    let unknown = 0;
    for (const x of c.of) {
      const v = partial(x, answers, open);
      if (v === true) yes++;
      else if (v === null) unknown++;
    }
    if (yes >= c.atLeast) return true;
    return yes + unknown < c.atLeast ? false : null;
  }
  return open(c.question) ? null : matches(c, answers);
}

export interface SolveOptions {
  maximize?: boolean;
  budget?: number;
  /**
   * An answer to try first for each question (the most common one): the answer set found is then the likeliest
   * person the query allows, not the first combination in option order (which ticks Yes to every other sign).
   */
  prefer?: Readonly<Record<string, AnswerValue>>;
}

/**
 * `preferred` tried first: moved to the front when the conditions name it, or standing in for the "any other
 * answer" representative when they do not (it behaves the same for them, and it is the answer a person gives).
 */
function preferFirst(q: Question, values: AnswerValue[], preferred: AnswerValue): AnswerValue[] {
  const key = JSON.stringify(preferred);
  const at = values.findIndex((v) => JSON.stringify(v) === key);
  if (at >= 0) return [values[at] as AnswerValue, ...values.slice(0, at), ...values.slice(at + 1)];
  if (q.type === 'scale' || values.length === 0) return values;
  // The "other" representative: a single choice's last value, a multi choice's first (one unnamed tick).
  const otherAt = q.type === 'single' ? values.length - 1 : 0;
  const other = values[otherAt];
  const named = new Set(values.filter((_, i) => i !== otherAt).flatMap((v) => (Array.isArray(v) ? v : [String(v)])));
  const ids = Array.isArray(preferred) ? preferred : [String(preferred)];
  if (other === undefined || ids.some((id) => named.has(id))) return values;
  return [preferred, ...values.filter((_, i) => i !== otherAt)];
}

/** Find an answer set meeting the query (or, with `maximize`, the one with the highest score). */
export function solve(index: RulesIndex, query: Query, options: SolveOptions = {}): SolveResult {
  const budget = options.budget ?? BUDGET;
  const require = query.require ?? [];
  const forbid = query.forbid ?? [];
  const score = query.score ?? [];
  const all = [...require, ...forbid, ...score.map((s) => s.when)];
  const vars = closure(index, all);
  const named = leavesByQuestion([...all, ...vars.flatMap((v) => (v.showIf ? [v.showIf] : []))]);
  const domains = vars.map((q) => {
    const values = representativeAnswers(q, named.get(q.id) ?? []);
    const preferred = options.prefer?.[q.id];
    return preferred === undefined ? values : preferFirst(q, values, preferred);
  });
  const position = new Map(vars.map((q, i) => [q.id, i]));
  // Check each condition as soon as any question it names is assigned, in three-valued logic over the questions
  // assigned so far: a forbidden `any` fails at its first true part, a required `all` at its first false one, so the
  // search does not wander through combinations a part already rules out.
  const checksAt: { when: Condition; mustBe: boolean }[][] = vars.map(() => []);
  const atStart: { when: Condition; mustBe: boolean }[] = [];
  for (const [list, mustBe] of [
    [require, true],
    [forbid, false],
  ] as const) {
    for (const when of list) {
      const at = [...new Set(questionsIn(when).map((id) => position.get(id) ?? -1))].filter((i) => i >= 0);
      if (at.length === 0) atStart.push({ when, mustBe });
      for (const i of at) checksAt[i]?.push({ when, mustBe });
    }
  }
  if (atStart.some((c) => matches(c.when, {}) !== c.mustBe)) return { status: 'impossible' };

  const answers: Record<string, AnswerValue> = {};
  let steps = 0;
  const found: { best: { answers: Answers; score: number } | null } = { best: null };
  let exhausted = false;

  const scoreOf = () => score.reduce((sum, s) => sum + (matches(s.when, answers) ? s.weight : 0), 0);
  // Per level: the questions still to be assigned after question i (made once, not for each value tried).
  const openAfter = vars.map((_, i) => (id: string) => (position.get(id) ?? -1) > i);
  const search = (i: number): boolean => {
    if (++steps > budget) {
      exhausted = true;
      return true;
    }
    if (i === vars.length) {
      const total = scoreOf();
      if (!found.best || total > found.best.score) found.best = { answers: { ...answers }, score: total };
      return !options.maximize;
    }
    const q = vars[i] as Question;
    const shown = q.showIf === undefined || matches(q.showIf, answers);
    const values: (AnswerValue | undefined)[] = shown ? (domains[i] ?? []) : [undefined];
    const open = openAfter[i] as (id: string) => boolean;
    const checks = checksAt[i] ?? [];
    for (const value of values) {
      if (value === undefined) delete answers[q.id];
      else answers[q.id] = value;
      if (checks.every((c) => partial(c.when, answers, open) !== !c.mustBe) && search(i + 1)) return true;
    }
    delete answers[q.id];
    return false;
  };
  search(0);
  if (exhausted) return { status: 'unknown' };
  return found.best ? { status: 'found', ...found.best } : { status: 'impossible' };
}
