// How the questions are laid out on screens: the rules file's `screens`, or one question per screen when it has
// none. A presentation layer only: questions keep their ids, and rules never name a screen.
import type { Question, Rules, Text } from '../rules/schema.ts';

export interface Screen {
  id: string;
  /** `questions`: the questions on one page. `group`: "Do you have any of these?" over warning questions. */
  kind: 'questions' | 'group';
  section: string;
  title: Text | undefined;
  questions: readonly Question[];
  /** Position in asking order, so steps can be compared. */
  index: number;
  /** Asked after an urgent red flag too (the rules' `askAfterUrgent`). */
  askAfterUrgent: boolean;
  /** Every question shown is asked, unless an emergency sign ended the check (the rules' `askAlways`). */
  askAlways: boolean;
}

export interface Layout {
  screens: readonly Screen[];
  screenById: ReadonlyMap<string, Screen>;
  /** The screen each question is on. */
  screenOf: ReadonlyMap<string, Screen>;
  /** Each question's position in asking order. */
  order: ReadonlyMap<string, number>;
}

const layouts = new WeakMap<Rules, Layout>();

/** The screens in asking order (built once per rules object; rules are frozen). */
export function layoutOf(rules: Rules): Layout {
  let layout = layouts.get(rules);
  if (layout) return layout;
  const byId = new Map(rules.questions.map((q) => [q.id, q]));
  const definitions =
    rules.screens ?? rules.questions.map((q) => ({ id: q.id, kind: 'questions' as const, title: undefined, questions: [q.id] }));
  const screens = definitions.map((d, index): Screen => {
    const questions = d.questions.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
    const askAfterUrgent = 'askAfterUrgent' in d && d.askAfterUrgent === true;
    const askAlways = 'askAlways' in d && d.askAlways === true;
    return { id: d.id, kind: d.kind, section: questions[0]?.section ?? '', title: d.title, questions, index, askAfterUrgent, askAlways };
  });
  layout = {
    screens,
    screenById: new Map(screens.map((s) => [s.id, s])),
    screenOf: new Map(screens.flatMap((s) => s.questions.map((q) => [q.id, s] as const))),
    order: new Map(rules.questions.map((q, i) => [q.id, i])),
  };
  layouts.set(rules, layout);
  return layout;
}
