// "Try it" as a follow-up (issue #18), as a clinician uses it on /review: switch it on, enter the earlier check (days
// ago and the kept pain score), answer the pain now, and read what the person would be told, with the shipped rules.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TryIt } from '../../src/review/TryIt.tsx';
import { mainRules } from '../helpers.ts';

const rules = mainRules();

/** Switches "try it" to a follow-up of a check `daysAgo` days ago, with the pain score then, and answers it now. */
async function followUp(daysAgo: number, then: number, now: number) {
  const user = userEvent.setup();
  render(<TryIt rules={rules} />);
  await user.click(screen.getByRole('checkbox', { name: 'Try as a follow-up to an earlier check' }));
  const earlier = screen.getByRole('group', { name: 'The earlier check' });
  await user.selectOptions(within(earlier).getByLabelText(/^Days ago/), String(daysAgo));
  await user.selectOptions(within(earlier).getByLabelText(/^Then: pain_score:/), String(then));
  await user.selectOptions(screen.getByLabelText(/^pain_score:/), String(now));
  return { user, result: screen.getByRole('region', { name: 'Result for these answers' }) };
}

describe('try it as a follow-up', () => {
  it('asks only what the follow-up asks, and offers the kept answers the rules name for the earlier check', async () => {
    const user = userEvent.setup();
    render(<TryIt rules={rules} />);
    expect(screen.getByLabelText(/^pain_onset:/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Try as a follow-up to an earlier check' }));
    expect(screen.queryByLabelText(/^pain_onset:/)).not.toBeInTheDocument();
    const earlier = screen.getByRole('group', { name: 'The earlier check' });
    for (const id of rules.followUp?.keep ?? []) expect(within(earlier).getByLabelText(new RegExp(`^Then: ${id}:`))).toBeInTheDocument();
    expect(within(earlier).getByLabelText('Its urgency')).toHaveValue('self-care');
  });

  it('pain down from 6 to 2 two days on: "better", getting better, and this week\'s step', { timeout: 20_000 }, async () => {
    const { result } = await followUp(2, 6, 2);
    expect(result).toHaveTextContent('Urgency: self-care');
    expect(result).toHaveTextContent('followup_better (better: self-care): “From 6/10 to 2/10: getting better. Keep going with the plan, one step at a time, as below.”');
    expect(result).toHaveTextContent(/This week: train light/);
    expect(within(result).getByRole('list', { name: 'Follow-up rules that hold' })).toHaveTextContent('Outcome followup_better (the one shown)');
  });

  it('the same pain a week and a day on: "not better after a week", see a physiotherapist or GP', { timeout: 20_000 }, async () => {
    const { result } = await followUp(8, 5, 5);
    expect(result).toHaveTextContent('Urgency: consult');
    expect(result).toHaveTextContent('followup_not_better_week (same: consult): “Not better after a week: book a physiotherapist or GP.”');
    // Less than a week on, the same pain is still the usual course.
    await userEvent.setup().selectOptions(screen.getByLabelText(/^Days ago/), '3');
    expect(result).toHaveTextContent(/followup_same \(same: self-care\): “About the same as on .*That is common in the first days/);
  });

  it('a warning sign still decides: the usual result, and the comparison is not shown to the person', { timeout: 20_000 }, async () => {
    const { user, result } = await followUp(2, 6, 2);
    await user.selectOptions(screen.getByLabelText(/^rf_fever:/), 'yes');
    expect(result).toHaveTextContent('Urgency: urgent');
    expect(result).toHaveTextContent(/The usual result decides: a warning sign fired/);
    expect(result).toHaveTextContent(/This week\s*Not shown: the usual result decides\./);
    expect(within(result).getByRole('list', { name: 'Follow-up rules that hold' })).toHaveTextContent('Outcome followup_better (first, not shown)');
    expect(within(result).getByRole('list', { name: 'Rules that fired' })).toHaveTextContent(/Red flag .*fever/);
  });
});
