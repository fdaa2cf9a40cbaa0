// The pages' Content-Security-Policy: strict as shipped (no inline styles, no connections: answers cannot leave the
// page), loosened only by the dev server for Vite's reload socket and injected styles.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformHook } from 'vite';
import { devCsp } from '../../src/build/dev-csp.ts';
import { ROOT } from '../helpers.ts';

function csp(html: string): Map<string, string> {
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name ?? '', values.join(' ')]),
  );
}

describe('Content-Security-Policy of the pages', () => {
  for (const page of ['index.html', 'embed.html']) {
    it(`${page} as shipped allows no connection, no inline style and no inline script`, () => {
      const policy = csp(readFileSync(`${ROOT}${page}`, 'utf8'));
      expect(policy.get('connect-src')).toBe("'none'");
      expect(policy.get('style-src')).toBe("'self'");
      expect(policy.get('script-src')).toBe("'self'");
      expect(policy.get('object-src')).toBe("'none'");
    });
  }

  it("index.html allows workers and a manifest from its own site only: the review's worker, the offline worker (sw.js)", () => {
    const policy = csp(readFileSync(`${ROOT}index.html`, 'utf8'));
    expect(policy.get('worker-src')).toBe("'self'");
    expect(policy.get('manifest-src')).toBe("'self'");
  });

  it('embed.html allows no worker at all: a clinic\'s frame never runs a service worker', () => {
    expect(csp(readFileSync(`${ROOT}embed.html`, 'utf8')).get('worker-src')).toBe("'none'");
  });

  it('the server sends the same worker-src and manifest-src as each page says (deploy/nginx/backcheck.conf)', () => {
    const conf = readFileSync(`${ROOT}deploy/nginx/backcheck.conf`, 'utf8');
    expect(conf).toContain("connect-src 'none'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(conf).toContain("connect-src 'none'; worker-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors $backcheck_frame_ancestors");
  });

  it('the dev server alone loosens it for the reload socket and injected styles', () => {
    const html = readFileSync(`${ROOT}index.html`, 'utf8');
    const transform = devCsp().transformIndexHtml as IndexHtmlTransformHook;
    const loosened = csp(String(transform.call(undefined as never, html, { path: '/', filename: 'index.html' })));
    expect(loosened.get('connect-src')).toContain('ws://127.0.0.1:*');
    expect(loosened.get('style-src')).toContain("'unsafe-inline'");
    expect(loosened.get('script-src')).toBe("'self'");
    expect(devCsp().apply).toBe('serve');
  });
});
