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
      // The review page's Web Worker is a script from the same site: worker-src falls back to child-src, then to
      // script-src 'self', which allows exactly that (no blob: or data: workers, nothing from elsewhere).
      expect(policy.get('worker-src') ?? policy.get('child-src') ?? policy.get('script-src')).toBe("'self'");
    });
  }

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
