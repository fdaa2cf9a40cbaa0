// The host script's hand-written message check accepts exactly what this zod schema accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { HOST_SOURCE, isHelloMessage, isWidgetMessage, MESSAGE_SOURCE, WIDGET_EVENT_TYPES } from '../../src/embed/messages.ts';

const Detail = z.record(z.string(), z.unknown());
const Height = z.number().finite().min(0).max(100_000);
const WidgetMessageSchema = z.discriminatedUnion('type', [
  z.object({ source: z.literal(MESSAGE_SOURCE), type: z.literal('backcheck:resize'), detail: z.looseObject({ height: Height }) }),
  // The answer to the host's hello: a height once the frame has measured itself.
  z.object({ source: z.literal(MESSAGE_SOURCE), type: z.literal('backcheck:ready'), detail: z.looseObject({ height: Height.optional() }) }),
  ...WIDGET_EVENT_TYPES.filter((t) => t !== 'backcheck:resize' && t !== 'backcheck:ready').map((t) =>
    z.object({ source: z.literal(MESSAGE_SOURCE), type: z.literal(t), detail: Detail }),
  ),
]);
const HelloSchema = z.object({ source: z.literal(HOST_SOURCE), type: z.literal('backcheck:hello'), version: z.string() });

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

  it("isHelloMessage agrees with the zod schema of the host script's hello", () => {
    const helloLike = fc.record(
      {
        source: fc.oneof(fc.constant(HOST_SOURCE), fc.constant(MESSAGE_SOURCE), fc.string()),
        type: fc.oneof(fc.constant('backcheck:hello'), fc.string()),
        version: fc.oneof(fc.string(), fc.integer()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(helloLike, fc.anything()), (value) => {
        expect(isHelloMessage(value)).toBe(HelloSchema.safeParse(value).success);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts a resize with a sane height and refuses one that would blow up the page', () => {
    expect(isWidgetMessage({ source: 'backcheck', type: 'backcheck:resize', detail: { height: 640 } })).toBe(true);
    expect(isWidgetMessage({ source: 'backcheck', type: 'backcheck:resize', detail: { height: 1e9 } })).toBe(false);
    expect(isWidgetMessage({ source: 'backcheck', type: 'backcheck:resize', detail: { height: Number.NaN } })).toBe(false);
  });
});
