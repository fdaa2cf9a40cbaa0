// Lookups by id, built once per rules object. Rules are frozen after loading, so a cache keyed on the object
// can never go stale; it keeps `evaluate` from scanning the question list for every answer it describes.
import type { Condition, Option, Question, Rules } from '../rules/schema.ts';
import { questionsIn } from './conditions.ts';

export interface RulesIndex {
  questionById: ReadonlyMap<string, Question>;
  optionById: ReadonlyMap<string, ReadonlyMap<string, Option>>;
  /** Each question's place in asking order. */
  order: ReadonlyMap<string, number>;
}

const indexes = new WeakMap<Rules, RulesIndex>();
const conditionQuestions = new WeakMap<Condition, readonly string[]>();

export function rulesIndex(rules: Rules): RulesIndex {
  let index = indexes.get(rules);
  if (!index) {
    index = {
      questionById: new Map(rules.questions.map((q) => [q.id, q])),
      optionById: new Map(
        rules.questions.map((q) => [q.id, new Map(q.type === 'scale' ? [] : q.options.map((o) => [o.id, o]))]),
      ),
      order: new Map(rules.questions.map((q, i) => [q.id, i])),
    };
    indexes.set(rules, index);
  }
  return index;
}

/** The distinct question ids a condition refers to, in order of first mention. */
export function questionIdsOf(condition: Condition): readonly string[] {
  let ids = conditionQuestions.get(condition);
  if (!ids) conditionQuestions.set(condition, (ids = [...new Set(questionsIn(condition))]));
  return ids;
}
