// The messages between the iframe widget (embed.html) and its host page's script (backcheck-host.js).
//   host -> frame: `backcheck:hello`, sent when the host script finds a backcheck iframe and whenever it loads.
//   frame -> host: the widget's events, `backcheck:resize`, and `backcheck:ready` (the answer to hello, with the
//                  current height), only ever to an origin listed in `allowed-origin`.
// A frame that never answers is how the host script knows something is wrong (host.ts says what). The checks are
// hand-written so the host script stays under 2 KB; tests prove they accept exactly what the zod schema in
// tests/embed accepts.
export const MESSAGE_SOURCE = 'backcheck';
/** How long a frame may take, after it loads, to say anything before the host script warns. */
export const SILENCE_MS = 5000;
export const HOST_SOURCE = 'backcheck-host';

export const WIDGET_EVENT_TYPES = [
  'backcheck:start',
  'backcheck:step',
  'backcheck:complete',
  'backcheck:book',
  'backcheck:followup-offered',
  'backcheck:followup-accepted',
  'backcheck:followup-complete',
  'backcheck:resize',
  'backcheck:ready',
] as const;
export type WidgetEventType = (typeof WIDGET_EVENT_TYPES)[number];

/** Messages that only work the frame (its size, the handshake) and are not re-dispatched as page events. */
export const FRAME_ONLY_TYPES: readonly WidgetEventType[] = ['backcheck:resize', 'backcheck:ready'];

export interface WidgetMessage {
  source: typeof MESSAGE_SOURCE;
  type: WidgetEventType;
  detail: Record<string, unknown>;
}

export interface HelloMessage {
  source: typeof HOST_SOURCE;
  type: 'backcheck:hello';
  /** The host script's version, for the frame's diagnostics. */
  version: string;
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
    validHeight(m.type, (m.detail as Record<string, unknown>).height)
  );
}

/** A resize always carries the height the frame needs; a ready carries it once the frame has measured itself. */
function validHeight(type: string, height: unknown): boolean {
  if (type === 'backcheck:resize') return isHeight(height);
  return type !== 'backcheck:ready' || height === undefined || isHeight(height);
}

export function isHelloMessage(data: unknown): data is HelloMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return m.source === HOST_SOURCE && m.type === 'backcheck:hello' && typeof m.version === 'string';
}

function isHeight(h: unknown): h is number {
  return typeof h === 'number' && Number.isFinite(h) && h >= 0 && h <= 100_000;
}

/**
 * The `allowed-origin` values of an embed.html address, each list split on spaces and commas; a parameter may also be
 * given several times. Read the same way by the frame (options.ts checks each entry) and the host script.
 */
export function allowedOriginParam(params: URLSearchParams): string | null {
  const all = params.getAll('allowed-origin');
  return all.length > 0 ? all.join(' ') : null;
}
