// The messages the iframe widget posts to its host page. The host script checks each one with `isWidgetMessage`
// (hand-written so the host script stays under 2 KB); tests prove it accepts exactly what the zod schema in
// tests/embed accepts.
export const MESSAGE_SOURCE = 'backcheck';

export const WIDGET_EVENT_TYPES = [
  'backcheck:start',
  'backcheck:step',
  'backcheck:complete',
  'backcheck:book',
  'backcheck:resize',
] as const;
export type WidgetEventType = (typeof WIDGET_EVENT_TYPES)[number];

export interface WidgetMessage {
  source: typeof MESSAGE_SOURCE;
  type: WidgetEventType;
  detail: Record<string, unknown>;
}

export function isWidgetMessage(data: unknown): data is WidgetMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return (
    m.source === MESSAGE_SOURCE &&
    typeof m.type === 'string' &&
    (WIDGET_EVENT_TYPES as readonly string[]).includes(m.type) &&
    typeof m.detail === 'object' &&
    m.detail !== null &&
    !Array.isArray(m.detail) &&
    (m.type !== 'backcheck:resize' || isHeight((m.detail as Record<string, unknown>).height))
  );
}

function isHeight(h: unknown): h is number {
  return typeof h === 'number' && Number.isFinite(h) && h >= 0 && h <= 100_000;
}
