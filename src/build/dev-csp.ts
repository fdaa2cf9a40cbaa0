// The pages ship a strict Content-Security-Policy (no inline styles, no network connections at all). Vite's dev
// server needs two things that policy forbids: a websocket for hot reload, and <style> elements for CSS imported by
// modules (the review page's). This plugin loosens exactly those, and only in `npm run dev`: builds keep the
// strict policy, which the browser tests check.
import type { Plugin } from 'vite';

export function devCsp(): Plugin {
  return {
    name: 'backcheck-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      // Only inside the policy itself (comments in the page may quote it).
      return html.replace(
        /(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/,
        (_, start: string, policy: string) =>
          `${start}${policy
            .replace("connect-src 'none'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*")
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")}"`,
      );
    },
  };
}
