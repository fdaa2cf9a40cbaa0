// The screen kinds as a person meets them, on the mini rules laid out on screens: a grouped check ("Any of
// these?"), its "Which of these?", and several questions on one page, each its own fieldset.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { miniScreenRules } from '../helpers.ts';
import { answerStep, REACT_MODES, renderCheck, start } from './helpers.tsx';

describe.each(REACT_MODES)('screen kinds (%s)', (_mode, wrap) => {
  const rules = miniScreenRules();

  it('Yes on a grouped check asks "Which of these?" as checkboxes, and a tick names the exact sign', async () => {
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    expect(screen.getByRole('heading', { level: 1, name: 'Any of these?' })).toHaveFocus();
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const which = screen.getByRole('group', { name: 'Which of these apply to you?' });
    expect(screen.getByRole('heading', { level: 1, name: 'Which of these apply to you?' })).toHaveFocus();
    expect(within(which).getAllByRole('checkbox').map((c) => c.getAttribute('value'))).toEqual(['rf_big', 'rf_small', 'none-of-these']);
    expect(which).toHaveAccessibleDescription(/Tick all that apply/);
    // Each sign says under it what does not count.
    expect(within(which).getByRole('checkbox', { name: 'Big sign' })).toHaveAccessibleDescription('A small version does not count.');
    // Nothing ticked is a problem, with a way back: "none of these".
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(within(screen.getByRole('alert')).getByRole('link', { name: 'Tick at least one, or "None of these"' })).toBeInTheDocument();
    await user.click(within(which).getByRole('checkbox', { name: 'Big sign' }));
    // An emergency sign is confirmed in full words before it counts, right under its own tick and before the next
    // sign: on a phone, a question placed after the whole list opened out of sight.
    const confirm = screen.getByRole('group', { name: 'Big warning sign?' });
    const follows = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(follows(within(which).getByRole('checkbox', { name: 'Big sign' }), confirm)).toBe(true);
    expect(follows(confirm, within(which).getByRole('checkbox', { name: 'Small sign' }))).toBe(true);
    expect(confirm).toHaveAccessibleDescription(/How to check: Look at it closely/);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(within(screen.getByRole('alert')).getByRole('link', { name: 'Big sign: Choose an answer' })).toBeInTheDocument();
    await user.click(within(confirm).getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    // An emergency sign: the result at once, naming it.
    expect(screen.getByText('Result: Emergency')).toBeInTheDocument();
    expect(screen.getByText('Big.')).toBeInTheDocument();
  });

  it('a sign taken back on confirming, or "none of these", leaves the grouped check at No', async () => {
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('checkbox', { name: 'Big sign' }));
    await user.click(within(screen.getByRole('group', { name: 'Big warning sign?' })).getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Age?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('radio', { name: 'No' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('checkbox', { name: /None of these/ }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Age?' })).toBeInTheDocument();
  });

  it('No answers the whole list and moves on; the review shows it in one line with one Change', async () => {
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Age?' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '16 or over' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    // Several questions on one page: the screen's title is the heading, each question its own named group.
    expect(screen.getByRole('heading', { level: 1, name: 'Your habits' })).toBeInTheDocument();
    const pain = screen.getByRole('group', { name: 'How bad?' });
    const late = screen.getByRole('group', { name: 'Late warning sign?' });
    await user.click(within(pain).getByRole('radio', { name: '2' }));
    await user.click(within(late).getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Warning signs' })).toBeInTheDocument();
    expect(screen.getByText('Any of these?')).toBeInTheDocument();
    expect(screen.getByText('None of these')).toBeInTheDocument();
    // One Change per screen, named by what it changes.
    const changes = screen.getAllByRole('button', { name: /^Change: / });
    expect(changes.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Change: Big sign, Small sign',
      'Change: Age?',
      'Change: Lifting',
      'Change: Your habits',
    ]);
  });

  it('Continue with questions left on a screen of several moves to the first one left and says how many, not an error', async () => {
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('radio', { name: '16 or over' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(within(screen.getByRole('group', { name: 'How bad?' })).getByRole('radio', { name: '4' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    // No "There is a problem" for questions perhaps never seen: the first one left has focus, and the count is said.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('2 questions on this page still need an answer. We moved you to the first.');
    expect(within(screen.getByRole('group', { name: 'Which lifts?' })).getByRole('checkbox', { name: 'Deadlift' })).toHaveFocus();
    // The answer given is kept; answer the first, Continue again: on to the next one left.
    expect(within(screen.getByRole('group', { name: 'How bad?' })).getByRole('radio', { name: '4' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Squat' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('status')).toHaveTextContent('1 question on this page still needs an answer. We moved you to it.');
    expect(within(screen.getByRole('group', { name: 'Late warning sign?' })).getByRole('radio', { name: 'Yes' })).toHaveFocus();
    await user.click(within(screen.getByRole('group', { name: 'Late warning sign?' })).getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeInTheDocument();
  });

  it('progress moves on every screen of the unsure path too', async () => {
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    const progress = () => document.querySelector('.backcheck__progress')?.textContent ?? '';
    const seen = [progress()];
    await user.click(screen.getByRole('radio', { name: 'Not sure' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    seen.push(progress());
    // The list again on one page, each sign with its own answer.
    await answerStep(user, rules, { rf_big: 'no', rf_small: 'no' });
    seen.push(progress());
    expect(seen.map((p) => p.replace(/ of \d+$/, ''))).toEqual(['Step 1', 'Step 2', 'Step 3']);
  });

  it('changing the grouped check from No to Yes asks "Which of these?", then what became relevant', async () => {
    const { user } = renderCheck({ rules }, wrap);
    await start(user);
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('radio', { name: '16 or over' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(within(screen.getByRole('group', { name: 'How bad?' })).getByRole('radio', { name: '1' }));
    await user.click(within(screen.getByRole('group', { name: 'Late warning sign?' })).getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Change: Big sign, Small sign' }));
    expect(screen.getByText('Changing your answer')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'No' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('checkbox', { name: 'Small sign' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    // Urgent now; the late emergency sign was already answered, so the result follows.
    expect(screen.getByText('Result: Urgent')).toBeInTheDocument();
    expect(screen.getByText('Small.')).toBeInTheDocument();
  });
});
