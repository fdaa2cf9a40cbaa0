// LazyCheck: the intro is there at once; a Start pressed while the rest is loading is not lost.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mainRules } from '../helpers.ts';
import { answerAll } from './helpers.tsx';

// A fresh LazyCheck module per test: once React.lazy has loaded its chunk it never shows the placeholder again,
// and each test here is about the moments before and after that load.
let LazyCheck: typeof import('../../src/ui/LazyCheck.tsx').LazyCheck;
beforeEach(async () => {
  vi.resetModules();
  ({ LazyCheck } = await import('../../src/ui/LazyCheck.tsx'));
});

const rules = mainRules();
// The first screen's heading (a grouped check's question), and the next one a person who answers No sees (the
// follow-ups between them are only for a Yes).
const firstScreen = rules.screens?.[0]?.title?.en ?? '';
const secondScreen = rules.screens?.slice(1).find((s) => s.kind === 'group')?.title?.en ?? '';

const container = (text: string) => screen.getAllByText(text).length;

describe('LazyCheck', () => {
  it('shows the intro before the questionnaire has loaded, and keeps a Start pressed meanwhile', async () => {
    render(<LazyCheck locale="en" storage={null} />);
    // Synchronously after the first render: this is the placeholder intro, the lazy part is not there yet.
    expect(screen.getByRole('heading', { level: 1, name: rules.meta.title.en })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    const heading = await screen.findByRole('heading', { level: 1, name: firstScreen });
    // Pressing Start is an action of the person's: focus follows them to the question (after the frame that shows it).
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('a keyboard user on Start while the check loads is still on Start once it has loaded', async () => {
    const { container } = render(<LazyCheck locale="en" storage={null} />);
    // The placeholder has no hidden focus-carrier marker yet: that only comes with the loaded check.
    expect(container.querySelector('span[hidden]')).toBeNull();
    const placeholderStart = screen.getByRole('button', { name: 'Start' });
    placeholderStart.focus();
    // The loaded check has its own intro: wait until the placeholder's button has been replaced.
    await waitFor(() => expect(placeholderStart).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Start' })).toHaveFocus());
  });

  it('once loaded, works like the check: the person answers and moves on', async () => {
    const user = userEvent.setup();
    const { container } = render(<LazyCheck locale="en" storage={null} />);
    // Once loaded: the loaded check's focus-carrier marker is there (a click the swap interrupts is no click).
    await waitFor(() => expect(container.querySelector('span[hidden]')).not.toBeNull());
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByRole('heading', { level: 1, name: firstScreen });
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { level: 1, name: secondScreen })).toBeInTheDocument();
  });

  it('says how long the check takes, from the estimate worked out from the rules at build time', async () => {
    const { timeEstimate } = await import('../../rules/lower-back-after-workout.yaml?rules');
    render(<LazyCheck locale="en" storage={null} />);
    const { low, high } = timeEstimate.en;
    const words = low === high ? `It usually takes about ${high} minutes.` : `It usually takes ${low} to ${high} minutes.`;
    expect(screen.getByText(words)).toBeInTheDocument();
    // Still there, the same, once the check has loaded (nothing moves).
    await waitFor(() => expect(container(words)).toBe(1));
  });

  it('switching language on the placeholder intro carries over to the loaded check', async () => {
    const { container } = render(<LazyCheck locale="en" storage={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    // The loaded check (its focus-carrier marker is there), not the placeholder, speaks Spanish.
    await waitFor(() => expect(container.querySelector('span[hidden]')).not.toBeNull());
    expect(screen.getByRole('button', { name: 'Empezar' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: rules.meta.title.es ?? '' })).toBeInTheDocument();
  });

  it('switching language on the result shows the result in that language, once its words have arrived', async () => {
    const user = userEvent.setup();
    const { container } = render(<LazyCheck locale="en" storage={null} />);
    await waitFor(() => expect(container.querySelector('span[hidden]')).not.toBeNull());
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await answerAll(user, rules, { age_band: 'age_20_to_50', pain_onset: 'during_workout' });
    const see = screen.queryByRole('button', { name: 'See my result' });
    if (see) await user.click(see);
    const selfCare = rules.results.urgency['self-care'];
    expect(screen.getByRole('heading', { level: 1, name: selfCare.title.en })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Español' }));
    // Not the English words under lang="es": the heading and the advice come from the rules' Spanish pack.
    expect(await screen.findByRole('heading', { level: 1, name: selfCare.title.es ?? '' })).toBeInTheDocument();
    expect(screen.queryByText(selfCare.title.en)).toBeNull();
    expect(container.querySelector('.backcheck')).toHaveAttribute('lang', 'es');
  });
});
