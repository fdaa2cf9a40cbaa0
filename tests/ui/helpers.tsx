// Rendering CheckApp in tests and answering its questions the way a person would: by role and label.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactElement } from 'react';
import { expect } from 'vitest';
import type { AnswerValue } from '../../src/engine/answers.ts';
import { timeEstimate, type TimeEstimate } from '../../src/engine/burden.ts';
import type { Rules } from '../../src/rules/schema.ts';
import type { StorageLike } from '../../src/storage/progress.ts';
import { CheckApp, type CheckAppProps } from '../../src/ui/CheckApp.tsx';
import { pageWordsByLocale } from '../../src/ui/page-words.ts';

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

const estimates = new WeakMap<Rules, TimeEstimate>();

/** The intro's estimate for rules a test made itself, as the rules plugin works it out for the shipped ones. */
export function estimateFor(rules: Rules): TimeEstimate {
  const known = estimates.get(rules);
  if (known) return known;
  const estimate = timeEstimate(rules, pageWordsByLocale(rules), 24);
  estimates.set(rules, estimate);
  return estimate;
}

export function renderCheck(
  props: Partial<CheckAppProps> & { rules: Rules },
  wrap: (ui: ReactElement) => ReactElement = (ui) => ui,
) {
  const user = userEvent.setup();
  const all: CheckAppProps = { rulesHash: HASH, storage: null, locale: 'en', timeEstimate: estimateFor(props.rules), ...props };
  const utils = render(wrap(<CheckApp {...all} />));
  return { user, ...utils };
}

/** The form of the step on screen, and its key (`data-step`: a screen id, `id/which`, or `id/question`). */
export function currentForm(): { form: HTMLFormElement; key: string } {
  const form = screen.getByRole('button', { name: 'Continue' }).closest('form');
  if (!form) throw new Error('no step form on screen');
  return { form, key: form.dataset.step ?? '' };
}

/** The questions on the step on screen, by id, in order. */
export function questionsOnScreen(): string[] {
  const { form } = currentForm();
  return [...form.querySelectorAll<HTMLElement>('[data-question]')].map((el) => el.dataset.question ?? '');
}

/** The one question on screen (a step with a single question), by its id. */
export function currentQuestionId(): string {
  const ids = questionsOnScreen();
  if (ids.length !== 1) throw new Error(`expected one question on screen, found ${ids.join(', ') || 'none'}`);
  return ids[0] ?? '';
}

async function click(user: ReturnType<typeof userEvent.setup>, scope: Element, value: string) {
  const input = scope.querySelector<HTMLInputElement>(`input[value="${value}"]`);
  if (!input) throw new Error(`no input with value "${value}"`);
  if (!input.checked || input.type === 'checkbox') await user.click(input);
}

/** Ticks the inputs for an answer to the one question on screen (option ids are the inputs' values) and continues. */
export async function answer(user: ReturnType<typeof userEvent.setup>, value: AnswerValue) {
  const { form } = currentForm();
  for (const v of Array.isArray(value) ? value : [String(value)]) await click(user, form, v);
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

/**
 * Answers the step on screen from `given` (or calm defaults) and continues: a grouped check with the choice those
 * answers imply, "Which of these?" with the ones answered "yes", a screen's questions each with its own answer.
 */
export async function answerStep(user: ReturnType<typeof userEvent.setup>, rules: Rules, given: Record<string, AnswerValue>) {
  const { form, key } = currentForm();
  const ids = questionsOnScreen();
  const value = (id: string) => given[id] ?? defaultAnswer(rules, id);
  if (form.querySelector('.backcheck__group-list')) {
    const values = ids.map(value);
    await click(user, form, values.includes('not_sure') ? 'not_sure' : values.includes('yes') ? 'yes' : 'no');
  } else if (key.endsWith('/which')) {
    // Tick the signs answered yes (or not sure, for a sign confirmed in full words), then confirm each that asks.
    const ticks = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((i) => i.value).filter((v) => v !== 'none-of-these');
    const confirms = new Set(rules.questions.filter((q) => q.confirm).map((q) => q.id));
    for (const id of ticks) if (value(id) === 'yes' || (confirms.has(id) && value(id) === 'not_sure')) await click(user, form, id);
    for (const id of ticks) {
      const confirm = form.querySelector(`.backcheck__confirm [data-question="${id}"]`);
      if (confirm) await click(user, confirm, String(value(id)));
    }
  } else {
    for (const id of ids) {
      const group = form.querySelector(`[data-question="${id}"]`);
      if (!group) throw new Error(`no question ${id} on screen`);
      const v = value(id);
      for (const one of Array.isArray(v) ? v : [String(v)]) await click(user, group, one);
    }
  }
  await user.click(within(form).getByRole('button', { name: 'Continue' }));
}

/** Answers every step shown, from `given` or a calm default, until the review or result screen. */
export async function answerAll(user: ReturnType<typeof userEvent.setup>, rules: Rules, given: Record<string, AnswerValue>) {
  for (let i = 0; i < 200; i++) {
    if (!screen.queryByRole('button', { name: 'Continue' })) return;
    await answerStep(user, rules, given);
  }
  throw new Error('the questionnaire did not end');
}

export async function start(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Start' }));
  expect(screen.getByRole('button', { name: 'Continue' })).toBeInTheDocument();
}
