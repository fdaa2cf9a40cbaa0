// Every path ends in a result. The navigation only moves forward through the screens (skip logic may only look
// back, which the schema checks) and, after a red flag or scope exit, only shows steps still to answer, so it
// cannot loop by construction. These walks cross-check that with the real navigation functions: answer at random
// what each step asks, as the state machine does, and make sure the walk ends within as many steps as the rules
// could ever show and gives a result with all its texts.
import { evaluate } from '../engine/evaluate.ts';
import { applyResponse, countedAnswers, nextStep, responseFor, stopReason, type Choices } from '../engine/navigation.ts';
import type { Answers } from '../engine/answers.ts';
import type { Rules } from '../rules/schema.ts';
import type { Finding } from './finding.ts';
import { randomAnswers, seededRandom } from '../engine/random-answers.ts';

/** Steps the walks may take in total: each walk costs about (questions)^2, so fewer walks for bigger files. */
const STEP_BUDGET = 4000;

export function walkFindings(rules: Rules): Finding[] {
  const random = seededRandom(rules.questions.length * 31 + 7);
  const walks = Math.min(40, Math.max(3, Math.ceil(STEP_BUDGET / rules.questions.length)));
  // A group is at most one step, one "which" and one step per question: more than this means a loop.
  const limit = rules.questions.length * 2 + (rules.screens?.length ?? rules.questions.length) + 1;
  for (let w = 0; w < walks; w++) {
    const truth = randomAnswers(rules, random);
    let answers: Answers = {};
    let choices: Choices = {};
    let step = nextStep(rules, answers, choices);
    const shown: string[] = [];
    while (step) {
      if (shown.length > limit || shown.includes(step.key)) {
        return [
          {
            severity: 'error',
            check: 'completeness',
            path: ['screens'],
            message: `the check shows "${step.key}" again after ${shown.join(' -> ')}: it would never end`,
          },
        ];
      }
      shown.push(step.key);
      const response = responseFor(step, truth);
      if (!response) break;
      ({ answers, choices } = applyResponse(rules, answers, choices, step, response));
      if (stopReason(rules, answers) === 'emergency') break;
      step = nextStep(rules, answers, choices, { after: step.key });
    }
    const result = evaluate(rules, countedAnswers(rules, answers));
    if (!result.title || !result.action || !result.consult) {
      return [{ severity: 'error', check: 'completeness', path: ['results', 'urgency', result.urgency], message: `a path ends in "${result.urgency}" without its result text` }];
    }
  }
  return [];
}
