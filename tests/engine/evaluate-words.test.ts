// `evaluate` keeps the "because" words it has worked out and hands the same list to every result with the same
// answers: a person must never be shown the words of someone else's answers, in either language.
import { describe, expect, it } from 'vitest';
import { answerText, answerTextOfAll } from '../../src/engine/because.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { randomAnswers, seededRandom } from '../../src/engine/random-answers.ts';
import { applicableAnswers } from '../../src/engine/visibility.ts';
import { LOCALES } from '../../src/rules/text.ts';
import { mainRules } from '../helpers.ts';

const rules = mainRules();

describe('the words behind each result', () => {
  it('are the words of these answers, worked out afresh, whatever was evaluated before', () => {
    const random = seededRandom(2024);
    let flags = 0;
    let causes = 0;
    for (let i = 0; i < 600; i++) {
      // Half the sets calm, so that causes are weighed too, not only red flags.
      const answers = randomAnswers(rules, random, i % 2 === 0 ? Object.fromEntries(rules.questions.filter((q) => q.id.startsWith('rf_')).map((q) => [q.id, 'no'])) : {});
      const counted = applicableAnswers(rules, answers);
      for (const locale of LOCALES) {
        const result = evaluate(rules, answers, locale);
        for (const hit of [...result.redFlags, ...result.consultSigns]) {
          const rule = [...rules.redFlags, ...rules.consultSigns].find((r) => r.id === hit.id)!;
          expect(hit.because, `${hit.id} (${locale})`).toEqual(answerText(rules, counted, rule.when, locale));
          flags++;
        }
        for (const cause of result.causes) {
          const support = rules.causes.find((c) => c.id === cause.id)!.evidence.filter((e) => e.weight > 0 && result.trace.some((t) => t.id === e.id));
          expect(cause.because, `${cause.id} (${locale})`).toEqual(answerTextOfAll(rules, counted, support.map((e) => e.when), locale));
          causes++;
        }
      }
    }
    expect(flags).toBeGreaterThan(1000);
    expect(causes).toBeGreaterThan(200);
  });

  it('are written out with the hit when a result is printed or stored, though worked out only when read', () => {
    const result = evaluate(rules, { rf_saddle_numbness: 'yes', rf_fever: 'not_sure' });
    const printed = JSON.parse(JSON.stringify(result)) as { redFlags: { id: string; because: unknown[] }[] };
    expect(printed.redFlags.map((h) => h.id)).toEqual(result.redFlags.map((h) => h.id));
    for (const [i, hit] of result.redFlags.entries()) {
      expect(hit.because.length).toBeGreaterThan(0);
      expect(printed.redFlags[i]!.because).toEqual(JSON.parse(JSON.stringify(hit.because)));
    }
  });

  it('hands out words no caller can change for the next person', () => {
    const answers = { rf_saddle_numbness: 'yes' };
    const first = evaluate(rules, answers).redFlags[0]!;
    expect(Object.isFrozen(first.because)).toBe(true);
    expect(() => (first.because as unknown[]).push({})).toThrow();
    expect(evaluate(rules, answers).redFlags[0]!.because).toEqual(first.because);
  });
});
