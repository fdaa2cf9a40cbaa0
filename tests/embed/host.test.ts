// backcheck-host.js: resizes and relays only for messages from a backcheck iframe's own window and origin, with the
// right shape; greets each frame; warns, with the likely cause, about a frame that stays silent; and does all of it
// once when included twice.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SILENCE_MS, WIDGET_EVENT_TYPES } from '../../src/embed/messages.ts';

const WIDGET_ORIGIN = 'https://widget.example';
// Every widget event, the follow-up's three included (the host script relays what messages.ts lists).
const RELAYED: readonly string[] = WIDGET_EVENT_TYPES;
let frame: HTMLIFrameElement;
let other: HTMLIFrameElement;
let warnings: string[];

beforeAll(async () => {
  await import('../../src/embed/host.ts');
});

beforeEach(() => {
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((text: unknown) => void warnings.push(String(text)));
  document.body.innerHTML = '';
  frame = backcheckFrame(`${WIDGET_ORIGIN}/embed.html?allowed-origin=${encodeURIComponent(location.origin)}`, 'check');
  other = document.createElement('iframe');
  other.src = `${WIDGET_ORIGIN}/embed.html`;
  document.body.append(frame, other);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function backcheckFrame(src: string, id: string): HTMLIFrameElement {
  const f = document.createElement('iframe');
  f.setAttribute('data-backcheck', '');
  f.id = id;
  f.src = src;
  return f;
}

function post(data: unknown, from: { source: Window | null; origin: string }) {
  window.dispatchEvent(new MessageEvent('message', { data, origin: from.origin, source: from.source }));
}

function received(): unknown[] {
  const got: unknown[] = [];
  for (const type of RELAYED) {
    document.addEventListener(type, (e) => got.push({ type, detail: (e as CustomEvent).detail, target: e.target }));
  }
  return got;
}

/** Lets the host's MutationObserver see frames added in this task. */
const observed = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('the iframe host script', () => {
  it("sets the iframe's height from a resize message", () => {
    post({ source: 'backcheck', type: 'backcheck:resize', detail: { height: 812.4 } }, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    expect(frame.style.height).toBe('813px');
  });

  it('re-dispatches widget events on the iframe element, bubbling to the document', () => {
    const got = received();
    post({ source: 'backcheck', type: 'backcheck:step', detail: { section: 'pain', screen: 'pain_now', stepNumber: 3 } }, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    expect(got).toEqual([{ type: 'backcheck:step', detail: { section: 'pain', screen: 'pain_now', stepNumber: 3 }, target: frame }]);
  });

  it("scrolls the page back to the frame's top on a new screen when the page is scrolled past it, and only then", () => {
    const scrolled = vi.fn();
    frame.scrollIntoView = scrolled;
    const step = { source: 'backcheck', type: 'backcheck:step', detail: { section: 'pain', screen: 'pain_now', stepNumber: 3 } };
    const at = (top: number) => vi.spyOn(frame, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, top, 300, 900));
    at(40);
    post(step, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    expect(scrolled).not.toHaveBeenCalled();
    at(-1163);
    post({ source: 'backcheck', type: 'backcheck:resize', detail: { height: 955 } }, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    expect(scrolled).not.toHaveBeenCalled();
    post(step, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    expect(scrolled).toHaveBeenCalledExactlyOnceWith({ block: 'start' });
  });

  it('ignores messages from another origin, another window, a frame not marked data-backcheck, or of the wrong shape', () => {
    const got = received();
    const start = { source: 'backcheck', type: 'backcheck:start', detail: {} };
    post(start, { source: frame.contentWindow, origin: 'https://evil.example' });
    post(start, { source: window, origin: WIDGET_ORIGIN });
    post(start, { source: other.contentWindow, origin: WIDGET_ORIGIN });
    post({ ...start, type: 'backcheck:steal' }, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    post({ ...start, detail: 'x' }, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    post({ source: 'backcheck', type: 'backcheck:resize', detail: { height: -5 } }, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    expect(got).toEqual([]);
    expect(frame.style.height).toBe('');
  });

  it('greets a frame when it loads, at its own origin only', async () => {
    await observed();
    const sent = vi.spyOn(frame.contentWindow as Window, 'postMessage').mockImplementation(() => undefined);
    frame.dispatchEvent(new Event('load'));
    expect(sent).toHaveBeenCalledWith({ source: 'backcheck-host', type: 'backcheck:hello', version: expect.any(String) }, WIDGET_ORIGIN);
  });

  it("takes the frame's ready answer as its size, without telling the page an event happened", () => {
    const got = received();
    post({ source: 'backcheck', type: 'backcheck:ready', detail: { height: 700, version: '1.0.0' } }, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    expect(frame.style.height).toBe('700px');
    expect(got).toEqual([]);
  });
});

describe('a frame that says nothing', () => {
  it('is reported after a few seconds with the likely cause: no allowed-origin, another origin, or a frame that did not start', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const page = location.origin;
    const missing = backcheckFrame(`${WIDGET_ORIGIN}/embed.html?locale=en`, 'missing');
    const wrong = backcheckFrame(`${WIDGET_ORIGIN}/embed.html?allowed-origin=https%3A%2F%2Fwww.clinic.example`, 'wrong');
    const blank = backcheckFrame(`${WIDGET_ORIGIN}/cdn/embed.html?allowed-origin=${encodeURIComponent(page)}`, 'blank');
    const fine = backcheckFrame(`${WIDGET_ORIGIN}/embed.html?allowed-origin=${encodeURIComponent(page)}`, 'fine');
    document.body.append(missing, wrong, blank, fine);
    await observed();
    for (const f of [missing, wrong, blank, fine]) f.dispatchEvent(new Event('load'));
    post({ source: 'backcheck', type: 'backcheck:resize', detail: { height: 600 } }, { source: fine.contentWindow, origin: WIDGET_ORIGIN });

    vi.advanceTimersByTime(SILENCE_MS - 1);
    expect(warnings.filter((w) => /#(missing|wrong|blank|fine)/.test(w))).toEqual([]);
    vi.advanceTimersByTime(1);
    const about = (id: string) => warnings.filter((w) => w.includes(`iframe #${id} `));
    expect(about('missing')).toEqual([
      expect.stringMatching(new RegExp(`has said nothing for 5 s: its address has no allowed-origin\\. Add &allowed-origin=${encodeURIComponent(page).replace(/\./g, '\\.')} to its src\\.$`)),
    ]);
    expect(about('wrong')).toEqual([
      expect.stringContaining(`its allowed-origin lists https://www.clinic.example, not this page's origin ${page}. Origins must match exactly`),
    ]);
    expect(about('blank')).toEqual([expect.stringContaining('embed.html did not start. Open https://widget.example/cdn/embed.html?')]);
    expect(about('blank')[0]).toMatch(/keep the release folder whole.*frame-ancestors must list/);
    // The page's own policy is the other half: it must let the frame's origin in.
    expect(about('blank')[0]).toContain("this page's own Content-Security-Policy does not let it in (its frame-src must list https://widget.example)");
    expect(about('fine')).toEqual([]);
  });

  it('watches frames a page adds later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const wrapper = document.createElement('div');
    wrapper.append(backcheckFrame(`${WIDGET_ORIGIN}/embed.html`, 'late'));
    document.body.append(wrapper);
    await observed();
    vi.advanceTimersByTime(SILENCE_MS);
    expect(warnings.filter((w) => w.includes('#late'))).toHaveLength(1);
  });
});

describe('included twice', () => {
  it('says so once, and every event still reaches the page once', async () => {
    vi.resetModules();
    await import('../../src/embed/host.ts');
    expect(warnings).toEqual([expect.stringMatching(/^backcheck-host\.js .* is on this page more than once; only the first, .* relays events, so each arrives once/)]);
    const got = received();
    post({ source: 'backcheck', type: 'backcheck:start', detail: {} }, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    expect(got).toHaveLength(1);
  });
});
