// The host script's hand-written message check accepts exactly what this zod schema accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { isWidgetMessage, MESSAGE_SOURCE, WIDGET_EVENT_TYPES } from '../../src/embed/messages.ts';

const Detail = z.record(z.string(), z.unknown());
const WidgetMessageSchema = z.discriminatedUnion('type', [
  z.object({ source: z.literal(MESSAGE_SOURCE), type: z.literal('backcheck:resize'), detail: z.looseObject({ height: z.number().finite().min(0).max(100_000) }) }),
  ...WIDGET_EVENT_TYPES.filter((t) => t !== 'backcheck:resize').map((t) =>
    z.object({ source: z.literal(MESSAGE_SOURCE), type: z.literal(t), detail: Detail }),
  ),
]);

const messageLike = fc.record(
  {
    source: fc.oneof(fc.constant(MESSAGE_SOURCE), fc.string(), fc.integer()),
    type: fc.oneof(fc.constantFrom(...WIDGET_EVENT_TYPES), fc.string(), fc.constant('backcheck:other')),
    detail: fc.oneof(
      fc.record({ height: fc.oneof(fc.double(), fc.integer({ min: -10, max: 200_000 }), fc.string()) }, { requiredKeys: [] }),
      fc.dictionary(fc.string(), fc.jsonValue()),
      fc.constant(null),
      fc.array(fc.integer()),
      fc.string(),
    ),
  },
  { requiredKeys: [] },
);

describe('isWidgetMessage', () => {
  it('agrees with the zod schema on any message-like value', () => {
    fc.assert(
      fc.property(fc.oneof(messageLike, fc.anything()), (value) => {
        expect(isWidgetMessage(value)).toBe(WidgetMessageSchema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts a resize with a sane height and refuses one that would blow up the page', () => {
    expect(isWidgetMessage({ source: 'backcheck', type: 'backcheck:resize', detail: { height: 640 } })).toBe(true);
    expect(isWidgetMessage({ source: 'backcheck', type: 'backcheck:resize', detail: { height: 1e9 } })).toBe(false);
    expect(isWidgetMessage({ source: 'backcheck', type: 'backcheck:resize', detail: { height: Number.NaN } })).toBe(false);
  });
});
