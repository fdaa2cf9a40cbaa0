// What a person's answers look like, and whether one answer fits its question.
import type { Question, Rules } from '../rules/schema.ts';

/** An option id (single choice), a list of option ids (multi choice) or a number (scale). */
export type AnswerValue = string | string[] | number;
export type Answers = Readonly<Record<string, AnswerValue>>;

export function findQuestion(rules: Rules, id: string): Question | undefined {
  return rules.questions.find((q) => q.id === id);
}

/** Why `value` is not a valid answer to `question`, or null when it is. */
export function answerProblem(question: Question, value: unknown): string | null {
  switch (question.type) {
    case 'single': {
      if (typeof value !== 'string') return `"${question.id}" takes one option id (a string)`;
      return question.options.some((o) => o.id === value)
        ? null
        : `"${value}" is not an option of "${question.id}" (options: ${question.options.map((o) => o.id).join(', ')})`;
    }
    case 'multi': {
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
        return `"${question.id}" takes a non-empty list of option ids`;
      }
      const unknown = value.filter((v) => !question.options.some((o) => o.id === v));
      if (unknown.length > 0) {
        return `${unknown.map((u) => `"${u}"`).join(', ')} not among the options of "${question.id}" (options: ${question.options.map((o) => o.id).join(', ')})`;
      }
      if (new Set(value).size !== value.length) return `"${question.id}" lists an option twice`;
      // "None of these" cannot be ticked together with a real answer: the two contradict each other.
      const none = question.options.filter((o) => o.kind === 'none').map((o) => o.id);
      if (value.length > 1 && value.some((v) => none.includes(v))) {
        return `"${question.id}": "none" cannot be combined with other options`;
      }
      return null;
    }
    case 'scale': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return `"${question.id}" takes a whole number`;
      return value < question.min || value > question.max
        ? `${value} is outside ${question.min}-${question.max} for "${question.id}"`
        : null;
    }
  }
}
