import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countWords } from '../../src/engine/burden.ts';
import type { CheckEvent } from '../../src/ui/host-events.ts';
import { mainRules, miniRules } from '../helpers.ts';
import { answer, answerAll, renderCheck, start } from './helpers.tsx';

const rules = mainRules();
/** In scope: an adult whose pain followed exercise (the helpers' calm defaults would pick "Under 16" and "No"). */
const IN_SCOPE = { age_band: 'age_20_to_50', pain_onset: 'during_workout' };
const text = (id: string) => rules.questions.find((q) => q.id === id)!;
const label = (questionId: string, optionId: string) => {
  const q = text(questionId);
  return q.type === 'scale' ? optionId : (q.options.find((o) => o.id === optionId)?.label.en ?? optionId);
};
const withNumber = (words: string, number: string) => words.replaceAll('{number}', number);

/** Opens a section of the result (they start closed: the top card is what is read first). */
async function open(user: ReturnType<typeof renderCheck>['user'], name: string) {
  const button = screen.getByRole('button', { name, expanded: false });
  await user.click(button);
  return screen.getByRole('region', { name });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('result screen', () => {
  it('an emergency ends at once: the banner, the action, a button to call the number for the region, the reason one tap away', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB', 'en']);
    const events: CheckEvent[] = [];
    const { user } = renderCheck({ rules, onEvent: (e) => events.push(e) });
    await start(user);
    // "Yes" on the first grouped check, then the sign ticked in "Which of these?".
    await answerAll(user, rules, { rf_saddle_numbness: 'yes' });
    const result = screen.getByRole('region', { name: 'Get help now' });
    const heading = within(result).getByRole('heading', { level: 1, name: 'Get help now' });
    expect(heading).toHaveFocus();
    expect(within(result).getByText('Result: Emergency')).toBeInTheDocument();
    const action = within(result).getByText(withNumber(rules.results.urgency.emergency.action.en, '999'));
    // The action is the first thing after the banner, and the call button right after it: the browser is en-GB.
    expect(heading.closest('[part="banner"]')?.nextElementSibling?.firstElementChild).toBe(action);
    const call = within(result).getByRole('link', { name: 'Call 999 now' });
    expect(call).toHaveAttribute('href', 'tel:999');
    expect(action.nextElementSibling).toContainElement(call);
    // The number is not guessed silently: the country is named, with a way to change it.
    expect(within(result).getByText(/Emergency number for United Kingdom: 999\./)).toBeInTheDocument();
    await user.click(within(result).getByRole('button', { name: 'Change country' }));
    await user.selectOptions(within(result).getByRole('combobox', { name: 'Your country' }), 'AU');
    expect(within(result).getByRole('link', { name: 'Call 000 now' })).toHaveAttribute('href', 'tel:000');
    expect(within(result).getByText(withNumber(rules.results.urgency.emergency.action.en, '000'))).toBeInTheDocument();
    // Why, one tap away: the reason once, then the answer behind it in a few words.
    const why = await open(user, 'Why we say this');
    expect(within(why).getByText(rules.redFlags.find((f) => f.id === 'saddle_numbness')!.reason.en)).toBeInTheDocument();
    expect(within(why).getByText(/Because you answered:/)).toHaveTextContent(`${text('rf_saddle_numbness').short!.en}: Yes`);
    // Under "call now": what to do while help comes, and no causes, safety net or self-care list.
    expect(within(result).getByText(rules.results.urgency.emergency.consult.en)).toBeInTheDocument();
    for (const name of ['What may be adding to your pain', 'Signs to watch for', rules.results.selfCareAdvice!.title.en]) {
      expect(within(result).queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(within(result).getAllByText(/not a diagnosis/)).toHaveLength(1);
    expect(events.at(-1)).toEqual({
      type: 'complete',
      urgency: 'emergency',
      causes: [],
      redFlags: ['saddle_numbness'],
      rulesId: 'lower_back_after_workout',
      rulesVersion: rules.meta.version,
      rulesSignedOff: false,
    });
    // Host events never carry the answers themselves, unless the host asked for them (shareAnswers).
    expect(JSON.stringify(events)).not.toMatch(/"yes"|rf_saddle/);
  });

  it.each([
    ['en-US', 'United States', '911'],
    ['en-NZ', 'New Zealand', '111'],
    ['es-ES', 'España', '112'],
  ])('the browser in %s: the number of %s (%s), in every text that names one', async (tag, country, number) => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue([tag]);
    const spanish = tag.startsWith('es');
    const { user } = renderCheck({ rules, locale: 'en' });
    expect(screen.getByText(`Feel very unwell now? Call ${number} instead.`)).toBeInTheDocument();
    await start(user);
    await answerAll(user, rules, { rf_saddle_numbness: 'yes' });
    // The region comes from the browser, whichever language the person reads.
    if (spanish) await user.click(screen.getByRole('button', { name: 'Español' }));
    expect(screen.getByRole('link', { name: spanish ? `Llama al ${number} ahora` : `Call ${number} now` })).toHaveAttribute('href', `tel:${number}`);
    expect(screen.getByText(new RegExp(`${country}: ${number}`))).toBeInTheDocument();
  });

  it('where the browser names no region the rules know, the default number, saying the country is not known', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['es-419', 'en']);
    const { user } = renderCheck({ rules });
    await start(user);
    await answerAll(user, rules, { rf_saddle_numbness: 'yes' });
    expect(screen.getByRole('link', { name: 'Call 112 now' })).toHaveAttribute('href', 'tel:112');
    expect(screen.getByText(/Emergency number: 112\. We could not tell your country\./)).toBeInTheDocument();
  });

  it('puts the answers in the complete event only when the host asked for them', async () => {
    const events: CheckEvent[] = [];
    const { user } = renderCheck({ rules, onEvent: (e) => events.push(e), shareAnswers: true });
    await start(user);
    await answerAll(user, rules, { rf_saddle_numbness: 'yes' });
    expect(screen.getByRole('heading', { level: 1, name: 'Get help now' })).toBeInTheDocument();
    expect(events.at(-1)).toMatchObject({ type: 'complete', answers: { rf_saddle_numbness: 'yes' } });
  });

  it('a form-heavy run shows lifting form as more likely, with its advice, the answers that counted, and no diagnosis', async () => {
    const { user } = renderCheck({ rules });
    await start(user);
    await answerAll(user, rules, {
      ...IN_SCOPE,
      training_signs: ['back_rounded', 'form_broke_down', 'load_jump', 'no_rest_day'],
    });
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    const causes = await open(user, 'What may be adding to your pain');
    expect(within(causes).getByText('These are common reasons, not a diagnosis.')).toBeInTheDocument();
    const posture = within(causes).getByRole('article', { name: /Lifting form/ });
    expect(within(posture).getByText('More likely')).toBeInTheDocument();
    expect(within(posture).getByText(rules.causes.find((c) => c.id === 'posture')!.advice[0]!.en)).toBeInTheDocument();
    expect(within(posture).getByRole('heading', { name: 'Because you answered:' })).toBeInTheDocument();
    // Only the ticks that count for this cause; the training jump is quoted under "doing too much".
    expect(within(posture).getByText(`${text('training_signs').short!.en}: ${label('training_signs', 'back_rounded')} and ${label('training_signs', 'form_broke_down')}`)).toBeInTheDocument();
    const overuse = within(causes).getByRole('article', { name: /Doing too much/ });
    expect(within(overuse).getByText(`${text('training_signs').short!.en}: ${label('training_signs', 'load_jump')} and ${label('training_signs', 'no_rest_day')}`)).toBeInTheDocument();
    // At most two causes, and none without evidence.
    expect(within(causes).getAllByRole('article')).toHaveLength(2);
    expect(within(causes).queryByRole('article', { name: /Not drinking enough/ })).not.toBeInTheDocument();
  });

  it('doubt about a dizzy spell since stopping, under 35 (rules 3.3.0): the tick list, then a consultation card that says not to train, and the advice in view', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB']);
    const { user } = renderCheck({ rules });
    await start(user);
    await answerAll(user, rules, {
      ...IN_SCOPE,
      rf_faint: 'not_sure',
      age_35_or_over: 'no',
      rf_faint_doubt: ['dizzy_after'],
      rf_heart_history: 'no',
      rf_blood_thinners: 'no',
    });
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    const card = document.querySelector<HTMLElement>('[part="top-card"]')!;
    const own = rules.consultSigns.find((s) => s.id === 'dizzy_not_sure')!;
    expect(within(card).getByText('Result: See a professional soon')).toBeInTheDocument();
    expect(within(card).getByText(own.action!.en)).toBeInTheDocument();
    expect(within(card).getByText(own.consult!.en)).toBeInTheDocument();
    expect(within(card).queryByText(rules.results.urgency.consult.consult.en)).not.toBeInTheDocument();
    expect(countWords(card.textContent ?? '')).toBeLessThanOrEqual(60);
    const advice = rules.advice.find((a) => a.id === 'dizzy_not_sure_watch')!;
    expect(screen.getByText(withNumber(advice.text.en, '999'))).toBeVisible();
  });

  it('a self-care result: the top card first, then the advice and the signs to watch for, calm, one tap away', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB']);
    const events: CheckEvent[] = [];
    const { user } = renderCheck({ rules, onEvent: (e) => events.push(e) });
    await start(user);
    await answerAll(user, rules, IN_SCOPE);
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    const texts = rules.results.urgency['self-care'];
    const card = document.querySelector<HTMLElement>('[part="top-card"]')!;
    expect(within(card).getByText('Result: Self-care')).toBeInTheDocument();
    const lines = [texts.title, texts.action, texts.consult, texts.callIf!].map((t) => withNumber(t.en, '999'));
    for (const line of lines) expect(within(card).getByText(line)).toBeInTheDocument();
    expect(countWords(card.textContent ?? '')).toBeLessThanOrEqual(60);
    // Everything else opens on request, so nothing below shouts: no list is visible yet.
    for (const button of screen.getAllByRole('button', { expanded: false })) expect(button.closest('h2')).not.toBeNull();
    const net = await open(user, 'Signs to watch for');
    expect(within(net).getByRole('heading', { level: 3, name: withNumber(rules.results.safetyNet!.title.en, '999') })).toBeInTheDocument();
    expect(within(net).getByRole('heading', { level: 3, name: rules.results.safetyNetToday!.title.en })).toBeInTheDocument();
    expect(within(net).getAllByRole('listitem')).toHaveLength(rules.results.safetyNet!.items.length + rules.results.safetyNetToday!.items.length);
    expect(within(net).getByText(/Pain, numbness, tingling or weakness in both legs/)).toBeInTheDocument();
    expect(within(net).getByText(/A fever \(38 °C or more\)/)).toBeInTheDocument();
    expect(within(net).getByText(/Emergency number for United Kingdom: 999/)).toBeInTheDocument();
    const selfCare = await open(user, rules.results.selfCareAdvice!.title.en);
    expect(within(selfCare).getByText(/no more than about 3 out of 10/)).toBeInTheDocument();
    // The anti-inflammatory caution: a plain list each person answers for themselves.
    expect(within(selfCare).getByText(rules.results.antiInflammatory!.title.en)).toBeInTheDocument();
    for (const item of rules.results.antiInflammatory!.items) expect(within(selfCare).getByText(item.en)).toBeInTheDocument();
    expect(events[0]).toEqual({ type: 'start' });
    expect(events[1]).toEqual({ type: 'step', section: 'red_flags', screen: rules.screens?.[0]?.id, stepNumber: 1 });
    const steps = events.filter((e) => e.type === 'step');
    expect(steps.map((s) => s.stepNumber)).toEqual(steps.map((_, i) => i + 1));
    expect(events.at(-1)).toMatchObject({ type: 'complete', urgency: 'self-care', redFlags: [] });
  });

  it('an urgent result asks the pain questions too, so the summary gives the doctor the score, onset and duration', async () => {
    const { user } = renderCheck({ rules });
    await start(user);
    await answerAll(user, rules, { ...IN_SCOPE, rf_fever: 'yes', pain_score: 5, pain_duration: 'days_3_to_7' });
    const review = screen.queryByRole('button', { name: 'See my result' });
    if (review) await user.click(review);
    expect(screen.getByText('Result: Urgent')).toBeInTheDocument();
    const printed = screen.getByRole('region', { name: /summary for a professional/, hidden: true });
    expect(printed).toHaveTextContent('Pain now (0 to 10): 5');
    expect(printed).toHaveTextContent('When it started: During the workout');
    expect(printed).toHaveTextContent('How long: 3–7 days');
  });

  it("offers the clinic's booking button, which tells the host", async () => {
    const events: CheckEvent[] = [];
    const { user } = renderCheck({
      rules: miniRules(),
      onEvent: (e) => events.push(e),
      clinic: { name: 'Riverside Physio', bookingUrl: 'https://clinic.example/book', phone: '+44 20 1234 5678' },
    });
    await start(user);
    await answerAll(user, miniRules(), { age: 'adult' });
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(screen.getByRole('heading', { name: 'Your clinic: Riverside Physio' })).toBeInTheDocument();
    const book = screen.getByRole('link', { name: 'Book an appointment' });
    expect(book).toHaveAttribute('href', 'https://clinic.example/book');
    expect(screen.getByRole('link', { name: 'Call +44 20 1234 5678' })).toHaveAttribute('href', 'tel:+442012345678');
    book.addEventListener('click', (e) => e.preventDefault());
    await user.click(book);
    expect(events.at(-1)).toEqual({ type: 'book', via: 'booking' });
  });

  it("on an emergency, the clinic's emergency number is the one to call, named in every text, and no clinic button is offered", async () => {
    const { user } = renderCheck({
      rules,
      clinic: { bookingUrl: 'https://clinic.example/book', phone: '+44 20 1234 5678', emergencyNumber: '000' },
    });
    expect(screen.getByText('Feel very unwell now? Call 000 instead.')).toBeInTheDocument();
    await start(user);
    await answerAll(user, rules, { rf_saddle_numbness: 'yes' });
    const call = screen.getByRole('link', { name: 'Call 000 now' });
    expect(call).toHaveAttribute('href', 'tel:000');
    expect(screen.getByText(withNumber(rules.results.urgency.emergency.action.en, '000'))).toBeInTheDocument();
    // The clinic knows its own number: no country to change.
    expect(screen.queryByRole('button', { name: 'Change country' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Book an appointment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Call \+44/ })).not.toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/999|911|112/);
  });

  it('on an urgent result booking is not the main action; on self-care it is; the emergency call only on emergencies', async () => {
    const clinic = { bookingUrl: 'https://clinic.example/book', emergencyNumber: '112' };
    const urgent = renderCheck({ rules: miniRules(), clinic });
    await start(urgent.user);
    await answer(urgent.user, 'not_sure');
    // After an urgent answer only the remaining emergency questions are asked, then the result (or the review).
    await answerAll(urgent.user, miniRules(), { age: 'adult' });
    const review = screen.queryByRole('button', { name: 'See my result' });
    if (review) await urgent.user.click(review);
    expect(screen.getByText('Result: Urgent')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Book an appointment' })).toHaveClass('backcheck__button--secondary');
    expect(screen.queryByRole('link', { name: /Call 112/ })).not.toBeInTheDocument();
    urgent.unmount();

    const calm = renderCheck({ rules: miniRules(), clinic });
    await start(calm.user);
    await answerAll(calm.user, miniRules(), { age: 'adult' });
    await calm.user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(screen.getByText('Result: Self-care')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Book an appointment' })).not.toHaveClass('backcheck__button--secondary');
    expect(screen.queryByRole('link', { name: /Call 112/ })).not.toBeInTheDocument();
  });

  it("writes the date for the clinic's region (en-AU: day first), in the person's language", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-05-03T10:00:00Z') });
    const { user } = renderCheck({ rules: miniRules(), locale: 'en', region: 'AU' });
    await start(user);
    await answer(user, 'yes');
    expect(screen.getAllByText(/Date: 3 May 2026/).length).toBeGreaterThan(0);
    vi.useRealTimers();
  });

  it('never turns a host\'s script URL into a link', async () => {
    const { user } = renderCheck({ rules: miniRules(), clinic: { bookingUrl: 'javascript:alert(1)' } });
    await start(user);
    await answerAll(user, miniRules(), { age: 'adult' });
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(screen.queryByRole('link', { name: 'Book an appointment' })).not.toBeInTheDocument();
  });

  it('prints a summary for the professional, and copies it as text, with a fallback when copying is not possible', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB']);
    const { user } = renderCheck({ rules });
    // user-event installs a clipboard stub on setup; watch what is written to it.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await start(user);
    await answerAll(user, rules, { ...IN_SCOPE, pain_score: 3, pain_duration: 'under_3_days', training_signs: ['back_rounded'] });
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    await user.click(screen.getByRole('button', { name: 'Print or save this summary' }));
    expect(print).toHaveBeenCalledOnce();
    // The printed page: a title, blank lines for name and date of birth, then the clinical header.
    const printed = screen.getByRole('region', { name: 'Back pain self-check: summary for a professional', hidden: true });
    expect(printed).toHaveTextContent(/Name:\s*Date of birth:/);
    expect(printed).toHaveTextContent('Outcome: Self-care');

    await user.click(screen.getByRole('button', { name: 'Copy as text' }));
    expect(screen.getByRole('status')).toHaveTextContent('Summary copied');
    const copied = writeText.mock.calls[0]![0];
    const lines = copied.split('\n');
    expect(lines[0]).toBe('Back pain self-check: summary for a professional');
    // The date first (the browser is en-GB: day first), the rules' version and sign-off.
    expect(lines[1]).toMatch(new RegExp(`^Date: \\d+ \\w+ \\d{4}, \\d{2}:\\d{2}\\. Rules ${rules.meta.version.replaceAll('.', '\\.')}, not signed off by a clinician\\.$`));
    // The clinical core first: the urgency (nothing set it: no "Set by"), then pain, age.
    expect(lines[3]).toBe('Outcome: Self-care');
    expect(copied).not.toContain('Set by');
    expect(copied.indexOf('Outcome: Self-care')).toBeLessThan(copied.indexOf('Pain now (0 to 10): 3'));
    expect(copied).toContain('When it started: During the workout');
    expect(copied).toContain('How long: Under 3 days');
    expect(copied).toContain('Age: 20 to 50');
    // Pregnancy only where it matters; name and date of birth only on paper.
    expect(copied).not.toMatch(/Pregnant|Name:|Date of birth/);
    // The checklist as the person saw it: the grouped checks' short labels, none of them answered yes.
    const checklist = lines.find((l) => l.startsWith('Warning signs checked. No to: '))!;
    const shown = rules.screens!.filter((s) => s.kind === 'group' && s.id !== 'maternity_signs').flatMap((s) => s.questions.map((id) => text(id).short!.en));
    expect(checklist).toBe(`Warning signs checked. No to: ${shown.join('; ')}.`);
    expect(copied).not.toContain(text('rf_saddle_numbness').text.en);
    expect(lines.at(-1)).toBe(`Advice given: ${rules.results.urgency['self-care'].consult.en}`);
    expect(countWords(copied)).toBeLessThan(250);

    writeText.mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy as text' }));
    expect(screen.getByRole('status')).toHaveTextContent('Copying did not work');
    expect(screen.getByRole('textbox', { name: 'Your summary as text' })).toHaveValue(copied);
  });

  it('shows the out-of-scope message for someone under 16', async () => {
    const { user } = renderCheck({ rules });
    await start(user);
    await answerAll(user, rules, { age_band: 'under_16' });
    const title = rules.results.outOfScopeTitle.en;
    expect(screen.getByRole('heading', { level: 2, name: title })).toBeInTheDocument();
    expect(screen.getByText(rules.scopeExits.find((s) => s.id === 'under_16')!.message.en)).toBeInTheDocument();
  });
});
