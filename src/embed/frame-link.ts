// The iframe page's side of the link to its host page. It posts only to an origin the clinic listed in
// `allowed-origin`, and it finds out which page actually framed it, so that a wrong or missing `allowed-origin` is one
// clear console error naming both origins instead of a frame that silently sends nothing:
//   - where the browser tells it (location.ancestorOrigins, else the referrer), at once;
//   - otherwise from the host script's `backcheck:hello`, whose origin the browser vouches for.
import { isHelloMessage, MESSAGE_SOURCE, type WidgetMessage } from './messages.ts';

const WHERE = 'backcheck embed.html';
/** Events waiting for the host page's origin to be known (a person cannot do much before the hello arrives). */
const MAX_QUEUED = 50;

export interface FrameLinkInput {
  /** The checked `allowed-origin` list. */
  allowed: readonly string[];
  /** The origin of the page framing this one, where the browser says; null when it does not. */
  parentOrigin: string | null;
  version: string;
  post: (message: WidgetMessage, targetOrigin: string) => void;
  error: (text: string) => void;
}

export interface FrameLink {
  /** Sends a message to the host page, if it is allowed to receive it. */
  send: (message: WidgetMessage) => void;
  /** A message that arrived from the parent window. */
  receive: (data: unknown, origin: string) => void;
}

export function frameLink({ allowed, parentOrigin, version, post, error }: FrameLinkInput): FrameLink {
  let target: string | null = null;
  let refused = false;
  let height: number | null = null;
  const queue: WidgetMessage[] = [];

  const refuse = (actual: string | null) => {
    if (refused) return;
    refused = true;
    error(refusal(allowed, actual));
  };
  const connect = (origin: string) => {
    target = origin;
    for (const message of queue.splice(0)) post(message, origin);
  };

  if (allowed.length === 0) refuse(parentOrigin);
  else if (parentOrigin !== null) {
    if (allowed.includes(parentOrigin)) connect(parentOrigin);
    else refuse(parentOrigin);
  } else if (allowed.length === 1) {
    // The browser did not say who framed us; with one candidate, the browser's own target check decides.
    connect(allowed[0] as string);
  }

  return {
    send(message) {
      if (message.type === 'backcheck:resize') height = Number(message.detail.height);
      if (target !== null) post(message, target);
      else if (!refused && message.type !== 'backcheck:resize' && queue.length < MAX_QUEUED) queue.push(message);
    },
    receive(data, origin) {
      if (!isHelloMessage(data)) return;
      if (!allowed.includes(origin)) {
        refuse(origin);
        return;
      }
      if (target === null) connect(origin);
      // The answer that tells the host script this frame is alive, with the size it needs now (the host script may
      // have arrived after the first size was sent).
      if (target === origin) {
        post({ source: MESSAGE_SOURCE, type: 'backcheck:ready', detail: height === null ? { version } : { height, version } }, origin);
      }
    },
  };
}

function refusal(allowed: readonly string[], actual: string | null): string {
  const page = actual ?? 'your page';
  if (allowed.length === 0) {
    return (
      `${WHERE}: no "allowed-origin" in the address, so no events or size changes are sent to ${page}. ` +
      `Add &allowed-origin=${encodeURIComponent(actual ?? 'https://your-clinic.example')} to the iframe's src (your page's origin).`
    );
  }
  return (
    `${WHERE}: this check is shown on ${page}, but "allowed-origin" lists ${allowed.join(' ')}, so no events or size ` +
    `changes are sent to it. Origins must match exactly (scheme, host and port: www. and localhost vs 127.0.0.1 count); ` +
    `add ${page} to allowed-origin.`
  );
}

/** Where the browser says who framed this page: location.ancestorOrigins (Chromium, Safari), else the referrer. */
export function framingOrigin(location: Location, referrer: string): string | null {
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor && ancestor !== 'null') return ancestor;
  try {
    return referrer ? new URL(referrer).origin : null;
  } catch {
    return null;
  }
}
