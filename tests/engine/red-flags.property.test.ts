// Clinical safety, checked over many random answer sets built from the real rules file: a red flag answer always
// forces at least its level, whatever else is answered; only red flags give emergency/urgent; and the
// questionnaire never stops before asking what could still make it an emergency.
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { answerSetProgress } from '../../src/engine/answer-set.ts';
import type { Answers } from '../../src/engine/answers.ts';
import { matches } from '../../src/engine/conditions.ts';
import { evaluate, urgencyRank } from '../../src/engine/evaluate.ts';
import { countedAnswers, impliedChoices, nextStep, pendingQuestions, responseFor, stopReason } from '../../src/engine/navigation.ts';
import { pruneAnswers, visibleQuestions } from '../../src/engine/visibility.ts';
import { checkMachine, currentStep } from '../../src/flow/machine.ts';
import type { Condition, RedFlagRule } from '../../src/rules/schema.ts';
import { mainRules } from '../helpers.ts';
import { answersArb, satisfyingArb } from './arbitraries.ts';

const rules = mainRules();
const redFlagConditions = rules.redFlags.map((r) => r.when);
const RUNS = 150;

/** Complete, partial, mostly-calm and fully random answer sets: the base that a red flag answer is forced into. */
const anyAnswers = fc.oneof(
  answersArb(rules),
  answersArb(rules, { partial: true }),
  answersArb(rules, { quietFor: redFlagConditions, quietness: 0.95 }),
  answersArb(rules, { partial: true, quietFor: redFlagConditions, quietness: 0.95 }),
);

const firedFlags = (answers: Answers): RedFlagRule[] => {
  const applying = pruneAnswers(rules, answers);
  return rules.redFlags.filter((r) => matches(r.when, applying));
};

describe('each red flag forces its level whatever else is answered', () => {
  it('the rules file has both emergency and urgent red flags to check', () => {
    expect(rules.redFlags.some((r) => r.level === 'emergency')).toBe(true);
    expect(rules.redFlags.some((r) => r.level === 'urgent')).toBe(true);
  });

  it.each(rules.redFlags.map((r) => [r.id, r] as const))('%s', (_id, flag) => {
    fc.assert(
      fc.property(anyAnswers, satisfyingArb(rules, flag.when), (base, forced) => {
        const answers = pruneAnswers(rules, { ...base, ...forced });
        const result = evaluate(rules, answers);
        expect(result.redFlags.map((f) => f.id)).toContain(flag.id);
        // emergency stays emergency; urgent is urgent or emergency.
        expect(urgencyRank(result.urgency)).toBeGreaterThanOrEqual(urgencyRank(flag.level));
        // With a red flag the person is told to get care, not given training tips.
        expect(result.causes).toEqual([]);
        if (flag.level === 'emergency') {
          expect(result.urgency).toBe('emergency');
          expect(stopReason(rules, answers)).toBe('emergency');
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('only red flags give emergency or urgent', () => {
  it('urgency is emergency/urgent exactly when a red flag fired, at the highest level that fired', () => {
    let withFlag = 0;
    let withoutFlag = 0;
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const result = evaluate(rules, answers);
        const fired = firedFlags(answers);
        // The result lists exactly the red flags whose conditions hold: none missed, none invented.
        expect(result.redFlags.map((f) => f.id).sort()).toEqual(fired.map((r) => r.id).sort());
        const highest = fired.reduce((max, r) => Math.max(max, urgencyRank(r.level)), -1);
        if (fired.length === 0) {
          withoutFlag++;
          expect(['consult', 'self-care']).toContain(result.urgency);
        } else {
          withFlag++;
          expect(urgencyRank(result.urgency)).toBe(highest);
        }
      }),
      { numRuns: 1000 },
    );
    // Both sides of the "exactly when" were exercised.
    expect(withFlag).toBeGreaterThan(50);
    expect(withoutFlag).toBeGreaterThan(50);
  });

  it('the questionnaire stops at once exactly when an emergency red flag fired', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const emergency = firedFlags(answers).some((r) => r.level === 'emergency');
        expect(stopReason(rules, answers) === 'emergency').toBe(emergency);
        if (emergency) expect(nextStep(rules, answers, impliedChoices(rules, answers), { unansweredOnly: true })).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * A condition in three-valued logic: true or false when the answers given decide it, null when it still depends on a
 * question in `open` (not answered yet, but on the person's path). Written here, apart from the engine's own search,
 * so the test does not check the engine against itself.
 */
function kleene(c: Condition, answers: Answers, open: ReadonlySet<string>): boolean | null {
  if ('all' in c) {
    const parts = c.all.map((x) => kleene(x, answers, open));
    return parts.includes(false) ? false : parts.includes(null) ? null : true;
  }
  if ('any' in c) {
    const parts = c.any.map((x) => kleene(x, answers, open));
    return parts.includes(true) ? true : parts.includes(null) ? null : false;
  }
  if ('not' in c) {
    const v = kleene(c.not, answers, open);
    return v === null ? null : !v;
  }
  if ('of' in c) {
    const parts = c.of.map((x) => kleene(x, answers, open));
    const yes = parts.filter((v) => v === true).length;
    const maybe = parts.filter((v) => v === null).length;
    return yes >= c.atLeast ? true : yes + maybe < c.atLeast ? false : null;
  }
  return open.has(c.question) ? null : matches(c, answers);
}

describe('the questionnaire never skips a question that could make it an emergency', () => {
  /** Walk the real state machine, giving on each step it shows the response the candidate answers call for. */
  function walk(candidates: Answers) {
    const actor = createActor(checkMachine, { input: { rules } }).start();
    actor.send({ type: 'user.start' });
    const asked: string[] = [];
    for (let i = 0; i < rules.questions.length * 3 && actor.getSnapshot().matches('question'); i++) {
      const step = currentStep(actor.getSnapshot().context);
      const response = step ? responseFor(step, candidates) : null;
      if (!step || !response) break;
      asked.push(step.key);
      actor.send({ type: 'user.answer', response });
    }
    const snapshot = actor.getSnapshot();
    actor.stop();
    return { asked, snapshot };
  }

  // Candidates for every question (unpruned: the walk decides which ones are shown).
  const candidatesArb = fc.oneof(
    answersArb(rules).chain((a) => answersArb(rules).map((b) => ({ ...b, ...a }))),
    answersArb(rules, { quietFor: redFlagConditions, quietness: 0.95 }).chain((a) =>
      answersArb(rules, { quietFor: redFlagConditions, quietness: 0.95 }).map((b) => ({ ...b, ...a })),
    ),
  );

  it('walking the machine with random answers asks every question an emergency flag depends on, unless one fired', () => {
    let calmWalks = 0;
    fc.assert(
      fc.property(candidatesArb, (candidates) => {
        const { asked, snapshot } = walk(candidates);
        expect(snapshot.matches('question')).toBe(false);
        const answers = countedAnswers(rules, snapshot.context.answers);
        expect(new Set(asked).size).toBe(asked.length);
        const fired = firedFlags(answers);
        const exit = rules.scopeExits.some((r) => matches(r.when, answers));
        const visible = visibleQuestions(rules, answers).map((q) => q.id);
        const unanswered = visible.filter((id) => answers[id] === undefined);
        if (fired.some((r) => r.level === 'emergency')) {
          // Ended at once, on the answer that fired it.
          expect(snapshot.matches('result')).toBe(true);
          return;
        }
        // No emergency flag: none could still fire, whatever the questions left unanswered were answered. (A question
        // an emergency flag names may be left out once the flag's other parts are answered against it, e.g. kidney
        // signs after "no fever" when only their pairing with a fever is an emergency.)
        const open = new Set(unanswered);
        const stillPossible = rules.redFlags.filter((r) => r.level === 'emergency' && kleene(r.when, answers, open) !== false);
        expect(stillPossible.map((r) => r.id)).toEqual([]);
        // After a scope exit alone, every red flag that could still fire was asked about.
        if (exit && fired.length === 0) {
          const stillOpen = rules.redFlags.filter((r) => kleene(r.when, answers, open) !== false);
          expect(stillOpen.map((r) => r.id)).toEqual([]);
        }
        if (fired.length === 0 && !exit) {
          calmWalks++;
          // Nothing alarming: everything that could change the result was asked, then the review screen. A question
          // a red flag reads may be left out, but only once no answer to it could make any red flag fire.
          expect(pendingQuestions(rules, snapshot.context.answers)).toEqual([]);
          const undecided = rules.redFlags.filter((r) => kleene(r.when, answers, open) !== false);
          expect(undecided.map((r) => r.id)).toEqual([]);
          expect(snapshot.matches('review')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(calmWalks).toBeGreaterThan(10);
  });

  it('the next step asks an emergency question before stopping, from any partial answer set', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const emergencyFired = firedFlags(answers).some((r) => r.level === 'emergency');
        const open = new Set(visibleQuestions(rules, answers).filter((q) => answers[q.id] === undefined).map((q) => q.id));
        const couldStillFire = rules.redFlags.some((r) => r.level === 'emergency' && kleene(r.when, answers, open) === null);
        const next = nextStep(rules, answers, impliedChoices(rules, answers), { unansweredOnly: true });
        if (!emergencyFired && couldStillFire) {
          expect(next).not.toBeNull();
          expect(stopReason(rules, answers)).toBeNull();
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the CLI\'s "pending" list agrees with what the questionnaire would ask next', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const progress = answerSetProgress(rules, answers);
        const toAsk = progress.pending.filter((p) => p.status === 'unanswered').map((p) => p.questionId);
        const next = nextStep(rules, answers, impliedChoices(rules, answers), { unansweredOnly: true });
        const nextUnanswered = next?.questions.filter((q) => answers[q.id] === undefined).map((q) => q.id) ?? [];
        if (progress.stop === null) {
          // The first question still to ask is on the next step the questionnaire would show.
          expect(nextUnanswered[0] ?? null).toBe(toAsk[0] ?? null);
        } else {
          expect(toAsk).toEqual([]);
        }
        expect(progress.complete).toBe(progress.pending.length === 0);
      }),
      { numRuns: 1000 },
    );
  });
});
