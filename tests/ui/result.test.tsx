import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('result screen', () => {
  it('an emergency answer ends at once with the banner in words, the action first, and the reason', async () => {
    const events: CheckEvent[] = [];
    const { user } = renderCheck({ rules, onEvent: (e) => events.push(e) });
    await start(user);
    // "Yes" on the first grouped check, then the sign ticked in "Which of these?".
    await answerAll(user, rules, { rf_saddle_numbness: 'yes' });
    const result = screen.getByRole('region', { name: 'Get help now' });
    const heading = within(result).getByRole('heading', { level: 1, name: 'Get help now' });
    expect(heading).toHaveFocus();
    expect(within(result).getByText('Result: Emergency')).toBeInTheDocument();
    const action = within(result).getByText(/Call your local emergency number/);
    // The action is the first thing after the banner.
    expect(heading.closest('[part="banner"]')?.nextElementSibling).toBe(action);
    expect(within(result).getByRole('heading', { name: 'Why we say this' })).toBeInTheDocument();
    // The reason once, then the answer behind it in a few words, not the whole question again.
    expect(within(result).getByText(rules.redFlags.find((f) => f.id === 'saddle_numbness')!.reason.en)).toBeInTheDocument();
    expect(within(result).getByText(/Because you answered:/)).toHaveTextContent(`${text('rf_saddle_numbness').short!.en}: Yes`);
    expect(within(result).queryByRole('heading', { name: 'What may be adding to your pain' })).not.toBeInTheDocument();
    // Under "call now" there is no "when to see a professional" heading, only what to do while help comes, and
    // no safety net or self-care list: the person is already told to get help now.
    expect(within(result).queryByRole('heading', { name: 'When to see a professional' })).not.toBeInTheDocument();
    expect(within(result).getByText(rules.results.urgency.emergency.consult.en)).toBeInTheDocument();
    expect(within(result).queryByRole('heading', { name: rules.results.safetyNet!.title.en })).not.toBeInTheDocument();
    expect(within(result).queryByRole('heading', { name: rules.results.selfCareAdvice!.title.en })).not.toBeInTheDocument();
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
    const causes = screen.getByRole('region', { name: 'What may be adding to your pain' });
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
    expect(screen.getByRole('heading', { name: 'When to see a professional' })).toBeInTheDocument();
  });

  it('a self-care result says when to see a professional, names the signs to watch for, and what to do now', async () => {
    const events: CheckEvent[] = [];
    const { user } = renderCheck({ rules, onEvent: (e) => events.push(e) });
    await start(user);
    await answerAll(user, rules, IN_SCOPE);
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(screen.getByText('Result: Self-care')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'When to see a professional' })).toBeInTheDocument();
    expect(screen.getByText(rules.results.urgency['self-care'].consult.en)).toBeInTheDocument();
    const net = screen.getByRole('region', { name: rules.results.safetyNet!.title.en });
    expect(within(net).getAllByRole('listitem')).toHaveLength(rules.results.safetyNet!.items.length);
    expect(within(net).getByText(/between your legs/)).toBeInTheDocument();
    expect(within(net).getByText(/dark brown pee like cola/)).toBeInTheDocument();
    const selfCare = screen.getByRole('region', { name: rules.results.selfCareAdvice!.title.en });
    expect(within(selfCare).getByText(/ibuprofen/)).toBeInTheDocument();
    expect(within(selfCare).getByText(/no more than about 3 out of 10/)).toBeInTheDocument();
    expect(events[0]).toEqual({ type: 'start' });
    expect(events[1]).toEqual({ type: 'step', section: 'red_flags', screen: rules.screens?.[0]?.id, stepNumber: 1 });
    const steps = events.filter((e) => e.type === 'step');
    expect(steps.map((s) => s.stepNumber)).toEqual(steps.map((_, i) => i + 1));
    expect(events.at(-1)).toMatchObject({ type: 'complete', urgency: 'self-care', redFlags: [] });
  });

  it('offers the clinic\'s booking button, which tells the host', async () => {
    const events: CheckEvent[] = [];
    const { user } = renderCheck({
      rules: miniRules(),
      onEvent: (e) => events.push(e),
      clinic: { name: 'Riverside Physio', bookingUrl: 'https://clinic.example/book', phone: '+44 20 1234 5678' },
    });
    await start(user);
    await answer(user, 'yes');
    expect(screen.getByRole('heading', { name: 'Your clinic: Riverside Physio' })).toBeInTheDocument();
    const book = screen.getByRole('link', { name: 'Book an appointment' });
    expect(book).toHaveAttribute('href', 'https://clinic.example/book');
    expect(screen.getByRole('link', { name: 'Call +44 20 1234 5678' })).toHaveAttribute('href', 'tel:+442012345678');
    book.addEventListener('click', (e) => e.preventDefault());
    await user.click(book);
    expect(events.at(-1)).toEqual({ type: 'book', via: 'booking' });
  });

  it("on an emergency, the clinic's emergency number is the first thing to press, and booking is not the main action", async () => {
    const { user } = renderCheck({
      rules: miniRules(),
      clinic: { bookingUrl: 'https://clinic.example/book', emergencyNumber: '000' },
    });
    await start(user);
    await answer(user, 'yes');
    const call = screen.getByRole('link', { name: 'Call 000 now' });
    expect(call).toHaveAttribute('href', 'tel:000');
    // Right after the action, before the causes, the advice and the clinic's box.
    expect(call.closest('p')?.previousElementSibling).toHaveTextContent('Call now.');
    expect(call).not.toHaveClass('backcheck__button--secondary');
    const book = screen.getByRole('link', { name: 'Book an appointment' });
    expect(book).toHaveClass('backcheck__button--secondary');
    expect(call.compareDocumentPosition(book) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('on an urgent result booking is not the main action either; on self-care it is; the emergency link only on emergencies', async () => {
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
    expect(screen.getByText(/Date: 3 May 2026/)).toBeInTheDocument();
    vi.useRealTimers();
  });

  it('never turns a host\'s script URL into a link', async () => {
    const { user } = renderCheck({ rules: miniRules(), clinic: { bookingUrl: 'javascript:alert(1)' } });
    await start(user);
    await answer(user, 'yes');
    expect(screen.queryByRole('link', { name: 'Book an appointment' })).not.toBeInTheDocument();
  });

  it('prints, and copies the summary as text, with a fallback when copying is not possible', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { user } = renderCheck({ rules: miniRules() });
    // user-event installs a clipboard stub on setup; watch what is written to it.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await start(user);
    await answer(user, 'yes');
    await user.click(screen.getByRole('button', { name: 'Print or save this summary' }));
    expect(print).toHaveBeenCalledOnce();
    // The printed page carries every answer, in a part only shown in print.
    expect(screen.getByRole('heading', { name: 'Your answers', hidden: true })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy as text' }));
    expect(screen.getByRole('status')).toHaveTextContent('Summary copied');
    const text = writeText.mock.calls[0]![0];
    expect(text).toContain('Result: Emergency. Now');
    expect(text).toContain('Call now.');
    expect(text).toContain('Big warning sign? Yes');
    expect(text).toContain('Emergency now.');
    expect(text).toContain('Rules: Mini check, version 0.0.1');

    writeText.mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy as text' }));
    expect(screen.getByRole('status')).toHaveTextContent('Copying did not work');
    expect(screen.getByRole('textbox', { name: 'Your summary as text' })).toHaveValue(text);
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
