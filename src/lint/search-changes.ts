// Answer sets whose urgency a rules change may move, searched for in the rules rather than drawn at random: a
// change that lowers the urgency for a rare combination of answers (a red flag few people have) must still be
// found. The urgency is the highest level of the rules that fire, so it can only go down where some rule of the old
// version fires and no rule of the new version at that level or above does. For each old rule, the linter's exact
// solver looks for such answers (and the other way round for raised urgency). Candidates only: the impact analysis
// runs every one through both questionnaires and `evaluate`, which decide.
import type { AnswerValue, Answers } from '../engine/answers.ts';
import { matches, questionsIn } from '../engine/conditions.ts';
import { urgencyRank } from '../engine/evaluate.ts';
import type { Condition, Question, Rules, Urgency } from '../rules/schema.ts';
import { canonical } from './finding.ts';
import { closure, indexRules, solve, type RulesIndex } from '../engine/solver.ts';

interface LevelRule {
  when: Condition;
  level: Urgency;
}

function levelRules(rules: Rules): LevelRule[] {
  return [
    ...rules.redFlags.map((r) => ({ when: r.when, level: r.level })),
    ...rules.consultSigns.map((r) => ({ when: r.when, level: r.level })),
    // Out of scope sends the person on at the exit's own level (see `evaluate`).
    ...rules.scopeExits.map((r) => ({ when: r.when, level: r.level })),
  ];
}

/** A condition with some parts decided already; true or false when nothing is left to decide. */
type Partial = Condition | boolean;

/**
 * A condition of `other` rules written in terms of `own` rules' answer sets: a question only `other` has is fixed
 * at its most common answer, and a question `other` hides by skip logic cannot count (as `evaluate` drops hidden
 * answers), so each leaf also requires its question's showIf in `other`.
 */
function translator(other: Rules, ownQuestions: ReadonlySet<string>, otherCommon: Readonly<Record<string, AnswerValue>>) {
  const byId = new Map(other.questions.map((q) => [q.id, q]));
  const visible = new Map<string, Partial>();
  const visibility = (id: string): Partial => {
    const known = visible.get(id);
    if (known !== undefined) return known;
    const showIf = byId.get(id)?.showIf;
    // Skip logic only looks back, so this recursion ends.
    const result = showIf === undefined ? true : translate(showIf);
    visible.set(id, result);
    return result;
  };
  const translate = (c: Condition): Partial => {
    if ('all' in c) return combine(c.all.map(translate), 'all');
    if ('any' in c) return combine(c.any.map(translate), 'any');
    if ('not' in c) {
      const inner = translate(c.not);
      return typeof inner === 'boolean' ? !inner : { not: inner };
    }
    if ('of' in c) return countOf(c.of.map(translate), c.atLeast);
    if (!ownQuestions.has(c.question)) {
      const value = otherCommon[c.question];
      return value !== undefined && visibility(c.question) !== false && matches(c, { [c.question]: value } as Answers);
    }
    return combine([c, visibility(c.question)], 'all');
  };
  return translate;
}

/** At least `need` of the parts, with the parts already decided counted in. */
function countOf(parts: Partial[], need: number): Partial {
  const still = need - parts.filter((p) => p === true).length;
  const open = parts.filter((p): p is Condition => typeof p !== 'boolean');
  if (still <= 0) return true;
  if (still > open.length) return false;
  if (still === 1) return combine(open, 'any');
  if (still === open.length) return combine(open, 'all');
  return { atLeast: still, of: open };
}

function combine(parts: Partial[], op: 'all' | 'any'): Partial {
  const decisive = op === 'all' ? false : true;
  if (parts.includes(decisive)) return decisive;
  const open = parts.filter((p): p is Condition => typeof p !== 'boolean');
  if (open.length === 0) return !decisive;
  if (open.length === 1) return open[0] as Condition;
  return op === 'all' ? { all: open } : { any: open };
}

/** What decides how a question's answers count: its kind, options, range and skip logic (not its words). */
function questionShape(q: Question): string {
  return JSON.stringify([
    q.type,
    q.type === 'scale' ? [q.min, q.max] : q.options.map((o) => [o.id, o.kind]),
    q.showIf ? canonical(q.showIf) : null,
  ]);
}

/** Above this many candidate rules, only those sharing a question with the rule searched from are forbidden. */
const NEAR_ONLY = 48;

/** Solver steps per rule searched (the solver's default is 200,000). */
const SEARCH_BUDGET = 25_000;

/**
 * Answer sets (over `from`'s questions) where a rule of `from` fires at its level and no rule of `to` at that level
 * or above can fire: where the urgency may be lower in `to`.
 */
function searchLower(
  from: Rules,
  to: Rules,
  fromCommon: Readonly<Record<string, AnswerValue>>,
  toCommon: Readonly<Record<string, AnswerValue>>,
): Answers[] {
  const fromIds = new Set(from.questions.map((q) => q.id));
  // A question only `to` asks is left for the search to answer, like `from`'s own: a lowering that comes through one
  // of its answers (a new follow-up that lets a doubt be a consultation) must be found too, and the generated answer
  // sets give it only its most common answer. (Fixed at that answer, as until rules 3.3.0, such a lowering was missed.)
  const added = to.questions.filter((q) => !fromIds.has(q.id));
  const index: RulesIndex = indexRules(added.length === 0 ? from : { ...from, questions: [...from.questions, ...added] });
  const translate = translator(to, new Set([...fromIds, ...added.map((q) => q.id)]), toCommon);
  const toRules = levelRules(to).map((r) => ({ level: r.level, when: translate(r.when) }));
  // A rule that the new version has word for word, at the same level or above, over questions it asks the same way,
  // fires in the new version whenever it fires in the old: nothing to search (and these searches are the slow ones).
  const toLevels = new Map<string, number>();
  for (const r of levelRules(to)) {
    const key = canonical(r.when);
    toLevels.set(key, Math.max(toLevels.get(key) ?? -1, urgencyRank(r.level)));
  }
  const toQuestions = new Map(to.questions.map((q) => [q.id, questionShape(q)]));
  const unchanged = (rule: LevelRule) =>
    (toLevels.get(canonical(rule.when)) ?? -1) >= urgencyRank(rule.level) &&
    closure(index, [rule.when]).every((q) => toQuestions.get(q.id) === questionShape(q));
  const found: Answers[] = [];
  const seen = new Set<string>();
  for (const rule of levelRules(from)) {
    if (unchanged(rule)) continue;
    const above = toRules.filter((r) => urgencyRank(r.level) >= urgencyRank(rule.level));
    // A rule of the new version that always fires at this level or above: nothing can be lower here.
    if (above.some((r) => r.when === true)) continue;
    let forbid = above.map((r) => r.when).filter((w): w is Condition => typeof w !== 'boolean');
    if (forbid.length > NEAR_ONLY) {
      const near = new Set(closure(index, [rule.when]).map((q) => q.id));
      forbid = forbid.filter((w) => questionsIn(w).some((id) => near.has(id)));
    }
    // A search that runs out of budget finds nothing and the sampled sets still speak for this rule; a full budget
    // per changed rule made renaming one warning question cost 40 s.
    // `from`'s most common answers first: with only the nearby rules forbidden, a first-in-option-order
    // answer set ticks every other sign Yes, and an unrelated emergency then hides the lowering from the caller.
    const result = solve(index, { require: [rule.when], forbid }, { budget: SEARCH_BUDGET, prefer: { ...toCommon, ...fromCommon } });
    if (result.status !== 'found') continue;
    const key = JSON.stringify(result.answers);
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(result.answers);
  }
  return found;
}

/**
 * Candidate answer sets for urgency changes between two versions: where it may go down (searched from the old
 * version's rules) and where it may go up (from the new version's). Each is a partial answer set; the caller fills
 * the other questions with their most common answers.
 */
export function searchUrgencyChanges(
  before: Rules,
  after: Rules,
  commonBefore: Readonly<Record<string, AnswerValue>>,
  commonAfter: Readonly<Record<string, AnswerValue>>,
): Answers[] {
  return [...searchLower(before, after, commonBefore, commonAfter), ...searchLower(after, before, commonAfter, commonBefore)];
}
