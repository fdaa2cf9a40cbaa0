// `evaluate` compiles each rules object's conditions to read answers by position (slots), and remembers each rule's
// words by a key of what its answers can make of them. Both caches must never hand one rules object's, or one
// person's, work to another: the same condition object in two rules objects reads each one's own positions, and the
// words a warm memo gives are the words worked out afresh.
import { afterAll, describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from '../../src/engine/answers.ts';
import { answerSlots, slotProgram } from '../../src/engine/answer-slots.ts';
import { evaluate, useWordsKeys, wholeAnswersKeys } from '../../src/engine/evaluate.ts';
import { wordsKeyOf } from '../../src/engine/words-keys.ts';
import { randomAnswers, seededRandom } from '../../src/engine/random-answers.ts';
import { pruneAnswers } from '../../src/engine/visibility.ts';
import { LOCALES } from '../../src/rules/text.ts';
import type { Rules } from '../../src/rules/schema.ts';
import { mainRules, plainResult } from '../helpers.ts';

const rules = mainRules();

/** The same rules with one more question first: every other question one position later, every condition shared. */
function shifted(base: Rules): Rules {
  const first = base.questions[0]!;
  return {
    ...base,
    questions: [
      { id: 'zz_extra_first', section: first.section, type: 'single', text: { en: 'Extra?' }, options: [{ id: 'yes', label: { en: 'Yes' }, kind: 'answer' }] },
      ...base.questions,
    ],
  };
}

/** A person's answers, some tick lists in reverse order or with a tick repeated, as a careless caller might send. */
function oddAnswers(base: Rules, seed: number): Answers {
  const random = seededRandom(seed);
  const answers: Record<string, AnswerValue> = { ...randomAnswers(base, random) };
  for (const [id, value] of Object.entries(answers)) {
    if (!Array.isArray(value) || value.length === 0) continue;
    const pick = random();
    if (pick < 0.3) answers[id] = [...value].reverse();
    else if (pick < 0.4) answers[id] = [...value, value[0]!];
  }
  return answers;
}

describe('conditions compiled per rules object', () => {
  it('gives two rules objects that share condition objects their own compiled conditions', () => {
    const other = shifted(rules);
    const when = rules.redFlags[0]!.when;
    expect(other.redFlags[0]!.when).toBe(when);
    expect(slotProgram(other).compile(when)).not.toBe(slotProgram(rules).compile(when));
    expect(slotProgram(other).slotOf.get(rules.questions[0]!.id)).toBe(1);
  });

  it('reads each rules object\'s own positions: the same answers, the same outcome', () => {
    const other = shifted(rules);
    for (let i = 0; i < 300; i++) {
      const answers = randomAnswers(rules, seededRandom(i + 1));
      // Both orders: whichever is compiled first must not decide for the other.
      const [a, b] = i % 2 === 0 ? [evaluate(rules, answers), evaluate(other, answers)] : [evaluate(other, answers), evaluate(rules, answers)].reverse();
      expect(plainResult(b)).toEqual(plainResult(a));
    }
  });

  it('leaves out answers to questions skip logic hides, as pruning them does', () => {
    for (let i = 0; i < 300; i++) {
      const answers = oddAnswers(rules, 7000 + i);
      const all: Record<string, AnswerValue> = { ...answers };
      // Every question answered, hidden ones too.
      for (const q of rules.questions) all[q.id] ??= q.type === 'scale' ? q.min : q.type === 'single' ? q.options[0]!.id : [q.options[0]!.id];
      expect(answerSlots(rules, all)).toEqual(answerSlots(rules, pruneAnswers(rules, all)));
      expect(plainResult(evaluate(rules, all))).toEqual(plainResult(evaluate(rules, pruneAnswers(rules, all))));
    }
  });
});

describe('the words remembered per rule', () => {
  afterAll(() => useWordsKeys(wholeAnswersKeys));
  // The browser's keying (whole answers) and the packed keys the bench and the population install.
  it.each([
    ['whole answers', wholeAnswersKeys],
    ['packed keys', wordsKeyOf],
  ] as const)('are the words a fresh rules object works out, for every person, language and emergency number (%s)', (_name, keys) => {
    useWordsKeys(keys);
    // Planned afresh, with these keys: a clone shares no object with any rules planned before.
    const warm = structuredClone(rules);
    let compared = 0;
    for (let i = 0; i < 200; i++) {
      const answers = oddAnswers(rules, 9000 + i);
      // A structured clone shares no object with `warm`: nothing remembered, every word worked out now.
      const cold = structuredClone(rules);
      for (const locale of LOCALES) {
        for (const emergencyNumber of [undefined, '911']) {
          const options = emergencyNumber ? { emergencyNumber } : {};
          const remembered = evaluate(warm, answers, locale, options);
          const fresh = evaluate(cold, answers, locale, options);
          expect(plainResult(remembered)).toEqual(plainResult(fresh));
          compared += remembered.redFlags.length + remembered.consultSigns.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 60_000);
});
