// Answer sets for the bench, generated from the rules (so they follow any clinician edit): random valid sets for
// throughput, and one "calm" path (no red flag, in scope) that walks every screen up to the review for the browser.
import { createActor } from 'xstate';
import { answerProblem, type AnswerValue, type Answers } from '../src/engine/answers.ts';
import { matches } from '../src/engine/conditions.ts';
import { stopReason } from '../src/engine/navigation.ts';
import { pruneAnswers } from '../src/engine/visibility.ts';
import { checkMachine } from '../src/flow/machine.ts';
import { randomAnswer, seededRandom } from '../src/engine/random-answers.ts';
import type { Question, Rules } from '../src/rules/schema.ts';

export { seededRandom };

/** An answer to every question (hidden ones too, as a careless caller might send), each valid on its own. */
export function randomFullAnswers(rules: Rules, random: () => number): Answers {
  const answers: Record<string, AnswerValue> = {};
  for (const question of rules.questions) {
    const value = randomAnswer(question, random);
    const problem = answerProblem(question, value);
    if (problem) throw new Error(`bench generated an invalid answer: ${problem}`);
    answers[question.id] = value;
  }
  return answers;
}

/** `count` random answer sets a person could give: only the questions their earlier answers make visible. */
export function randomAnswerSets(rules: Rules, count: number, seed = 1): Answers[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => pruneAnswers(rules, randomFullAnswers(rules, random)));
}

export interface PathStep {
  question: Question;
  value: AnswerValue;
}

/**
 * The answers of someone with no warning sign, in scope: every question the machine asks, in order, each answered
 * with the first option ("No", "None of these" preferred) that does not end the check early. Ends at the review.
 */
export function calmPath(rules: Rules): PathStep[] {
  const actor = createActor(checkMachine, { input: { rules } }).start();
  actor.send({ type: 'user.start' });
  const steps: PathStep[] = [];
  while (actor.getSnapshot().value === 'question') {
    const { current, answers } = actor.getSnapshot().context;
    const question = rules.questions.find((q) => q.id === current);
    if (!question) throw new Error(`the machine asks an unknown question "${String(current)}"`);
    const value = calmAnswer(question, answers, rules);
    steps.push({ question, value });
    actor.send({ type: 'user.answer', value });
    if (steps.length > rules.questions.length) throw new Error('the calm path does not end');
  }
  actor.stop();
  return steps;
}

function calmAnswer(question: Question, answers: Answers, rules: Rules): AnswerValue {
  // Calm: no red flag fires, no scope exit, not even one that waits for more questions before it stops the check.
  const keepsGoing = (value: AnswerValue) => {
    const after = pruneAnswers(rules, { ...answers, [question.id]: value });
    return (
      stopReason(rules, after) === null &&
      !rules.redFlags.some((r) => matches(r.when, after)) &&
      !rules.scopeExits.some((r) => matches(r.when, after))
    );
  };
  let candidates: AnswerValue[];
  if (question.type === 'scale') {
    candidates = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
  } else {
    const calmFirst = [...question.options].sort((a, b) => calmRank(a) - calmRank(b));
    candidates = calmFirst.map((o) => (question.type === 'multi' ? [o.id] : o.id));
  }
  return candidates.find(keepsGoing) ?? (candidates[0] as AnswerValue);
}

function calmRank(option: { id: string; kind: string }): number {
  if (option.kind === 'none' || option.id === 'no') return 0;
  if (option.kind === 'not_sure') return 2;
  return 1;
}
