// backcheck-host.js: resizes and relays only for messages from a backcheck iframe's own window and origin, with the
// right shape.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

const WIDGET_ORIGIN = 'https://widget.example';
let frame: HTMLIFrameElement;
let other: HTMLIFrameElement;

beforeAll(async () => {
  await import('../../src/embed/host.ts');
});

beforeEach(() => {
  document.body.innerHTML = '';
  frame = document.createElement('iframe');
  frame.setAttribute('data-backcheck', '');
  frame.src = `${WIDGET_ORIGIN}/embed.html?allowed-origin=${encodeURIComponent(location.origin)}`;
  other = document.createElement('iframe');
  other.src = `${WIDGET_ORIGIN}/embed.html`;
  document.body.append(frame, other);
});

function post(data: unknown, from: { source: Window | null; origin: string }) {
  window.dispatchEvent(new MessageEvent('message', { data, origin: from.origin, source: from.source }));
}

function received(): unknown[] {
  const got: unknown[] = [];
  for (const type of ['backcheck:start', 'backcheck:step', 'backcheck:complete', 'backcheck:book']) {
    document.addEventListener(type, (e) => got.push({ type, detail: (e as CustomEvent).detail, target: e.target }));
  }
  return got;
}

describe('the iframe host script', () => {
  it("sets the iframe's height from a resize message", () => {
    post({ source: 'backcheck', type: 'backcheck:resize', detail: { height: 812.4 } }, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    expect(frame.style.height).toBe('813px');
  });

  it('re-dispatches widget events on the iframe element, bubbling to the document', () => {
    const got = received();
    post({ source: 'backcheck', type: 'backcheck:step', detail: { section: 'pain', questionNumber: 3 } }, { source: frame.contentWindow, origin: WIDGET_ORIGIN });
    expect(got).toEqual([{ type: 'backcheck:step', detail: { section: 'pain', questionNumber: 3 }, target: frame }]);
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
});
