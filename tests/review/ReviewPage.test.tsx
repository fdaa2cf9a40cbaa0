// The clinicians' review page, as a clinician uses it: sign-off status, the flow with its skip logic and exits,
// every rule in a decision table, a "try it" panel that shows which rules fire, and rules files opened from their
// own computer: the same problems as rules:check, and the impact of a change against an earlier version.
import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkRulesText, reportLines } from '../../src/lint/check-file.ts';
import { createAnalysis } from '../../src/review/analysis-client.ts';
import ReviewPage from '../../src/review/ReviewPage.tsx';
import { MAIN_RULES_FILE, miniRules, reviewedFile, ROOT } from '../helpers.ts';
import { lowerFirstUrgentFlag } from '../lint/rule-edits.ts';

// In the page (jsdom has no Worker), with a small population: the impact's own tests cover the numbers.
const analysis = createAnalysis({ inPage: true, sets: 300 });
const shipped = reviewedFile();
const page = () => render(<ReviewPage shipped={shipped} analysis={analysis} />);
const yamlFile = (name: string, text: string) => new File([text], name, { type: 'text/yaml' });

describe('ReviewPage', () => {
  it('shows the shipped rules, their metadata and that they are not signed off yet', () => {
    page();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Lower back pain after a workout');
    const meta = screen.getByRole('region', { name: 'Metadata and sign-off' });
    expect(within(meta).getByRole('status')).toHaveTextContent(/Not signed off yet/);
    expect(within(meta).getByText(shipped.rules.meta.version)).toBeInTheDocument();
  });

  it('draws the question flow in section order with skip logic and red-flag exits named in words', () => {
    const { rules } = shipped;
    page();
    const flow = screen.getByRole('list', { name: 'Question flow, in asking order' });
    const sections = within(flow).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(sections[0]).toMatch(/^1\. Warning signs/);
    expect(sections.at(-1)).toBe('Review answers, then the result');
    expect(within(flow).getByText(/Asked only when pain_duration is "Over 3 months"/)).toBeInTheDocument();
    expect(within(flow).getByText(/Asked only when rf_accident is "Yes" or "I.m not sure" or rf_leg_gives_way is "Yes" or "I.m not sure" or rf_faint is "I.m not sure" or pain_score is 7 or more/)).toBeInTheDocument();
    // Screens: the first is a grouped check, and each question says when it is left out.
    const firstScreen = within(flow).getByRole('list', { name: `Questions on screen ${rules.screens?.[0]?.id}` }).closest('li');
    expect(firstScreen).toHaveTextContent(`Grouped check "${rules.screens?.[0]?.title?.en}"`);
    expect(firstScreen).toHaveTextContent(/No answers every listed question "No"/);
    // Every question says what it can change: none is asked for nothing.
    expect(within(flow).queryByText(/^Never asked/)).not.toBeInTheDocument();
    expect(within(flow).getByText(/^Asked while its answer can still change .*red flag urine_red, .*cause hydration \(its band\)/)).toBeInTheDocument();
    expect(within(flow).getAllByText(/^Asked while its answer can still change red flag saddle_numbness/).length).toBeGreaterThan(0);
    const exits = within(flow).getByRole('list', { name: 'Exits from rf_saddle_numbness' });
    expect(exits).toHaveTextContent('Ends at once (saddle_numbness) — emergency: rf_saddle_numbness is "Yes"');
  });

  it('lists every rule as a decision-table row, with red flags labelled as such', () => {
    const { rules } = shipped;
    page();
    const table = screen.getByRole('table', { name: /Red flags: when, then, why/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(rules.redFlags.length);
    const saddle = within(table).getByRole('rowheader', { name: 'saddle_numbness' }).closest('tr') as HTMLElement;
    expect(saddle).toHaveTextContent('Red flag: emergency');
    expect(saddle).toHaveTextContent(/cauda equina/);
    const posture = screen.getByRole('table', { name: /Cause: .*\(posture\)/ });
    expect(within(posture).getByRole('rowheader', { name: 'posture_back_rounded' }).closest('tr')).toHaveTextContent('posture +3');
    // Each row has an address to link to.
    expect(saddle.id).toBe('red-flags-saddle_numbness');
  });

  it('finds rules by a word of their id, condition, rationale or source, and says how many', async () => {
    const user = userEvent.setup();
    page();
    await user.type(screen.getByRole('searchbox', { name: 'Find a rule' }), 'saddle');
    const count = Number(/(\d+) rules? found/.exec(screen.getByText(/rules? found$/).textContent ?? '')?.[1]);
    expect(screen.getByRole('searchbox', { name: 'Find a rule' })).toHaveAccessibleDescription(`${count} rule${count === 1 ? '' : 's'} found`);
    const flags = screen.getByRole('table', { name: /Red flags: when, then, why/ });
    expect(within(flags).getByRole('rowheader', { name: 'saddle_numbness' })).toBeInTheDocument();
    expect(within(flags).queryByRole('rowheader', { name: 'dark_urine' })).not.toBeInTheDocument();
    const shownRows = screen.getAllByRole('table').reduce((n, t) => n + within(t).getAllByRole('row').length - 1, 0);
    expect(count).toBe(shownRows);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(20);
  });

  it('runs evaluate on answers picked in the page and shows the rules that fired', { timeout: 60_000 }, async () => {
    const user = userEvent.setup();
    page();
    const result = screen.getByRole('region', { name: 'Result for these answers' });
    expect(result).toHaveTextContent('Urgency: self-care');

    await user.selectOptions(screen.getByLabelText(/^pain_onset:/), 'next_day_or_later');
    expect(within(result).getByRole('list', { name: 'Rules that fired' })).toHaveTextContent('Evidence soreness_delayed_onset: soreness +3');
    expect(within(result).getByRole('list', { name: 'Causes' })).toHaveTextContent('soreness: possible (score 3)');
    // What the check would leave out for these answers, and why, in words.
    await user.selectOptions(screen.getByLabelText(/^age_band:/), 'age_20_to_50');
    await user.selectOptions(screen.getByLabelText(/^pain_duration:/), 'under_3_days');
    // With pain in the low back only (no leg or upper-back pain, whose consult signs read the trend).
    await user.click(within(screen.getByRole('group', { name: /^pain_where:/ })).getByRole('checkbox', { name: 'Low back' }));
    const leftOut = within(result).getByRole('list', { name: 'Questions it leaves out' });
    expect(leftOut).toHaveTextContent(/pain_trend: not asked: no answer could change the result \(.*consult sign not_improving can no longer fire/);

    // Skip logic: the follow-up appears only once a leg gives way, and it escalates.
    expect(screen.queryByLabelText(/^rf_weakness_worse:/)).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText(/^rf_leg_gives_way:/), 'yes');
    expect(result).toHaveTextContent('Urgency: urgent');
    // With the answer that made it fire, in the words the person read.
    expect(within(result).getByRole('list', { name: 'Rules that fired' })).toHaveTextContent('Red flag leg_gives_way (because Leg or foot weak: gives way or drops: Yes)');
    await user.selectOptions(screen.getByLabelText(/^rf_weakness_worse:/), 'yes');
    expect(result).toHaveTextContent('Urgency: emergency');
    expect(within(result).getByRole('list', { name: 'Rules that fired' })).toHaveTextContent('Red flag leg_weakness_worsening');
  });

  it('a file opened from the computer shows the same problems, at the same lines, as rules:check', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    const text = readFileSync(`${ROOT}tests/cli/fixtures/broken-rules.yaml`, 'utf8');
    page();
    await user.upload(screen.getAllByLabelText('Open a rules file (.yaml) from this computer')[0] as HTMLElement, yamlFile('broken-rules.yaml', text));
    const list = await screen.findByRole('list', { name: 'Problems in broken-rules.yaml' });
    const shown = within(list).getAllByRole('listitem').map((li) => li.getAttribute('data-report-line'));
    const expected = reportLines(checkRulesText(text, 'broken-rules.yaml')).map((l) => l.text);
    expect(expected.length).toBeGreaterThan(1);
    expect(shown).toEqual(expected);
    // What a clinician reads: where, and what is wrong.
    const first = reportLines(checkRulesText(text, 'broken-rules.yaml'))[0];
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(`${first?.location}`);
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(`${first?.message}`);
    // A file that does not load has nothing else to show.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Rules review: broken-rules.yaml');
    expect(screen.queryByRole('region', { name: 'Question flow' })).not.toBeInTheDocument();
  });

  it('pasted text is checked like a file, and a stale sign-off is an error naming who signed what', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    const data = { ...shipped.rules, meta: { ...shipped.rules.meta, signoff: { by: 'Dr Ana Ruiz, GP', on: '2026-12-01', contentHash: `sha256:${'0'.repeat(64)}` } } };
    page();
    const slot = screen.getByRole('region', { name: 'Version to review' });
    await user.click(within(slot).getByText('Or paste the file’s text'));
    await user.click(within(slot).getByLabelText('Rules file text (YAML)'));
    await user.paste(stringify(data));
    await user.click(within(slot).getByRole('button', { name: 'Check the pasted text' }));
    const list = await screen.findByRole('list', { name: 'Problems in pasted.yaml' });
    expect(list).toHaveTextContent(/error.*\[sign-off\].*Dr Ana Ruiz, GP signed off content sha256:000000000000 on 2026-12-01/);
    expect(list).toHaveTextContent('npm run rules:signoff -- --by "Name, role" pasted.yaml');
    // The file loads, so it can be read below, with its sign-off marked as out of date.
    expect(within(screen.getByRole('region', { name: 'Metadata and sign-off' })).getByRole('status')).toHaveTextContent(/Sign-off out of date: Dr Ana Ruiz, GP/);
  });

  it('an earlier version shows what changed and its impact, a lowered urgency first and marked', { timeout: 60_000 }, async () => {
    const user = userEvent.setup();
    const { data, flag } = lowerFirstUrgentFlag(readFileSync(MAIN_RULES_FILE, 'utf8'));
    page();
    await user.upload(screen.getAllByLabelText('Open a rules file (.yaml) from this computer')[0] as HTMLElement, yamlFile('draft.yaml', stringify(data)));
    await screen.findByRole('list', { name: 'Problems in draft.yaml' });
    await user.click(screen.getByRole('button', { name: /Compare with the shipped rules/ }));
    const changes = await screen.findByRole('list', { name: 'What changed' }, { timeout: 30_000 });
    expect(changes).toHaveTextContent(`red flag "${flag}" removed (was urgent)`);
    const lowering = screen.getByRole('list', { name: 'Changes that lower an urgency' });
    expect(within(lowering).getAllByRole('listitem')[0]).toHaveTextContent(/⚠ LOWERS URGENCY: urgency lowered: urgent -> consult/);
    expect(screen.getByRole('table', { name: /Answer sets by urgency before/ })).toBeInTheDocument();
  });

  it('has no accessibility violations that axe can find', { timeout: 60_000 }, async () => {
    // The small fixture has every kind of part (skip logic, all rule lists, scale and multi questions); axe in
    // jsdom is slow on the full page.
    const { container } = render(<ReviewPage shipped={{ ...reviewedFile(`${ROOT}tests/fixtures/mini-rules.yaml`), rules: miniRules() }} analysis={analysis} />);
    // Colour contrast needs real layout, which the browser tests cover.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} ${v.help}`)).toEqual([]);
  });
});
