// backcheck-host.js: the few lines a clinic adds beside the iframe. It sizes each backcheck iframe to its content,
// re-dispatches the widget's events on the iframe element as DOM CustomEvents, and says on the console what is wrong
// when a frame stays silent. It trusts a message only if it comes from that iframe's window AND that iframe's origin
// AND has the right shape. Included twice, only the first copy works, so every event arrives once.
// No exports: the build wraps this file in an IIFE, and an export would become a global.
import { allowedOriginParam, FRAME_ONLY_TYPES, HOST_SOURCE, isWidgetMessage, SILENCE_MS, type HelloMessage } from './messages.ts';
import { VERSION } from './version.ts';
const ME = `backcheck-host.js ${VERSION}`;
/** About the first screen's height in a common column: room kept for the check when the page reserved none. */
const PLACEHOLDER_PX = 720;
const KEY = Symbol.for('backcheck-host');

interface FrameState {
  /** The frame has sent a valid message since it last loaded. */
  heard: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const registry = window as unknown as Record<symbol, string | undefined>;
const first = registry[KEY];
const here = `${ME} (${document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : 'inline'})`;
if (first) {
  console.warn(`${here} is on this page more than once; only the first, ${first}, relays events, so each arrives once. Remove the extra <script>.`);
} else {
  registry[KEY] = here;
  relay();
}

function relay(): void {
  const frames = new Map<HTMLIFrameElement, FrameState>();

  const originOf = (frame: HTMLIFrameElement): string | null => {
    try {
      return new URL(frame.src, location.href).origin;
    } catch {
      return null;
    }
  };
  const hello = (frame: HTMLIFrameElement) => {
    const origin = originOf(frame);
    const message: HelloMessage = { source: HOST_SOURCE, type: 'backcheck:hello', version: VERSION };
    if (origin && frame.contentWindow) frame.contentWindow.postMessage(message, origin);
  };
  const listen = (frame: HTMLIFrameElement, state: FrameState) => {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      if (!state.heard) console.warn(silence(frame));
    }, SILENCE_MS);
  };
  const watch = (frame: HTMLIFrameElement) => {
    if (frames.has(frame)) return;
    const state: FrameState = { heard: false, timer: undefined };
    frames.set(frame, state);
    // Still the browser's default 150 px (the page set no height): keep about the first screen's height instead,
    // so the page below moves less when the check arrives. The page's own CSS height, or attribute, is left alone.
    if (!frame.hasAttribute('height') && !frame.style.height && getComputedStyle(frame).height === '150px') {
      frame.style.height = `${PLACEHOLDER_PX}px`;
    }
    frame.addEventListener('load', () => {
      state.heard = false;
      hello(frame);
      listen(frame, state);
    });
    // Already loaded (this script came late): say hello now. Still the initial about:blank: wait for its load.
    if (!isBlank(frame)) hello(frame);
    listen(frame, state);
  };
  const inside = (root: ParentNode) => Array.from(root.querySelectorAll<HTMLIFrameElement>('iframe[data-backcheck]'));
  const watchAll = (root: ParentNode) => inside(root).forEach(watch);

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const frame = inside(document).find((f) => f.contentWindow === event.source);
    if (!frame || event.origin !== originOf(frame) || !isWidgetMessage(event.data)) return;
    watch(frame);
    (frames.get(frame) as FrameState).heard = true;
    const { type, detail } = event.data;
    if (!FRAME_ONLY_TYPES.includes(type)) {
      frame.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
      // A new screen starts at the frame's top, as it does in the page itself: focus inside the frame moved to the
      // new heading, but the page stayed scrolled down a long screen, showing only the page below the frame.
      if ((type === 'backcheck:step' || type === 'backcheck:complete') && frame.getBoundingClientRect().top < 0) frame.scrollIntoView({ block: 'start' });
    } else if (typeof detail.height === 'number') {
      // CSSOM, not a style attribute: allowed under a strict style-src.
      frame.style.height = `${Math.ceil(detail.height)}px`;
    }
  });

  watchAll(document);
  // Frames added later (a single-page app, a consent banner that inserts the iframe).
  new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => {
        if (node instanceof HTMLIFrameElement && node.matches('iframe[data-backcheck]')) watch(node);
        else if (node instanceof Element) watchAll(node);
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

function isBlank(frame: HTMLIFrameElement): boolean {
  // A cross-origin document is not readable (null); the initial empty document is.
  return frame.contentDocument?.URL === 'about:blank';
}

/** The console warning for a frame that never spoke: what is most likely wrong, from what this page can see. */
function silence(frame: HTMLIFrameElement): string {
  const page = location.origin;
  let allowed: string[] = [];
  let frameOrigin = 'its origin';
  try {
    const src = new URL(frame.src, location.href);
    frameOrigin = src.origin;
    allowed = (allowedOriginParam(src.searchParams) ?? '').split(/[\s,]+/).filter(Boolean);
  } catch {
    // An unreadable src: reported as a frame that did not start.
  }
  const name = frame.id ? `#${frame.id}` : frame.src;
  let cause: string;
  if (allowed.length === 0) {
    cause = `its address has no allowed-origin. Add &allowed-origin=${encodeURIComponent(page)} to its src.`;
  } else if (!allowed.some((a) => a.replace(/\/$/, '').toLowerCase() === page)) {
    cause = `its allowed-origin lists ${allowed.join(' ')}, not this page's origin ${page}. Origins must match exactly (scheme, host, port); add ${page}.`;
  } else {
    cause =
      `embed.html did not start. Open ${frame.src} in a tab: if the check does not show, its files were not found (keep ` +
      `the release folder whole, embed.html beside its assets/ folder; the frame's console lists the 404s); if it shows, ` +
      `either its server does not let this page frame it (its frame-ancestors must list ${page}) or this page's own ` +
      `Content-Security-Policy does not let it in (its frame-src must list ${frameOrigin}).`;
  }
  return `${ME}: the backcheck iframe ${name} has said nothing for ${SILENCE_MS / 1000} s: ${cause}`;
}
