// The site the embed browser tests load: the build (dist/, as a clinic would deploy it), the demo pages in
// /examples/, test-only pages in /test-pages/, and React 18's UMD files, served under the strict CSP of issue #4.
import { mkdtempSync, readdirSync, rmSync, symlinkSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from './serve.ts';

/**
 * The policy from the issue, for the custom element page; `frame-src 'self'` added so the iframe demo page may
 * frame embed.html (default-src 'none' would block every frame).
 */
export const CLINIC_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; frame-ancestors *; frame-src 'self'";

export interface EmbedSite extends StaticServer {
  close: () => Promise<void>;
}

export async function serveEmbedSite(root: string): Promise<EmbedSite> {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'embed', 'backcheck.js')) || !existsSync(join(dist, 'embed.html'))) {
    throw new Error('dist/ has no embed build: run `npm run build` first (npm run test:browser does).');
  }
  const site = mkdtempSync(join(tmpdir(), 'backcheck-embed-site-'));
  for (const name of readdirSync(dist)) symlinkSync(join(dist, name), join(site, name));
  symlinkSync(join(root, 'examples'), join(site, 'examples'));
  symlinkSync(join(root, 'tests', 'browser', 'embed-pages'), join(site, 'test-pages'));
  mkdirSync(join(site, 'vendor'));
  symlinkSync(join(root, 'node_modules', 'react18', 'umd'), join(site, 'vendor', 'react18'));
  symlinkSync(join(root, 'node_modules', 'react-dom18', 'umd'), join(site, 'vendor', 'react-dom18'));
  const server = await serveStatic(site, { headers: { 'Content-Security-Policy': CLINIC_CSP } });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(site, { recursive: true, force: true });
    },
  };
}
