// The generated population of the impact analysis: reproducible from its seed, weighted towards realistic answers,
// and walked exactly as the state machine asks (skip logic, and the early stop after a red flag or scope exit).
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { answerSetProblems, answerSetProgress } from '../../src/engine/answer-set.ts';
import type { AnswerValue, Answers } from '../../src/engine/answers.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { countedAnswers, responseFor } from '../../src/engine/navigation.ts';
import { checkMachine, currentStep } from '../../src/flow/machine.ts';
import { answerModel, drawAnswers, walkQuestionnaire } from '../../src/lint/population.ts';
import { seededRandom } from '../../src/engine/random-answers.ts';
import type { Rules } from '../../src/rules/schema.ts';
import { mainRules, miniRules } from '../helpers.ts';

/** What the real state machine collects from someone who gives on each step it shows the response `vector` calls for. */
function machineWalk(rules: Rules, vector: Record<string, AnswerValue>): Answers {
  const actor = createActor(checkMachine, { input: { rules } }).start();
  actor.send({ type: 'user.start' });
  for (let i = 0; i <= rules.questions.length * 3 && actor.getSnapshot().matches('question'); i++) {
    const step = currentStep(actor.getSnapshot().context);
    const response = step ? responseFor(step, vector) : null;
    if (!response) break;
    actor.send({ type: 'user.answer', response });
  }
  const answers = countedAnswers(rules, actor.getSnapshot().context.answers);
  actor.stop();
  return answers;
}

const sets = (rules: Rules, count: number, seed: number) => {
  const model = answerModel(rules);
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => drawAnswers(model, random));
};

describe('the population', () => {
  it('gives the outcome the state machine gives: urgency, red flags, consult signs, scope exit and cause bands', () => {
    for (const rules of [mainRules(), miniRules()]) {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
          // Uniform answers (not the realistic weights), so red flags and scope exits fire often.
          const random = seededRandom(seed);
          const vector = Object.fromEntries(
            rules.questions.map((q) => {
              const options = q.type === 'scale' ? [q.min, q.max, Math.round((q.min + q.max) / 2)] : q.options.map((o) => (q.type === 'multi' ? [o.id] : o.id));
              return [q.id, options[Math.floor(random() * options.length)] as AnswerValue];
            }),
          );
          const walked = walkQuestionnaire(rules, (q) => vector[q.id] as AnswerValue);
          const machine = machineWalk(rules, vector);
          const outcome = (answers: Answers) => {
            const r = evaluate(rules, answers);
            return { urgency: r.urgency, redFlags: r.redFlags.map((f) => f.id), consult: r.consultSigns.map((c) => c.id), exit: r.outOfScope?.id, bands: r.causes.map((c) => `${c.id}:${c.likelihood}`) };
          };
          expect(outcome(walked)).toEqual(outcome(machine));
          // Never fewer answers than the machine collects: only questions it would leave out are added.
          expect(walked).toMatchObject(machine);
        }),
        { numRuns: 150, seed: 12 },
      );
    }
  });

  it('gives valid answer sets that respect skip logic and stop where the questionnaire stops', () => {
    const rules = mainRules();
    for (const vector of sets(rules, 500, 3)) {
      const answers = walkQuestionnaire(rules, (q) => vector[q.id] as AnswerValue);
      expect(answerSetProblems(rules, answers)).toEqual([]);
      // Nothing left that the questionnaire would still ask: the walk is complete, or it stopped early.
      expect(answerSetProgress(rules, answers).pending.filter((p) => p.status === 'unanswered')).toEqual([]);
    }
  });

  it('is the same population for the same seed, and another for another seed', () => {
    const rules = mainRules();
    expect(sets(rules, 50, 7)).toEqual(sets(rules, 50, 7));
    expect(sets(rules, 50, 7)).not.toEqual(sets(rules, 50, 8));
  });

  it('is weighted towards realistic answers: most people have no warning sign, "not sure" is less common', () => {
    const rules = mainRules();
    const results = sets(rules, 4000, 11).map((v) => evaluate(rules, walkQuestionnaire(rules, (q) => v[q.id] as AnswerValue)));
    const withRedFlag = results.filter((r) => r.redFlags.length > 0).length / results.length;
    expect(withRedFlag).toBeGreaterThan(0.01);
    expect(withRedFlag).toBeLessThan(0.2);
    // On a red-flag question: "No" for most, "Yes" and "I'm not sure" rare, "not sure" rarer than ordinary options.
    const model = answerModel(rules);
    const drawn = sets(rules, 4000, 13);
    const share = (id: string, value: string) => drawn.filter((v) => v[id] === value).length / drawn.length;
    expect(share('rf_fever', 'no')).toBeGreaterThan(0.95);
    expect(share('rf_fever', 'yes')).toBeLessThan(0.01);
    expect(share('pain_onset', 'not_sure')).toBeLessThan(share('pain_onset', 'during_workout'));
    expect(model.common.rf_fever).toBe('no');
  });
});
