// The npm package's event types (src/embed/event-types.ts, self-contained for the package's .d.ts) are exactly the
// shapes the check sends: checked by the type checker (npm run typecheck) and, for the values, at run time.
import { describe, expectTypeOf, expect, it } from 'vitest';
import type { BookDetail, CompleteDetail, Likelihood, StepDetail, Urgency } from '../../src/embed/event-types.ts';
import { toWidgetEvent } from '../../src/embed/events.ts';
import type * as Rules from '../../src/rules/schema.ts';
import type { CheckEvent } from '../../src/ui/host-events.ts';

type Internal<T extends CheckEvent['type']> = Omit<Extract<CheckEvent, { type: T }>, 'type'>;

describe('the event types the package exports', () => {
  it("are the check's own types, field for field", () => {
    expectTypeOf<Urgency>().toEqualTypeOf<Rules.Urgency>();
    expectTypeOf<Likelihood>().toEqualTypeOf<Rules.Likelihood>();
    expectTypeOf<StepDetail>().toEqualTypeOf<Internal<'step'>>();
    expectTypeOf<BookDetail>().toEqualTypeOf<Internal<'book'>>();
    expectTypeOf<Omit<CompleteDetail, 'questionnaireResponse'>>().toEqualTypeOf<Internal<'complete'>>();
  });

  it('type the events on elements and the document', () => {
    expectTypeOf<HTMLElementEventMap['backcheck:complete']>().toEqualTypeOf<CustomEvent<CompleteDetail>>();
    expectTypeOf<DocumentEventMap['backcheck:step']>().toEqualTypeOf<CustomEvent<StepDetail>>();
  });

  it('describe what toWidgetEvent sends', () => {
    const event = toWidgetEvent({ type: 'book', via: 'phone' }, null);
    expect(event).toEqual({ type: 'backcheck:book', detail: { via: 'phone' } });
    expectTypeOf(event.detail).toExtend<BookDetail | StepDetail | CompleteDetail | Record<string, never>>();
  });
});
