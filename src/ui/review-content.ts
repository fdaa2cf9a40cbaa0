// What "Check your answers" shows, as data: the answers that count, by section, one block per screen, a grouped check
// with its items as the person saw them. Pure, so the review screen renders it and the burden figures count its
// words.
import { countWords } from '../engine/burden.ts';
import type { Answers } from '../engine/answers.ts';
import { describeAnswer } from '../engine/because.ts';
import { stepsOf, walk, type Choices, type ScreenPlan } from '../engine/navigation.ts';
import type { Messages } from '../i18n/index.ts';
import type { Rules } from '../rules/schema.ts';
import { localize, type Locale } from '../rules/text.ts';

export interface ReviewRow {
  label: string;
  answer: string;
  /** A grouped check's items answered No, as listed on its screen. */
  items: string[];
  /** What the items are ("No:") when the answer named others first. */
  itemsLabel: string | null;
}

export interface ReviewScreenBlock {
  id: string;
  /** What the screen asked, for its "Change" button's name: its title, or its questions' short labels. */
  name: string;
  rows: ReviewRow[];
}

export interface ReviewContent {
  /** The pages of questions the person went through (a grouped check's "Which of these?" and its one-by-one questions count). */
  pages: number;
  sections: { id: string; title: string; screens: ReviewScreenBlock[] }[];
}

export function reviewContent(rules: Rules, answers: Answers, choices: Choices, t: Messages, locale: Locale): ReviewContent {
  const say = (text: Parameters<typeof localize>[0]) => localize(text, locale);
  const { plan, kept } = walk(rules, answers);
  const label = (q: ScreenPlan['questions'][number]) => say(q.short ?? q.text);

  const rows = ({ screen, questions }: ScreenPlan): ReviewRow[] => {
    if (screen.kind === 'group') {
      const answered = (value: string) => questions.filter((q) => kept[q.id] === value).map(label);
      const yes = answered('yes');
      const no = answered('no');
      const unsure = questions.filter((q) => kept[q.id] !== undefined && kept[q.id] !== 'yes' && kept[q.id] !== 'no').map(label);
      const title = screen.title ? say(screen.title) : t.anyOfThese;
      if (yes.length === 0 && unsure.length === 0) {
        // Not answered yet (a change left it open): the items as they will be shown, without an answer.
        const answer = choices[screen.id] === undefined ? '' : t.reviewNoneOfThese;
        return [{ label: title, answer, items: no.length > 0 ? no : questions.map(label), itemsLabel: null }];
      }
      const parts = [yes.length ? t.reviewYesTo(yes.join('; ')) : '', unsure.length ? t.reviewNotSureAbout(unsure.join('; ')) : ''];
      return [{ label: title, answer: parts.filter(Boolean).join('. '), items: no, itemsLabel: no.length > 0 ? t.reviewNoLabel : null }];
    }
    return questions.flatMap((q) => {
      const value = kept[q.id];
      return value === undefined ? [] : [{ label: label(q), answer: describeAnswer(rules, q.id, value, locale), items: [], itemsLabel: null }];
    });
  };

  const sections = rules.sections
    .map((section) => ({
      id: section.id,
      title: say(section.title),
      screens: plan
        .filter((p) => p.screen.section === section.id)
        .map((p) => ({
          id: p.screen.id,
          // Named by what is on it: two grouped checks may share a title, never their lists. A long list is named
          // by its first item and how many follow: every label of a grouped check made a name of over 200 characters.
          name: p.screen.kind === 'group' || !p.screen.title ? listName(p.questions.map(label), t) : say(p.screen.title),
          rows: rows(p),
        })),
    }))
    .filter((s) => s.screens.length > 0);
  return { pages: stepsOf(rules, answers, choices).length, sections };
}

/** Two labels as they are; more as the first and how many more ("Numb between your legs, and 4 more"). */
export function listName(labels: readonly string[], t: Messages): string {
  return labels.length <= 2 ? labels.join(', ') : t.reviewListName(labels[0] as string, labels.length - 1);
}

/** Every word on the review page: its heading and lead, each section, row and item, each "Change", "See my result". */
export function reviewWords(content: ReviewContent, t: Messages, lead: string): number {
  let words = countWords(t.reviewTitle) + countWords(lead) + countWords(t.seeResult);
  for (const section of content.sections) {
    words += countWords(section.title);
    for (const screen of section.screens) {
      words += countWords(t.change);
      for (const row of screen.rows) {
        words += countWords(row.label) + countWords(row.answer) + countWords(row.itemsLabel ?? '');
        words += row.items.reduce((sum, item) => sum + countWords(item), 0);
      }
    }
  }
  return words;
}
