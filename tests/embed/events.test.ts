// What the clinic's page is told: the outcome always, the answers only with share-answers, in the order they happen.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { toWidgetEvent, widgetEventSender, type WidgetEvent } from '../../src/embed/events.ts';
import { shareAnswersIn } from '../../src/embed/share.ts';
import { visibleQuestions } from '../../src/engine/visibility.ts';
import { ensureTexts } from '../../src/ui/check-rules.ts';
import type { CheckEvent } from '../../src/ui/host-events.ts';
import { fhirSchemaErrors } from '../fhir-schema.ts';
import { mainRules } from '../helpers.ts';

const rules = mainRules();
const calmAnswers = Object.fromEntries(
  rules.questions
    // The warning signs everyone is asked (follow-ups only appear after a Yes).
    .filter((q) => q.section === 'red_flags' && !q.showIf && q.type === 'single' && q.options.some((o) => o.id === 'no'))
    .map((q) => [q.id, 'no']),
);
const complete: CheckEvent = {
  type: 'complete',
  urgency: 'self-care',
  causes: [{ id: 'overuse', likelihood: 'likely' }],
  redFlags: [],
  rulesId: rules.meta.id,
  rulesVersion: rules.meta.version,
  rulesSignedOff: false,
  answers: calmAnswers,
};

const STATE = { checkId: 'check-1', locale: 'en', urgency: 'consult' } as const;
const CONTEXT = { checkId: 'check-1', locale: 'en' } as const;

// The shared answers read the check's rules, whose words arrive by language (src/ui/check-rules.ts): here, as when a
// person has used the check in both languages.
beforeAll(async () => {
  await ensureTexts('en');
  await ensureTexts('es');
});

describe('toWidgetEvent', () => {
  it('drops the answers unless the clinic asked for them', () => {
    const event = toWidgetEvent(complete, null, STATE);
    expect(event).toEqual({
      type: 'backcheck:complete',
      detail: { ...CONTEXT, urgency: 'self-care', causes: [{ id: 'overuse', likelihood: 'likely' }], redFlags: [], rulesId: rules.meta.id, rulesVersion: rules.meta.version, rulesSignedOff: false },
    });
  });

  it('with share-answers adds the answers and a FHIR QuestionnaireResponse that passes the official schema', () => {
    const event = toWidgetEvent(complete, shareAnswersIn(() => 'es'), STATE);
    if (event.type !== 'backcheck:complete') throw new Error('expected complete');
    expect(event.detail.answers).toEqual(calmAnswers);
    const response = event.detail.questionnaireResponse;
    expect(response?.status).toBe('completed');
    expect(response?.questionnaire).toBe(`urn:backcheck:questionnaire:${rules.meta.id}|${rules.meta.version}`);
    // Answers sit in their section, and warning signs in their grouped check inside it.
    type Item = NonNullable<NonNullable<typeof response>['item']>[number];
    const leaves = (items: Item[] | undefined): Item[] => (items ?? []).flatMap((i) => (i.answer ? [i] : leaves(i.item)));
    const answered = leaves(response?.item);
    expect(answered.map((i) => i.linkId).sort()).toEqual(Object.keys(calmAnswers).sort());
    // The person's language at the end of the check.
    const firstQuestion = rules.questions.find((q) => q.id === answered[0]?.linkId);
    expect(answered[0]?.text).toBe(firstQuestion?.text.es);
    expect(fhirSchemaErrors(response)).toEqual([]);
  });

  it('with share-answers, a follow-up\'s result carries its answers as a response to the follow-up Questionnaire, naming the first', () => {
    const share = shareAnswersIn(() => 'en');
    const EARLIER = '0b7a6f43-3c1e-4d0e-9a55-6f1f2b9c8d10';
    const first = toWidgetEvent({ ...complete, responseId: EARLIER } as CheckEvent, share, STATE);
    const followUp = toWidgetEvent(
      {
        type: 'followup-complete',
        urgency: 'self-care',
        outcome: 'better',
        daysSince: 3,
        rulesId: rules.meta.id,
        rulesVersion: rules.meta.version,
        answers: { ...calmAnswers, pain_score: 2, pain_trend: 'better' },
        responseId: '5f2d0c9e-8b7a-4c6d-a1e2-3f4a5b6c7d8e',
        followUpOf: EARLIER,
      },
      share,
      STATE,
    );
    if (first.type !== 'backcheck:complete' || followUp.type !== 'backcheck:followup-complete') throw new Error('unexpected events');
    const earlier = first.detail.questionnaireResponse;
    const later = followUp.detail.questionnaireResponse;
    // The same id: the first response's identifier is what the follow-up's extension names.
    expect(earlier?.identifier).toEqual({ system: 'urn:backcheck:questionnaire-response', value: EARLIER });
    expect(later?.extension?.[0]?.valueReference?.identifier).toEqual(earlier?.identifier);
    expect(later?.identifier?.value).toBe('5f2d0c9e-8b7a-4c6d-a1e2-3f4a5b6c7d8e');
    expect(later?.questionnaire).toBe(`urn:backcheck:questionnaire:${rules.meta.id}:follow-up|${rules.meta.version}`);
    expect(followUp.detail.answers).toMatchObject({ pain_score: 2, pain_trend: 'better' });
    expect(fhirSchemaErrors(later)).toEqual([]);
    // Without share-answers the same event says only the outcome.
    const plain = toWidgetEvent({ type: 'followup-complete', urgency: 'self-care', outcome: 'better', daysSince: 3, rulesId: 'r', rulesVersion: '1' }, null, STATE);
    expect(Object.keys(plain.detail).sort()).toEqual(['checkId', 'daysSince', 'locale', 'outcome', 'rulesId', 'rulesVersion', 'urgency']);
  });

  it('shares only answers that still apply', () => {
    const visible = new Set(visibleQuestions(rules, calmAnswers).map((q) => q.id));
    const hiddenQuestion = rules.questions.find((q) => q.showIf !== undefined && !visible.has(q.id) && q.type !== 'scale');
    if (!hiddenQuestion || hiddenQuestion.type === 'scale') throw new Error('the rules have no conditional choice question');
    const stray = { ...calmAnswers, [hiddenQuestion.id]: hiddenQuestion.type === 'multi' ? [hiddenQuestion.options[0]!.id] : hiddenQuestion.options[0]!.id };
    const shared = shareAnswersIn(() => 'en')(stray, { form: 'check' });
    expect(Object.keys(shared.answers)).not.toContain(hiddenQuestion.id);
  });

  it('never puts answers into start, step or book events; each names its check and language, and book its urgency', () => {
    expect(toWidgetEvent({ type: 'step', section: 'pain', screen: 'pain_now', stepNumber: 4 }, shareAnswersIn(() => 'en'), STATE)).toEqual({
      type: 'backcheck:step',
      detail: { ...CONTEXT, section: 'pain', screen: 'pain_now', stepNumber: 4 },
    });
    expect(toWidgetEvent({ type: 'book', via: 'phone' }, null, STATE)).toEqual({ type: 'backcheck:book', detail: { ...CONTEXT, via: 'phone', urgency: 'consult' } });
    expect(toWidgetEvent({ type: 'start' }, null, STATE)).toEqual({ type: 'backcheck:start', detail: CONTEXT });
  });
});

describe('widgetEventSender', () => {
  it('delivers events in order, even when the complete event waits for the sharing code', async () => {
    const delivered: WidgetEvent['type'][] = [];
    let release: (share: ReturnType<typeof shareAnswersIn>) => void = () => undefined;
    const loading = new Promise<ReturnType<typeof shareAnswersIn>>((resolve) => {
      release = resolve;
    });
    const send = widgetEventSender(true, () => loading, (e) => delivered.push(e.type), () => 'en');
    send({ type: 'start' });
    send(complete);
    send({ type: 'book', via: 'booking' });
    await new Promise((r) => setTimeout(r, 0));
    expect(delivered).toEqual([]);
    release(shareAnswersIn(() => 'en'));
    await vi.waitFor(() => expect(delivered).toEqual(['backcheck:start', 'backcheck:complete', 'backcheck:book']));
  });

  it('does not load the sharing code without share-answers', async () => {
    const load = vi.fn(() => Promise.resolve(shareAnswersIn(() => 'en')));
    const delivered: WidgetEvent[] = [];
    const send = widgetEventSender(false, load, (e) => delivered.push(e), () => 'en');
    send(complete);
    await vi.waitFor(() => expect(delivered).toHaveLength(1));
    expect(load).not.toHaveBeenCalled();
    expect(delivered[0]?.detail).not.toHaveProperty('answers');
  });

  it('gives each check its own random id (Start again is a new check), the language at the time, and book the urgency of its result', async () => {
    const delivered: WidgetEvent[] = [];
    let locale: 'en' | 'es' = 'en';
    const send = widgetEventSender(false, () => Promise.reject(new Error('not used')), (e) => delivered.push(e), () => locale);
    send({ type: 'start' });
    send({ type: 'step', section: 'red_flags', screen: 'rf_group', stepNumber: 1 });
    locale = 'es';
    send({ ...complete, urgency: 'urgent' } as CheckEvent);
    send({ type: 'book', via: 'phone' });
    send({ type: 'start' });
    await vi.waitFor(() => expect(delivered).toHaveLength(5));
    const ids = delivered.map((e) => (e.detail as { checkId: string }).checkId);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids.slice(0, 4)).size).toBe(1);
    expect(ids[4]).not.toBe(ids[0]);
    expect(delivered.map((e) => (e.detail as { locale: string }).locale)).toEqual(['en', 'en', 'es', 'es', 'es']);
    expect(delivered[3]).toEqual({ type: 'backcheck:book', detail: { checkId: ids[0], locale: 'es', via: 'phone', urgency: 'urgent' } });
  });
});
