// Rendering CheckApp in tests and answering its questions the way a person would: by role and label.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactElement } from 'react';
import { expect } from 'vitest';
import type { AnswerValue } from '../../src/engine/answers.ts';
import type { Rules } from '../../src/rules/schema.ts';
import type { StorageLike } from '../../src/storage/progress.ts';
import { CheckApp, type CheckAppProps } from '../../src/ui/CheckApp.tsx';

export const HASH = 'test-hash';

/** Runs a suite once plainly and once inside React.StrictMode (double effects, double initialisers). */
export const REACT_MODES = [
  ['plain', (ui: ReactElement) => ui],
  ['StrictMode', (ui: ReactElement) => <StrictMode>{ui}</StrictMode>],
] as const;

export class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

export function renderCheck(
  props: Partial<CheckAppProps> & { rules: Rules },
  wrap: (ui: ReactElement) => ReactElement = (ui) => ui,
) {
  const user = userEvent.setup();
  const all: CheckAppProps = { rulesHash: HASH, storage: null, locale: 'en', ...props };
  const utils = render(wrap(<CheckApp {...all} />));
  return { user, ...utils };
}

/** The question on screen, found in the rules by its heading text. */
export function currentQuestionId(rules: Rules): string {
  const heading = screen.getByRole('heading', { level: 1 });
  const question = rules.questions.find((q) => q.text.en === heading.textContent);
  if (!question) throw new Error(`no question with heading "${heading.textContent}"`);
  return question.id;
}

/** Ticks the inputs for an answer (option ids are the inputs' values) and presses Continue. */
export async function answer(user: ReturnType<typeof userEvent.setup>, value: AnswerValue) {
  const form = screen.getByRole('button', { name: 'Continue' }).closest('form');
  if (!form) throw new Error('no question form on screen');
  const values = Array.isArray(value) ? value : [String(value)];
  for (const v of values) {
    const input = form.querySelector<HTMLInputElement>(`input[value="${v}"]`);
    if (!input) throw new Error(`no input with value "${v}"`);
    await user.click(input);
  }
  await user.click(within(form).getByRole('button', { name: 'Continue' }));
}

/** A calm default for every question: no red flags, in scope, nothing pointing at any cause. */
function defaultAnswer(rules: Rules, id: string): AnswerValue {
  const q = rules.questions.find((x) => x.id === id);
  if (!q) throw new Error(`unknown question ${id}`);
  if (q.type === 'scale') return q.min + 2;
  if (q.type === 'multi') return [q.options.find((o) => o.kind === 'none')?.id ?? q.options[0]!.id];
  return (q.options.find((o) => o.id === 'no') ?? q.options.find((o) => o.kind === 'answer') ?? q.options[0]!).id;
}

/** Answers every question asked, from `given` or a calm default, until the review or result screen. */
export async function answerAll(user: ReturnType<typeof userEvent.setup>, rules: Rules, given: Record<string, AnswerValue>) {
  for (let i = 0; i < 200; i++) {
    if (!screen.queryByRole('button', { name: 'Continue' })) return;
    const id = currentQuestionId(rules);
    await answer(user, given[id] ?? defaultAnswer(rules, id));
  }
  throw new Error('the questionnaire did not end');
}

export async function start(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Start' }));
  expect(screen.getByRole('button', { name: 'Continue' })).toBeInTheDocument();
}
