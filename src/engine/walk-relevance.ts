// The relevance test of the population's walks (navigation.ts `collectedOutcome`): 100,000 people walked through
// both versions of the rules ask "can this question still change the result?" tens of millions of times on rules
// ten times larger. Each question's test is bound once per focus (relevance.ts `packedCanChange`, remembered by the
// packed answers it reads) and found by position, instead of by question, focus and screen on every call. Only the
// population imports this, so the check in the browser, which walks one person, does not ship it.
import type { Rules } from '../rules/schema.ts';
import type { Answers } from './answers.ts';
import type { Slots } from './answer-slots.ts';
import { digitsOf, namedOptions, type Digits } from './answer-digits.ts';
import { urgencyRank } from './evaluate.ts';
import type { Relevant } from './navigation.ts';
import { packedCanChange, type Focus } from './relevance.ts';

type Bound = (slots: Slots, given: () => Answers) => boolean;

/**
 * Per rules object: each question's bound test, at position * FOCI + the focus's place (see `focusPlace`), and the
 * packer of its memo keys.
 */
const bound = new WeakMap<Rules, { tests: (Bound | undefined)[]; freeFrom: number[]; pack: Pack }>();

type Pack = (questions: Parameters<typeof digitsOf>[0]) => Digits | null;

/** Everything, then the urgency the focus is above (self-care, consult, urgent; emergency for completeness). */
const FOCI = 5;

function focusPlace(focus: Exclude<Focus, { kind: 'nothing' }>): number {
  return focus.kind === 'everything' ? 0 : 1 + urgencyRank(focus.above);
}

/** The walk's relevance test for `rules`, with the same answers as `canChangeResultAt`. */
export function packedRelevance(rules: Rules): Relevant {
  let state = bound.get(rules);
  if (!state) {
    const size = rules.questions.length * FOCI;
    // Keys pack answers only as far as the rules' conditions tell them apart (answer-digits.ts `namedOptions`).
    const named = namedOptions(rules);
    const pack: Pack = (questions) => digitsOf(questions, named);
    bound.set(rules, (state = { tests: new Array<Bound | undefined>(size).fill(undefined), freeFrom: new Array<number>(size).fill(-1), pack }));
  }
  const { tests, freeFrom: screens, pack } = state;
  return (w, kept, focus, freeFrom, slots) => {
    if (focus.kind === 'nothing') return false;
    const at = w.position * FOCI + focusPlace(focus);
    let test = tests[at];
    // A question's screen, and so where its open questions start, is fixed per rules object; checked all the same.
    if (test === undefined || screens[at] !== freeFrom) {
      tests[at] = test = packedCanChange(rules, w.question, focus, freeFrom, pack);
      screens[at] = freeFrom;
    }
    return test(slots, kept);
  };
}
