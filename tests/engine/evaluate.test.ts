// What `evaluate` tells a person beyond red flags: out of scope, consult signs, how causes are ranked, the
// "because you answered" words, and that answers to questions that do not apply change nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.ts';
import { matches } from '../../src/engine/conditions.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { pruneAnswers } from '../../src/engine/visibility.ts';
import { localize } from '../../src/rules/text.ts';
import type { Question } from '../../src/rules/schema.ts';
import { mainRules } from '../helpers.ts';
import { answersArb, satisfyingArb } from './arbitraries.ts';

const rules = mainRules();
const question = (id: string): Question => {
  const q = rules.questions.find((x) => x.id === id);
  if (!q) throw new Error(`the rules have no question ${id}`);
  return q;
};
const optionLabel = (questionId: string, optionId: string) => {
  const q = question(questionId);
  const option = q.type === 'scale' ? undefined : q.options.find((o) => o.id === optionId);
  if (!option) throw new Error(`${questionId} has no option ${optionId}`);
  return localize(option.label, 'en');
};

/** Complete answer sets in which nothing alarming and nothing out of scope is said. */
const calmAnswers = answersArb(rules, {
  quietFor: [...rules.redFlags, ...rules.scopeExits].map((r) => r.when),
  quietness: 1,
});
/**
 * ... and no consult sign either. Avoiding the options they name is not always enough (a sign can name every
 * option of a question, combined with another answer), so the few that still match are filtered out.
 */
const selfCareAnswers = answersArb(rules, {
  quietFor: [...rules.redFlags, ...rules.scopeExits, ...rules.consultSigns].map((r) => r.when),
  quietness: 1,
}).filter((answers) => !rules.consultSigns.some((s) => matches(s.when, answers)));

describe('out of scope', () => {
  it.each(rules.scopeExits.map((r) => [r.id, r] as const))(
    '%s: says the check is not for them, sends them to someone who can help, and weighs no causes',
    (_id, exit) => {
      fc.assert(
        fc.property(calmAnswers, satisfyingArb(rules, exit.when), (base, forced) => {
          const result = evaluate(rules, pruneAnswers(rules, { ...base, ...forced }));
          expect(result.outOfScope?.id).toBe(exit.id);
          expect(result.outOfScope?.message).toBe(localize(exit.message, 'en'));
          expect(result.outOfScope?.title).toBe(localize(rules.results.outOfScopeTitle, 'en'));
          expect(result.urgency).not.toBe('self-care');
          expect(result.causes).toEqual([]);
        }),
        { numRuns: 50 },
      );
    },
  );

  it('a red flag still decides the urgency when the person is out of scope', () => {
    const emergency = rules.redFlags.find((r) => r.level === 'emergency');
    const exit = rules.scopeExits[0];
    if (!emergency || !exit) throw new Error('the rules need an emergency flag and a scope exit');
    fc.assert(
      fc.property(calmAnswers, satisfyingArb(rules, exit.when), satisfyingArb(rules, emergency.when), (base, out, flag) => {
        const result = evaluate(rules, pruneAnswers(rules, { ...base, ...out, ...flag }));
        expect(result.urgency).toBe('emergency');
      }),
      { numRuns: 50 },
    );
  });
});

describe('consult signs', () => {
  it.each(rules.consultSigns.map((r) => [r.id, r] as const))(
    '%s alone gives "book an appointment", with its reason, and still the self-help causes',
    (_id, sign) => {
      fc.assert(
        fc.property(selfCareAnswers, satisfyingArb(rules, sign.when), (base, forced) => {
          const result = evaluate(rules, pruneAnswers(rules, { ...base, ...forced }));
          // Some consult signs ("not sure" about a cancer history, say) are red flags in over-50s.
          fc.pre(result.redFlags.length === 0);
          expect(result.urgency).toBe('consult');
          const hit = result.consultSigns.find((s) => s.id === sign.id);
          expect(hit?.reason).toBe(localize(sign.reason, 'en'));
          expect(result.consult).toBe(localize(rules.results.urgency.consult.consult, 'en'));
          expect(result.causes.map((c) => c.id).sort()).toEqual(rules.causes.map((c) => c.id).sort());
        }),
        { numRuns: 50 },
      );
    },
  );

  it('with no red flag and no consult sign, the result is self-care', () => {
    fc.assert(
      fc.property(selfCareAnswers, (answers) => {
        expect(evaluate(rules, answers).urgency).toBe('self-care');
      }),
      { numRuns: 200 },
    );
  });

  it('the advice on whether and when to see a professional is always there, matching the urgency', () => {
    fc.assert(
      fc.property(answersArb(rules, { partial: true }), (answers) => {
        const result = evaluate(rules, answers);
        expect(result.consult).toBe(localize(rules.results.urgency[result.urgency].consult, 'en'));
        expect(result.action).toBe(localize(rules.results.urgency[result.urgency].action, 'en'));
        expect(result.disclaimer).toBe(localize(rules.results.disclaimer, 'en'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('ranking of causes', () => {
  it('likely causes come before possible ones, possible before unlikely, then the higher score first', () => {
    const rank = { likely: 2, possible: 1, unlikely: 0 } as const;
    fc.assert(
      fc.property(calmAnswers, (answers) => {
        const causes = evaluate(rules, answers).causes;
        for (let i = 1; i < causes.length; i++) {
          const [a, b] = [causes[i - 1], causes[i]];
          if (!a || !b) continue;
          expect(rank[a.likelihood]).toBeGreaterThanOrEqual(rank[b.likelihood]);
          if (a.likelihood === b.likelihood) expect(a.score).toBeGreaterThanOrEqual(b.score);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a cause with strong evidence is listed above one with a single sign', () => {
    const answers: Answers = {
      form_rounded_back: 'yes',
      form_sudden_twist: 'yes',
      load_jump: 'yes',
    };
    const causes = evaluate(rules, answers).causes;
    expect(causes.map((c) => [c.id, c.likelihood])).toEqual([
      ['posture', 'likely'],
      ['overuse', 'possible'],
      ['core', 'unlikely'],
      ['hydration', 'unlikely'],
    ]);
  });

  it('evidence against a cause (pale pee, drinking regularly) lowers it', () => {
    const dark = evaluate(rules, { urine_colour: 'dark_yellow', thirst: 'yes', fluids_during: 'nothing' });
    const pale = evaluate(rules, { urine_colour: 'pale', thirst: 'yes', fluids_during: 'nothing' });
    const hydration = (r: typeof dark) => r.causes.find((c) => c.id === 'hydration');
    expect(hydration(dark)?.likelihood).toBe('likely');
    expect(hydration(pale)?.likelihood).not.toBe('likely');
  });
});

describe('"because you answered ..."', () => {
  it('gives the question as the person read it and their answer in words', () => {
    const result = evaluate(rules, { form_rounded_back: 'yes', lift_types: ['deadlift', 'squat'] });
    const posture = result.causes.find((c) => c.id === 'posture');
    expect(posture?.because).toEqual([
      {
        questionId: 'form_rounded_back',
        answer: 'yes',
        question: localize(question('form_rounded_back').text, 'en'),
        answerText: optionLabel('form_rounded_back', 'yes'),
      },
      {
        questionId: 'lift_types',
        answer: ['deadlift', 'squat'],
        question: localize(question('lift_types').text, 'en'),
        answerText: `${optionLabel('lift_types', 'deadlift')} and ${optionLabel('lift_types', 'squat')}`,
      },
    ]);
  });

  it('names the answer behind a red flag and a scale answer as a number', () => {
    const result = evaluate(rules, { rf_fever: 'yes', pain_score: 8 });
    expect(result.redFlags.find((f) => f.id === 'fever')?.because).toEqual([
      expect.objectContaining({ questionId: 'rf_fever', answerText: optionLabel('rf_fever', 'yes') }),
    ]);
    expect(result.consultSigns.find((f) => f.id === 'pain_score_severe')?.because).toEqual([
      expect.objectContaining({ questionId: 'pain_score', answer: 8, answerText: '8' }),
    ]);
  });

  it('lists only answers that point towards a cause, never the ones against it', () => {
    const result = evaluate(rules, { urine_colour: 'pale', thirst: 'yes' });
    const hydration = result.causes.find((c) => c.id === 'hydration');
    expect(hydration?.because.map((b) => b.questionId)).toEqual(['thirst']);
  });
});

describe('answers to questions that do not apply', () => {
  it('leg weakness is not counted when the pain stays in the back (the question was never shown)', () => {
    const shown = evaluate(rules, { leg_spread: 'below_knee', leg_symptoms: ['weakness'] });
    const hidden = evaluate(rules, { leg_spread: 'stays_in_back', leg_symptoms: ['weakness'] });
    expect(shown.redFlags.map((f) => f.id)).toContain('leg_weakness');
    expect(hidden.redFlags).toEqual([]);
    expect(hidden).toEqual(evaluate(rules, { leg_spread: 'stays_in_back' }));
  });

  it('change nothing, over random answer sets', () => {
    const withHidden = fc
      .tuple(answersArb(rules), answersArb(rules))
      .map(([shown, extra]) => ({ ...extra, ...shown }));
    fc.assert(
      fc.property(withHidden, (raw) => {
        expect(evaluate(rules, raw)).toEqual(evaluate(rules, pruneAnswers(rules, raw)));
      }),
      { numRuns: 300 },
    );
  });
});
