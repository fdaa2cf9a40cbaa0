// The clinicians' review page, as a clinician uses it: sign-off status, the flow with its skip logic and exits,
// every rule in a decision table, and a "try it" panel that shows which rules fire.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import ReviewPage from '../../src/review/ReviewPage.tsx';
import { mainRules, miniRules } from '../helpers.ts';

describe('ReviewPage', () => {
  it('shows the metadata and that the rules are not signed off yet', () => {
    const rules = mainRules();
    render(<ReviewPage rules={rules} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Lower back pain after a workout');
    expect(screen.getByRole('status')).toHaveTextContent(/Not signed off yet/);
    expect(screen.getByText(rules.meta.version)).toBeInTheDocument();
  });

  it('draws the question flow in section order with skip logic and red-flag exits named in words', () => {
    render(<ReviewPage rules={mainRules()} />);
    const flow = screen.getByRole('list', { name: 'Question flow, in asking order' });
    const sections = within(flow).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(sections[0]).toMatch(/^1\. Warning signs/);
    expect(sections.at(-1)).toBe('Review answers, then the result');
    expect(within(flow).getByText(/Asked only when leg_spread is "Yes, to the buttock or thigh" or "Yes, below the knee"/)).toBeInTheDocument();
    // Screens: the first is a grouped check, and each question says when it is left out.
    const firstScreen = within(flow).getByRole('list', { name: 'Questions on screen warning_signs_1' }).closest('li');
    expect(firstScreen).toHaveTextContent(/Grouped check "Do you have any of these\?"/);
    expect(firstScreen).toHaveTextContent(/No answers every listed question "No"/);
    expect(within(flow).getByText(/^Never asked: no rule reads its answer/)).toBeInTheDocument();
    expect(within(flow).getAllByText(/^Asked while its answer can still change red flag saddle_numbness/).length).toBeGreaterThan(0);
    const exits = within(flow).getByRole('list', { name: 'Exits from rf_saddle_numbness' });
    expect(exits).toHaveTextContent('Ends at once (saddle_numbness) — emergency: rf_saddle_numbness is "Yes"');
  });

  it('lists every rule as a decision-table row, with red flags labelled as such', () => {
    const rules = mainRules();
    render(<ReviewPage rules={rules} />);
    const table = screen.getByRole('table', { name: /Red flags: when, then, why/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(rules.redFlags.length);
    const saddle = within(table).getByRole('rowheader', { name: 'saddle_numbness' }).closest('tr') as HTMLElement;
    expect(saddle).toHaveTextContent('Red flag: emergency');
    expect(saddle).toHaveTextContent(/cauda equina/);
    const posture = screen.getByRole('table', { name: /Cause: .*\(posture\)/ });
    expect(within(posture).getByRole('rowheader', { name: 'posture_rounded_back' }).closest('tr')).toHaveTextContent('posture +3');
  });

  it('runs evaluate on answers picked in the page and shows the rules that fired', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    render(<ReviewPage rules={mainRules()} />);
    const result = screen.getByRole('region', { name: 'Result for these answers' });
    expect(result).toHaveTextContent('Urgency: self-care');

    await user.selectOptions(screen.getByLabelText(/^form_rounded_back:/), 'yes');
    await user.selectOptions(screen.getByLabelText(/^form_sudden_twist:/), 'yes');
    expect(within(result).getByRole('list', { name: 'Rules that fired' })).toHaveTextContent('Evidence posture_rounded_back: posture +3');
    expect(within(result).getByRole('list', { name: 'Causes' })).toHaveTextContent('posture: likely (score 6)');
    // What the check would leave out for these answers, and why, in words.
    const leftOut = within(result).getByRole('list', { name: 'Questions it leaves out' });
    expect(leftOut).toHaveTextContent(/pain_onset: not asked: no rule reads its answer/);

    // Skip logic: the leg question appears only once the pain spreads.
    expect(screen.queryByRole('group', { name: /^leg_symptoms:/ })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText(/^leg_spread:/), 'below_knee');
    await user.click(within(screen.getByRole('group', { name: /^leg_symptoms:/ })).getByLabelText(/Weakness/));
    expect(result).toHaveTextContent('Urgency: urgent');
    expect(within(result).getByRole('list', { name: 'Rules that fired' })).toHaveTextContent('Red flag leg_weakness');
  });

  it('has no accessibility violations that axe can find', { timeout: 60_000 }, async () => {
    // The small fixture has every kind of part (skip logic, all rule lists, scale and multi questions); axe in
    // jsdom is slow on the full page.
    const { container } = render(<ReviewPage rules={miniRules()} />);
    // Colour contrast needs real layout, which the browser tests cover.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} ${v.help}`)).toEqual([]);
  });
});
