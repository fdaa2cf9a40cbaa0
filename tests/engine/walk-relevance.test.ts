// The population's walks ask "can this question still change the result?" through a test bound once per question
// and focus and remembered by packed answers (walk-relevance.ts). It must answer exactly as the plain test
// (relevance.ts `canChangeResult`) for every question, screen, focus and person, warm memo or cold.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.ts';
import { answerSlots } from '../../src/engine/answer-slots.ts';
import { canChangeResult, type Focus } from '../../src/engine/relevance.ts';
import { randomAnswers, seededRandom } from '../../src/engine/random-answers.ts';
import { layoutOf } from '../../src/engine/screens.ts';
import { pruneAnswers } from '../../src/engine/visibility.ts';
import { packedRelevance } from '../../src/engine/walk-relevance.ts';
import { scaleRules } from '../../src/lint/generate.ts';
import type { Rules } from '../../src/rules/schema.ts';
import { mainRules } from '../helpers.ts';

const FOCI: Focus[] = [
  { kind: 'everything' },
  { kind: 'urgency', above: 'self-care' },
  { kind: 'urgency', above: 'consult' },
  { kind: 'urgency', above: 'urgent' },
  { kind: 'nothing' },
];

/** Every question of every screen, for `people` random people, under every focus: packed against plain. */
function compareAll(rules: Rules, people: number, seed: number): number {
  // Two rules objects with the same content: each test keeps its own memos, so neither can answer for the other.
  const plain: Rules = { ...rules };
  const packed: Rules = { ...rules };
  const relevant = packedRelevance(packed);
  const layout = layoutOf(rules);
  let compared = 0;
  for (let person = 0; person < people; person++) {
    const answers = pruneAnswers(rules, randomAnswers(rules, seededRandom(seed + person)));
    for (const screen of layout.screens) {
      const first = screen.questions[0];
      if (!first) continue;
      const freeFrom = layout.order.get(first.id) ?? 0;
      // The answers before the screen, as the walk has them: by id and by position.
      const given: Answers = Object.fromEntries(Object.entries(answers).filter(([id]) => (layout.order.get(id) ?? 0) < freeFrom));
      const slots = answerSlots(packed, given);
      for (const question of screen.questions) {
        const w = { question, position: layout.order.get(question.id) ?? 0, shown: null, stoppers: [] };
        for (const focus of FOCI) {
          const expected = canChangeResult(plain, question, given, focus, freeFrom);
          expect(relevant(w, () => given, focus, freeFrom, slots), `${question.id} at ${freeFrom}, ${JSON.stringify(focus)}`).toBe(expected);
          compared++;
        }
      }
    }
  }
  return compared;
}

describe('the population walks\' relevance test', () => {
  // Thousands of exact searches each: minutes under a loaded two-core CI machine, not the default 5 seconds.
  it('answers as the plain test, for every question, screen and focus (today\'s rules)', { timeout: 120_000 }, () => {
    expect(compareAll(mainRules(), 60, 500)).toBeGreaterThan(10_000);
  });

  it('answers as the plain test on rules twice as large, where memo keys span two copies\' questions', { timeout: 120_000 }, () => {
    expect(compareAll(scaleRules(mainRules(), 2), 15, 900)).toBeGreaterThan(5_000);
  });
});
