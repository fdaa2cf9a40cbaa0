// Answer sets for the bench, generated from the rules (so they follow any clinician edit): random valid sets for
// throughput, and one "calm" path (no red flag, in scope) that walks every step up to the review for the browser.
import { answerProblem, type AnswerValue, type Answers } from '../src/engine/answers.ts';
import { matches } from '../src/engine/conditions.ts';
import { pathFor } from '../src/engine/burden.ts';
import { responseFor, type Response, type Step } from '../src/engine/navigation.ts';
import { pruneAnswers } from '../src/engine/visibility.ts';
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
  step: Step;
  response: Response;
}

/**
 * The steps of someone with no warning sign, in scope, up to the review: each question answered with the first
 * option ("No", "None of these" preferred) that keeps the check calm, through the real navigation.
 */
export function calmPath(rules: Rules): PathStep[] {
  const truth = calmTruth(rules);
  const path = pathFor(rules, truth);
  if (path.end !== 'review') throw new Error('the calm answers do not reach the review');
  return path.steps.map((step) => {
    const response = responseFor(step, truth);
    if (!response) throw new Error(`no calm answer for ${step.key}`);
    return { step, response };
  });
}

/** Calm answers to every question, chosen in asking order so each choice sees the ones before it. */
export function calmTruth(rules: Rules): Answers {
  const truth: Record<string, AnswerValue> = {};
  for (const question of rules.questions) {
    if (question.showIf && !matches(question.showIf, truth)) continue;
    truth[question.id] = calmAnswer(question, truth, rules);
  }
  return truth;
}

function calmAnswer(question: Question, answers: Answers, rules: Rules): AnswerValue {
  // Calm: no red flag fires, no scope exit.
  const keepsGoing = (value: AnswerValue) => {
    const after = pruneAnswers(rules, { ...answers, [question.id]: value });
    return !rules.redFlags.some((r) => matches(r.when, after)) && !rules.scopeExits.some((r) => matches(r.when, after));
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
