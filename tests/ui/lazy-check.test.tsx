// LazyCheck: the intro is there at once; a Start pressed while the rest is loading is not lost.
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LazyCheck } from '../../src/ui/LazyCheck.tsx';
import { mainRules } from '../helpers.ts';

const rules = mainRules();
const firstQuestion = rules.questions[0]?.text.en ?? '';

describe('LazyCheck', () => {
  it('shows the intro before the questionnaire has loaded, and keeps a Start pressed meanwhile', async () => {
    render(<LazyCheck locale="en" storage={null} />);
    // Synchronously after the first render: this is the placeholder intro, the lazy part is not there yet.
    expect(screen.getByRole('heading', { level: 1, name: rules.meta.title.en })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    const heading = await screen.findByRole('heading', { level: 1, name: firstQuestion });
    // Pressing Start is an action of the person's: focus follows them to the question.
    expect(heading).toHaveFocus();
  });

  it('once loaded, works like the check: the person answers and moves on', async () => {
    const user = userEvent.setup();
    render(<LazyCheck locale="en" storage={null} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await screen.findByRole('heading', { level: 1, name: firstQuestion });
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { level: 1, name: rules.questions[1]?.text.en ?? '' })).toBeInTheDocument();
  });

  it('switching language on the placeholder intro carries over to the loaded check', async () => {
    render(<LazyCheck locale="en" storage={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    expect(await screen.findByRole('button', { name: 'Empezar' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: rules.meta.title.es ?? '' })).toBeInTheDocument();
  });
});
