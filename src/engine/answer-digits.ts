// Answers packed into one number, for memo keys over a fixed list of questions (relevance.ts): one digit per
// question, each answer by its place among the question's options (a tick list by the options it ticks) or its
// scale value. A Map lookup per person and question instead of one per question read: the impact analysis asks
// "can this still change the result?" about every question of 100,000 people, and walking a tree of maps, one level
// per answer, was a quarter of its time on rules ten times larger.
import type { Question } from '../rules/schema.ts';
import type { AnswerValue } from './answers.ts';
import type { Slots } from './answer-slots.ts';

/** More options than this on a tick list: its ticks are not packed. */
const MAX_TICKED_OPTIONS = 20;

export interface Digits {
  /** The packed answers to the questions, or -1 when one of them has no digit (an answer that is no option, ticks out of order). */
  key(slots: Slots): number;
}

/**
 * Packs the answers at these positions, or null when they cannot all fit in one number. Equal keys, equal answers:
 * a digit stands for one answer exactly (a tick list in the options' order; any other order has no digit).
 */
export function digitsOf(questions: readonly { question: Question; at: number }[]): Digits | null {
  const parts = questions.map(({ question, at }) => ({ at, code: codeOf(question) }));
  if (parts.some((p) => p.code === null)) return null;
  let span = 1;
  for (const p of parts) span *= (p.code as Code).radix;
  if (span > Number.MAX_SAFE_INTEGER) return null;
  const ats = parts.map((p) => p.at);
  const codes = parts.map((p) => p.code as Code);
  return {
    key(slots) {
      let key = 0;
      for (let i = 0; i < ats.length; i++) {
        const code = codes[i] as Code;
        const digit = code.digit(slots[ats[i] as number]);
        if (digit < 0) return -1;
        key = key * code.radix + digit;
      }
      return key;
    },
  };
}

interface Code {
  radix: number;
  /** 0 for no answer; -1 for an answer with no digit. */
  digit(value: AnswerValue | undefined): number;
}

function codeOf(question: Question): Code | null {
  if (question.type === 'scale') {
    const { min, max } = question;
    return {
      radix: max - min + 2,
      digit: (value) => (value === undefined ? 0 : typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? 1 + value - min : -1),
    };
  }
  const index = new Map(question.options.map((o, i) => [o.id, i]));
  if (question.type === 'single') {
    return {
      radix: index.size + 1,
      digit: (value) => (value === undefined ? 0 : typeof value === 'string' ? (index.get(value) ?? -2) + 1 : -1),
    };
  }
  if (index.size > MAX_TICKED_OPTIONS) return null;
  return {
    radix: 2 ** index.size + 1,
    digit: (value) => {
      if (value === undefined) return 0;
      if (!Array.isArray(value)) return -1;
      let mask = 0;
      let last = -1;
      for (const id of value) {
        const i = index.get(id);
        if (i === undefined || i <= last) return -1;
        last = i;
        mask |= 1 << i;
      }
      return 1 + mask;
    },
  };
}
