import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mainRules, miniRules, miniScreenRules } from '../helpers.ts';
import { answer, answerAll, REACT_MODES, renderCheck, start } from './helpers.tsx';

describe.each(REACT_MODES)('check your answers (%s)', (_mode, wrap) => {
  async function toReview() {
    const rules = miniRules();
    const rendered = renderCheck({ rules }, wrap);
    const { user } = rendered;
    await start(user);
    await answer(user, 'no');
    await answer(user, 'no');
    await answer(user, 'adult');
    await answer(user, 'yes');
    await answer(user, ['deadlift', 'squat']);
    await answer(user, 4);
    await answer(user, 'no');
    return rendered;
  }

  it('lists every answer in words with a Change button named after its question', async () => {
    await toReview();
    const heading = screen.getByRole('heading', { level: 1, name: 'Check your answers' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('Which lifts?').nextElementSibling).toHaveTextContent('Deadlift and Squat');
    expect(screen.getByText('How bad?').nextElementSibling).toHaveTextContent('4');
    expect(screen.getAllByRole('button', { name: /^Change: / })).toHaveLength(7);
    expect(screen.getByRole('button', { name: 'Change: How bad?' })).toBeInTheDocument();
  });

  it('counts the pages of questions the person went through, not the questions', async () => {
    await toReview();
    // Seven screens of one question each here: the same count either way; the grouped checks below tell them apart.
    expect(screen.getByText(/You answered 7 pages of questions\./)).toBeInTheDocument();
  });

  it('lists a grouped check\'s items as the person saw them, with what they answered, and counts its pages', async () => {
    const rules = miniScreenRules();
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    // "I'm not sure" on the grouped check: two pages (the check, then its list again in full words), then three screens.
    await answerAll(user, rules, { rf_big: 'no', rf_small: 'not_sure', age: 'adult', lifts: 'no', pain: 2, late_flag: 'no' });
    expect(screen.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeInTheDocument();
    const row = screen.getByText('Any of these?').closest('div')!;
    expect(within(row).getByText(/Not sure: Small sign/)).toBeInTheDocument();
    expect(within(row).getByText('No:')).toBeInTheDocument();
    expect(within(row).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Big sign']);
    expect(screen.getByText(/You answered 5 pages of questions\./)).toBeInTheDocument();
  });

  it('changing an answer drops the answers that no longer apply and comes back to the review', async () => {
    const { user } = await toReview();
    await user.click(screen.getByRole('button', { name: 'Change: Do you lift?' }));
    const heading = screen.getByRole('heading', { level: 1, name: 'Do you lift?' });
    expect(heading).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'Yes' })).toBeChecked();
    expect(screen.getByText('Changing your answer')).toBeInTheDocument();
    await answer(user, 'no');
    expect(screen.getByRole('heading', { level: 1, name: 'Check your answers' })).toHaveFocus();
    expect(screen.queryByText('Which lifts?')).not.toBeInTheDocument();
    expect(screen.getByText('Do you lift?').nextElementSibling).toHaveTextContent('No');
    expect(screen.getAllByRole('button', { name: /^Change: / })).toHaveLength(6);
  });

  it('a change that makes a new question apply asks it, then returns to the review', async () => {
    const rules = miniRules();
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    for (const a of ['no', 'no', 'adult', 'no']) await answer(user, a);
    await answer(user, 2);
    await answer(user, 'no');
    await user.click(screen.getByRole('button', { name: 'Change: Do you lift?' }));
    await answer(user, 'yes');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Which lifts?');
    await answer(user, ['squat']);
    expect(screen.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeInTheDocument();
    const row = screen.getByText('Which lifts?').parentElement!;
    expect(within(row).getByText('Squat')).toBeInTheDocument();
  });

  it('"See my result" shows the result with its heading focused', async () => {
    const { user } = await toReview();
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Self-care' })).toHaveFocus();
  });
});

describe('check your answers with the shipped rules', () => {
  it("names each Change by its first item and how many more, short and each its own, not by every sign's label", async () => {
    const rules = mainRules();
    const { user } = renderCheck({ rules });
    await start(user);
    await answerAll(user, rules, { age_band: 'age_20_to_50', pain_onset: 'during_workout' });
    const names = screen.getAllByRole('button', { name: /^Change: / }).map((b) => b.getAttribute('aria-label') ?? '');
    const first = rules.screens!.find((x) => x.kind === 'group')!;
    const label = (id: string) => rules.questions.find((q) => q.id === id)!.short!.en;
    expect(names).toContain(`Change: ${label(first.questions[0]!)}, and ${first.questions.length - 1} more`);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThan(90);
    expect(new Set(names).size).toBe(names.length);
  });
});

