// The npm package's event types (src/embed/event-types.ts, self-contained for the package's .d.ts) are exactly the
// shapes the check sends: checked by the type checker (npm run typecheck) and, for the values, at run time.
import { describe, expectTypeOf, expect, it } from 'vitest';
import type {
  BookDetail,
  CheckContext,
  CompleteDetail,
  FollowUpAcceptedDetail,
  FollowUpCompleteDetail,
  FollowUpOfferedDetail,
  Likelihood,
  Locale,
  StartDetail,
  StepDetail,
  Urgency,
} from '../../src/embed/event-types.ts';
import { toWidgetEvent } from '../../src/embed/events.ts';
import type * as Rules from '../../src/rules/schema.ts';
import type * as Text from '../../src/rules/text.ts';
import type { CheckEvent } from '../../src/ui/host-events.ts';

// The response ids the check reports go into the QuestionnaireResponse (its identifier, its follow-up-of extension),
// never into the detail itself.
type Internal<T extends CheckEvent['type']> = Omit<Extract<CheckEvent, { type: T }>, 'type' | 'responseId' | 'followUpOf'>;

describe('the event types the package exports', () => {
  it("are the check's own types, field for field", () => {
    expectTypeOf<Urgency>().toEqualTypeOf<Rules.Urgency>();
    expectTypeOf<Likelihood>().toEqualTypeOf<Rules.Likelihood>();
    expectTypeOf<Locale>().toEqualTypeOf<Text.Locale>();
    // Every event adds the check's id and language to what the check reports (and book the urgency it came from).
    expectTypeOf<StartDetail>().toEqualTypeOf<CheckContext>();
    expectTypeOf<Omit<StepDetail, keyof CheckContext>>().toEqualTypeOf<Internal<'step'>>();
    expectTypeOf<Omit<BookDetail, keyof CheckContext | 'urgency'>>().toEqualTypeOf<Internal<'book'>>();
    expectTypeOf<Omit<CompleteDetail, keyof CheckContext | 'questionnaireResponse'>>().toEqualTypeOf<Internal<'complete'>>();
    expectTypeOf<Omit<FollowUpOfferedDetail, keyof CheckContext>>().toEqualTypeOf<Internal<'followup-offered'>>();
    expectTypeOf<Omit<FollowUpAcceptedDetail, keyof CheckContext>>().toEqualTypeOf<Internal<'followup-accepted'>>();
    expectTypeOf<Omit<FollowUpCompleteDetail, keyof CheckContext | 'questionnaireResponse'>>().toEqualTypeOf<Internal<'followup-complete'>>();
  });

  it('send a follow-up\'s outcome, and no answer when the check reported none (share-answers off)', () => {
    const event = toWidgetEvent(
      { type: 'followup-complete', urgency: 'consult', outcome: 'same', daysSince: 7, rulesId: 'r', rulesVersion: '2.1.0' },
      () => {
        throw new Error('nothing to share: the check reports answers only with share-answers');
      },
      { checkId: 'c', locale: 'en', urgency: 'self-care' },
    );
    expect(event).toEqual({
      type: 'backcheck:followup-complete',
      detail: { checkId: 'c', locale: 'en', urgency: 'consult', outcome: 'same', daysSince: 7, rulesId: 'r', rulesVersion: '2.1.0' },
    });
    const offered = toWidgetEvent({ type: 'followup-accepted', urgency: 'self-care', afterDays: 2 }, null, { checkId: 'c', locale: 'en', urgency: 'self-care' });
    expect(offered).toEqual({ type: 'backcheck:followup-accepted', detail: { checkId: 'c', locale: 'en', urgency: 'self-care', afterDays: 2 } });
  });

  it('type the events on elements and the document', () => {
    expectTypeOf<HTMLElementEventMap['backcheck:complete']>().toEqualTypeOf<CustomEvent<CompleteDetail>>();
    expectTypeOf<DocumentEventMap['backcheck:step']>().toEqualTypeOf<CustomEvent<StepDetail>>();
  });

  it('describe what toWidgetEvent sends', () => {
    const event = toWidgetEvent({ type: 'book', via: 'phone' }, null, { checkId: 'c', locale: 'es', urgency: 'consult' });
    expect(event).toEqual({ type: 'backcheck:book', detail: { checkId: 'c', locale: 'es', via: 'phone', urgency: 'consult' } });
    expectTypeOf(event.detail).toExtend<BookDetail | StepDetail | CompleteDetail | StartDetail>();
  });
});
