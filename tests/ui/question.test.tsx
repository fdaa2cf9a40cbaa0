import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadRulesOrThrow } from '../../src/rules/load.ts';
import { mainRules, miniRules, ROOT } from '../helpers.ts';
import { answer, REACT_MODES, renderCheck, start } from './helpers.tsx';

describe.each(REACT_MODES)('question screens (%s)', (_mode, wrap) => {
  it('starts with the warning signs as a grouped check: the list, then Yes, No or "I\'m not sure" named by the heading', async () => {
    const rules = mainRules();
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    const heading = screen.getByRole('heading', { level: 1 });
    const first = rules.screens?.[0];
    expect(heading).toHaveTextContent(first?.title?.en ?? '');
    const group = screen.getByRole('group', { name: heading.textContent ?? '' });
    // The short list is read as part of the question, and what "I'm not sure" does is said beside it.
    const items = within(group).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(first?.questions.map((id) => rules.questions.find((q) => q.id === id)?.short?.en));
    expect(group).toHaveAccessibleDescription(new RegExp(items[0] ?? 'x'));
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['yes', 'no', 'not_sure']);
    // The section's introduction says what "not sure" does on the first screen; later grouped checks say it beside
    // the answer itself.
    expect(screen.getByText(rules.sections[0]!.intro!.en)).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: "I'm not sure" })).not.toHaveAccessibleDescription();
    expect(screen.getByText('Warning signs')).toBeInTheDocument();
    await user.click(within(group).getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('radio', { name: "I'm not sure" })).toHaveAccessibleDescription(/how to check it, and ask again/);
  });

  it('"I\'m not sure" asks the whole list again on one page: each sign in full words, what does not count, how to check', async () => {
    const rules = mainRules();
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    await user.click(screen.getByRole('radio', { name: "I'm not sure" }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Check each one' })).toHaveFocus();
    const first = rules.screens?.[0]?.questions ?? [];
    const groups = first.map((id) => {
      const q = rules.questions.find((x) => x.id === id);
      return screen.getByRole('group', { name: q?.text.en ?? '' });
    });
    expect(groups).toHaveLength(5);
    const saddle = groups[0]!;
    expect(within(saddle).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['yes', 'no', 'not_sure']);
    // What does not count and how to check are read with the question, not hidden behind "What we mean".
    expect(saddle).toHaveAccessibleDescription(/bike seat that wears off/);
    expect(saddle).toHaveAccessibleDescription(/How to check: Touch the skin between your legs with a tissue/);
    expect(within(saddle).getByText(/Touch the skin between your legs/)).toBeVisible();
    expect(screen.getAllByText('Why we ask').length).toBeGreaterThan(0);
  });

  it('moves focus to each new question heading and says politely which part of the check this is', async () => {
    const rules = miniRules();
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    expect(screen.getByRole('heading', { level: 1, name: 'Big warning sign?' })).toHaveFocus();
    // Six steps as far as nothing answered tells: both warning signs, age, lifting, pain, the late sign (which lifts
    // is asked only after a Yes).
    expect(screen.getByText('Step 1 of 6')).toHaveAttribute('aria-live', 'polite');
    await answer(user, 'no');
    expect(screen.getByRole('heading', { level: 1, name: 'Small warning sign?' })).toHaveFocus();
    // It moves on every screen, within a section too.
    expect(screen.getByText('Step 2 of 6')).toBeInTheDocument();
    await answer(user, 'no');
    expect(screen.getByText('Step 3 of 6')).toBeInTheDocument();
    // A Yes that brings a question with it adds its step.
    await answer(user, 'adult');
    await answer(user, 'yes');
    expect(screen.getByRole('heading', { level: 1, name: 'Which lifts?' })).toBeInTheDocument();
    expect(screen.getByText('Step 5 of 7')).toBeInTheDocument();
  });

  it('counts only the steps that can still come: after an urgent sign, the rest shrinks to what could still be asked', async () => {
    const rules = miniRules();
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    await answer(user, 'no');
    await answer(user, 'yes');
    // Only the late emergency question (in the habits section) can still change anything.
    expect(screen.getByRole('heading', { level: 1, name: 'Late warning sign?' })).toBeInTheDocument();
    expect(screen.getByText('Step 3 of 3')).toBeInTheDocument();
  });

  it('Continue without an answer shows "There is a problem", focuses it, and links to the first input', async () => {
    const rules = miniRules();
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
    expect(summary).toHaveFocus();
    const group = screen.getByRole('group', { name: 'Big warning sign?' });
    expect(group).toHaveAccessibleDescription(/Choose an answer/);
    await user.click(within(summary).getByRole('link', { name: 'Choose an answer' }));
    expect(screen.getByRole('radio', { name: 'Yes' })).toHaveFocus();
    // Still on the same question until it is answered; then the error goes away.
    await answer(user, 'no');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Small warning sign?');
  });

  it('asks pain as eleven 0-10 radios with the end labels, not a slider', async () => {
    const rules = miniRules();
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    await answer(user, 'no');
    await answer(user, 'no');
    await answer(user, 'adult');
    await answer(user, 'no');
    const group = screen.getByRole('group', { name: 'How bad?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(screen.queryByRole('slider')).not.toBeInTheDocument();
    expect(group).toHaveAccessibleDescription(/0 means None\. 10 means Worst\./);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('link', { name: 'Choose a number from 0 to 10' })).toBeInTheDocument();
    await answer(user, 7);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Late warning sign?');
  });

  it('shows a colour sample before a colour answer, hidden from screen readers: the words stay the answer', async () => {
    const rules = loadRulesOrThrow(
      readFileSync(`${ROOT}tests/fixtures/mini-rules.yaml`, 'utf8')
        .replace('{ id: child, label: { en: Under 16 } }', "{ id: child, label: { en: Under 16 }, swatch: '#f3eeb4' }")
        .replace('{ id: adult, label: { en: 16 or over } }', "{ id: adult, label: { en: 16 or over }, swatch: '#5a3214' }"),
      'rules/colours.yaml',
    );
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    await answer(user, 'no');
    await answer(user, 'no');
    const group = screen.getByRole('group', { name: 'Age?' });
    const samples = within(group)
      .getAllByRole('radio')
      .map((radio) => document.querySelector(`label[for="${radio.id}"] .backcheck__swatch`));
    expect(samples.map((s) => s?.getAttribute('aria-hidden'))).toEqual(['true', 'true']);
    expect(samples[0]).toHaveStyle({ backgroundColor: 'rgb(243, 238, 180)' });
    expect(samples[1]).toHaveStyle({ backgroundColor: 'rgb(90, 50, 20)' });
    expect(within(group).getByRole('radio', { name: 'Under 16' })).toBeInTheDocument();
    await answer(user, 'adult');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Do you lift?');
  });

  it('"None" unticks the other boxes, and ticking another box unticks "None"', async () => {
    const rules = miniRules();
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    await answer(user, 'no');
    await answer(user, 'no');
    await answer(user, 'adult');
    await answer(user, 'yes');
    const deadlift = screen.getByRole('checkbox', { name: 'Deadlift' });
    const squat = screen.getByRole('checkbox', { name: 'Squat' });
    const none = screen.getByRole('checkbox', { name: 'None' });
    await user.click(deadlift);
    await user.click(squat);
    expect(deadlift).toBeChecked();
    expect(squat).toBeChecked();
    await user.click(none);
    expect(none).toBeChecked();
    expect(deadlift).not.toBeChecked();
    expect(squat).not.toBeChecked();
    await user.click(squat);
    expect(squat).toBeChecked();
    expect(none).not.toBeChecked();
  });

  it('Back returns to the previous question with its answer still chosen, and to the intro from the first', async () => {
    const rules = miniRules();
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    await answer(user, 'not_sure');
    // An urgent answer skips to the remaining emergency question.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Late warning sign?');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Big warning sign?');
    expect(heading).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'Not sure' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument();
  });

  it('does not take focus on first render when focusOnStart is false (embedded), but does when asked', () => {
    const rules = miniRules();
    const { unmount } = renderCheck({ rules, focusOnStart: false }, wrap);
    expect(screen.getByRole('heading', { level: 1 })).not.toHaveFocus();
    expect(document.body).toHaveFocus();
    unmount();
    renderCheck({ rules, focusOnStart: true }, wrap);
    expect(screen.getByRole('heading', { level: 1, name: 'Mini check' })).toHaveFocus();
  });
});
