// The iframe's side of the handshake: messages go only to an allowed origin, and the page that framed it is named on
// the console when it is not one of them.
import { describe, expect, it } from 'vitest';
import { frameLink, framingOrigin, type FrameLinkInput } from '../../src/embed/frame-link.ts';
import { HOST_SOURCE, MESSAGE_SOURCE, type WidgetMessage } from '../../src/embed/messages.ts';

const HELLO = { source: HOST_SOURCE, type: 'backcheck:hello', version: '9.9.9' };
const start: WidgetMessage = { source: MESSAGE_SOURCE, type: 'backcheck:start', detail: {} };
const resize = (height: number): WidgetMessage => ({ source: MESSAGE_SOURCE, type: 'backcheck:resize', detail: { height } });

function link(allowed: string[], parentOrigin: string | null) {
  const posted: { message: WidgetMessage; origin: string }[] = [];
  const errors: string[] = [];
  const input: FrameLinkInput = {
    allowed,
    parentOrigin,
    version: '1.0.0',
    post: (message, origin) => posted.push({ message, origin }),
    error: (text) => errors.push(text),
  };
  return { link: frameLink(input), posted, errors };
}

describe('frameLink', () => {
  it('posts to the page that framed it when allowed, and answers its hello with the height and version', () => {
    const { link: l, posted, errors } = link(['https://www.clinic.example', 'https://clinic.example'], 'https://clinic.example');
    l.send(resize(640));
    l.send(start);
    l.receive(HELLO, 'https://clinic.example');
    expect(errors).toEqual([]);
    expect(posted).toEqual([
      { message: resize(640), origin: 'https://clinic.example' },
      { message: start, origin: 'https://clinic.example' },
      { message: { source: MESSAGE_SOURCE, type: 'backcheck:ready', detail: { height: 640, version: '1.0.0' } }, origin: 'https://clinic.example' },
    ]);
  });

  it('names both origins once, and sends nothing, when the page that framed it is not allowed', () => {
    const { link: l, posted, errors } = link(['http://localhost:8080'], 'http://127.0.0.1:8080');
    l.send(resize(640));
    l.send(start);
    l.receive(HELLO, 'http://127.0.0.1:8080');
    expect(posted).toEqual([]);
    expect(errors).toEqual([
      'backcheck embed.html: this check is shown on http://127.0.0.1:8080, but "allowed-origin" lists http://localhost:8080, so no events ' +
        'or size changes are sent to it. Origins must match exactly (scheme, host and port: www. and localhost vs 127.0.0.1 count); ' +
        'add http://127.0.0.1:8080 to allowed-origin.',
    ]);
  });

  it('without allowed-origin says what to add, with the real origin when the browser tells it', () => {
    const { link: l, posted, errors } = link([], 'https://clinic.example');
    l.send(start);
    l.receive(HELLO, 'https://clinic.example');
    expect(posted).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/no "allowed-origin" in the address, so no events or size changes are sent to https:\/\/clinic\.example\. Add &allowed-origin=https%3A%2F%2Fclinic\.example to the iframe's src/);
  });

  it('when the browser does not say who framed it, waits for the hello to pick among several allowed origins', () => {
    const { link: l, posted, errors } = link(['https://clinic.example', 'https://staging.clinic.example'], null);
    l.send(resize(500));
    l.send(start);
    expect(posted).toEqual([]);
    l.receive(HELLO, 'https://staging.clinic.example');
    expect(errors).toEqual([]);
    expect(posted.map((p) => [p.message.type, p.origin])).toEqual([
      ['backcheck:start', 'https://staging.clinic.example'],
      ['backcheck:ready', 'https://staging.clinic.example'],
    ]);
    expect(posted[1]?.message.detail).toEqual({ height: 500, version: '1.0.0' });
  });

  it('when the browser does not say, a hello from an origin not on the list is named on the console', () => {
    const { link: l, posted, errors } = link(['https://clinic.example', 'https://staging.clinic.example'], null);
    l.receive(HELLO, 'https://evil.example');
    l.receive(HELLO, 'https://evil.example');
    expect(posted).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('shown on https://evil.example, but "allowed-origin" lists https://clinic.example https://staging.clinic.example');
  });

  it('with a single allowed origin and no word from the browser, posts to it (the browser enforces the match)', () => {
    const { link: l, posted } = link(['https://clinic.example'], null);
    l.send(start);
    expect(posted).toEqual([{ message: start, origin: 'https://clinic.example' }]);
  });

  it('ignores anything that is not a hello', () => {
    const { link: l, posted, errors } = link(['https://clinic.example'], 'https://clinic.example');
    l.receive({ source: 'backcheck-host', type: 'backcheck:hi' }, 'https://clinic.example');
    l.receive('hello', 'https://evil.example');
    expect(posted).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('framingOrigin', () => {
  const at = (ancestors: string[] | undefined) => ({ ancestorOrigins: ancestors }) as unknown as Location;

  it('prefers the ancestor origin the browser gives, then the referrer, else says it does not know', () => {
    expect(framingOrigin(at(['https://clinic.example']), 'https://other.example/page')).toBe('https://clinic.example');
    expect(framingOrigin(at(undefined), 'https://clinic.example/book?x=1')).toBe('https://clinic.example');
    expect(framingOrigin(at([]), '')).toBeNull();
    expect(framingOrigin(at(['null']), 'not a url')).toBeNull();
  });
});
