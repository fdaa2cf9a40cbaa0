// Every path ends in a result. The navigation only moves forward through the questions (skip logic may only look
// back, which the schema checks) and, after a red flag or scope exit, only asks questions that are still
// unanswered, so it cannot loop by construction. These walks cross-check that with the real navigation functions:
// answer at random what the questionnaire asks, as the state machine does, and make sure it stops within as many
// steps as there are questions and gives a result with all its texts.
import type { AnswerValue } from '../engine/answers.ts';
import { evaluate } from '../engine/evaluate.ts';
import { nextQuestion, stopReason } from '../engine/navigation.ts';
import { pruneAnswers } from '../engine/visibility.ts';
import type { Rules } from '../rules/schema.ts';
import type { Finding } from './finding.ts';
import { randomAnswer, seededRandom } from './random.ts';

/** Questions the walks may ask in total: each walk costs about (questions)^2, so fewer walks for bigger files. */
const STEP_BUDGET = 4000;

export function walkFindings(rules: Rules): Finding[] {
  const random = seededRandom(rules.questions.length * 31 + 7);
  const walks = Math.min(40, Math.max(3, Math.ceil(STEP_BUDGET / rules.questions.length)));
  for (let w = 0; w < walks; w++) {
    let answers: Record<string, AnswerValue> = {};
    let current = nextQuestion(rules, answers);
    const asked: string[] = [];
    while (current) {
      if (asked.length > rules.questions.length || asked.includes(current.id)) {
        return [
          {
            severity: 'error',
            check: 'completeness',
            path: ['questions'],
            message: `the questionnaire asks "${current.id}" again after ${asked.join(' -> ')}: it would never end`,
          },
        ];
      }
      asked.push(current.id);
      answers = { ...pruneAnswers(rules, { ...answers, [current.id]: randomAnswer(current, random) }) };
      if (stopReason(rules, answers) === 'emergency') break;
      current = nextQuestion(rules, answers, { after: current.id });
    }
    const result = evaluate(rules, answers);
    if (!result.title || !result.action || !result.consult) {
      return [{ severity: 'error', check: 'completeness', path: ['results', 'urgency', result.urgency], message: `a path ends in "${result.urgency}" without its result text` }];
    }
  }
  return [];
}
