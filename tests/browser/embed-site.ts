// The site the embed browser tests load, and `npm run demo` serves: the build (dist/, as a clinic would deploy it),
// the demo pages in /examples/, test-only pages in /test-pages/, and React 18's UMD files, under a strict CSP.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from './serve.ts';

/**
 * The clinic page's policy: nothing inline, no connections, scripts and frames from its own origin (where these
 * tests host the widget too). `frame-ancestors 'self'` lets the iframe demo page frame embed.html from here.
 */
export const CLINIC_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; frame-ancestors 'self'; frame-src 'self'";

/** The origin examples/clinic-iframe.html names in allowed-origin: where `npm run demo` serves it. */
export const DEMO_ORIGIN = 'http://127.0.0.1:4173';

export interface EmbedSite extends StaticServer {
  close: () => Promise<void>;
}

export async function serveEmbedSite(root: string, options: { port?: number } = {}): Promise<EmbedSite> {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'embed', 'backcheck.js')) || !existsSync(join(dist, 'embed.html'))) {
    throw new Error('dist/ has no embed build: run `npm run build` first (npm run test:browser does).');
  }
  const site = mkdtempSync(join(tmpdir(), 'backcheck-embed-site-'));
  for (const name of readdirSync(dist)) symlinkSync(join(dist, name), join(site, name));
  symlinkSync(join(root, 'tests', 'browser', 'embed-pages'), join(site, 'test-pages'));
  mkdirSync(join(site, 'vendor'));
  symlinkSync(join(root, 'node_modules', 'react18', 'umd'), join(site, 'vendor', 'react18'));
  symlinkSync(join(root, 'node_modules', 'react-dom18', 'umd'), join(site, 'vendor', 'react-dom18'));
  const server = await serveStatic(site, { headers: { 'Content-Security-Policy': CLINIC_CSP }, port: options.port });
  // The demo pages name their own origin, as a clinic's pages do; served elsewhere (a free port), they are given
  // this server's origin instead, as a clinic's developer would edit them for another host.
  const examples = join(site, 'examples');
  mkdirSync(examples);
  const origin = new URL(server.url).origin;
  for (const name of readdirSync(join(root, 'examples'))) {
    const text = readFileSync(join(root, 'examples', name), 'utf8');
    writeFileSync(join(examples, name), text.replaceAll(encodeURIComponent(DEMO_ORIGIN), encodeURIComponent(origin)));
  }
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(site, { recursive: true, force: true });
    },
  };
}
