// Two (three) origins on 127.0.0.1, as a clinic would have them:
//   cdn     real nginx with deploy/nginx/backcheck.conf, serving `npm run release`'s folder under a sub-path
//           (/cdn/backcheck/backcheck-<version>/), plus broken copies for the mistake tests;
//   clinic  the clinic's site (Node), strict CSP, pages written by the tests with the origins filled in;
//   other   a site the CDN does not know (Node, no CORS), for the frame-ancestors and CORS mistakes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENCODINGS, releaseDirName, type ReleaseManifest } from '../../src/build/release.ts';
import { packageVersion } from '../../src/build/version.ts';
import { ROOT } from '../helpers.ts';
import { brotliStaticModule, siteFolder, startNginx, type RunningNginx } from './nginx.ts';
import { serveStatic, type StaticServer } from './serve.ts';

export const VERSION = packageVersion();
export const RELEASE_DIR = releaseDirName(VERSION);
const CDN_PATH = 'cdn/backcheck';

/**
 * The clinic's stylesheet, as docs/embedding.md gives it: the placeholder heights, so nothing jumps when the check
 * arrives, and the element's own fallback content, shown only if its script has not defined it after 4 s.
 */
export const SITE_CSS = `body { margin: 0; font-family: Georgia, serif; }
main { max-width: 44rem; margin: 0 auto; padding: 1rem; }
iframe[data-backcheck] { display: block; width: 100%; border: 0; height: 590px; }
@media (min-width: 700px) { iframe[data-backcheck] { height: 440px; } }
backcheck-widget:not(:defined) { display: block; min-height: 520px; }
@media (min-width: 700px) { backcheck-widget:not(:defined) { min-height: 490px; } }
backcheck-widget:not(:defined) > * { visibility: hidden; animation: backcheck-fallback 0s 4s forwards; }
@keyframes backcheck-fallback { to { visibility: visible; } }
`;

export interface ReleaseSite {
  /** The release folder as `npm run release` wrote it. */
  releaseDir: string;
  /** How the CDN compresses: with Debian's brotli module, or gzip only (and why). */
  compression: { brotli: true } | { brotli: false; gzipOnlyBecause: string };
  manifest: ReleaseManifest;
  cdn: RunningNginx;
  clinic: StaticServer;
  other: StaticServer;
  /** The release's URL on the CDN, ending in / */
  base: string;
  /** Writes a page on the clinic's site (`page()` around `head` and `body`); returns its URL. */
  clinicPage: (name: string, head: string, body: string) => string;
  /** The same on the site the CDN does not know. */
  otherPage: (name: string, head: string, body: string) => string;
  close: () => Promise<void>;
}

/** `npm run release -- --out <dir>`, exactly as a clinic's release engineer runs it. */
export function runRelease(out: string): string {
  const run = spawnSync('npm', ['run', '--silent', 'release', '--', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run release failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

export async function startReleaseSite(): Promise<ReleaseSite> {
  const out = mkdtempSync(join(tmpdir(), 'backcheck-release-'));
  runRelease(out);
  const releaseDir = join(out, RELEASE_DIR);
  const manifest = JSON.parse(readFileSync(join(releaseDir, 'integrity.json'), 'utf8')) as ReleaseManifest;

  // The CDN's files: the release, and the copies a careless upload would leave.
  const www = siteFolder(CDN_PATH);
  cpSync(releaseDir, join(www.path, RELEASE_DIR), { recursive: true });
  // embed.html uploaded without the folder around it: every script it loads is a 404.
  const lonely = join(www.path, 'lonely', RELEASE_DIR);
  cpSync(join(releaseDir, 'embed.html'), join(lonely, 'embed.html'));
  // The element's folder without its lazily loaded chunk.
  const partial = join(www.path, 'partial', RELEASE_DIR);
  cpSync(releaseDir, partial, { recursive: true });
  for (const name of readdirSync(join(partial, 'embed'))) if (name.startsWith('LoadedCheck-')) rmSync(join(partial, 'embed', name));
  // The release uploaded without its .gz and .br copies: the server must still compress.
  const uncompressed = join(www.path, 'uncompressed', RELEASE_DIR);
  cpSync(releaseDir, uncompressed, { recursive: true });
  for (const file of listFiles(uncompressed)) if (/\.(gz|br)$/.test(file)) rmSync(file);
  // A chunk changed after the release was pinned (a compromised or careless CDN).
  const tampered = join(www.path, 'tampered', RELEASE_DIR);
  cpSync(releaseDir, tampered, { recursive: true });
  for (const name of readdirSync(join(tampered, 'embed'))) {
    if (!name.startsWith('LoadedCheck-') || !name.endsWith('.js')) continue;
    const changed = Buffer.from(`${readFileSync(join(tampered, 'embed', name), 'utf8')}\n;`);
    writeFileSync(join(tampered, 'embed', name), changed);
    // Served the way the server serves it: its compressed copies changed too.
    for (const encoding of ENCODINGS) writeFileSync(join(tampered, 'embed', `${name}${encoding.suffix}`), encoding.compress(changed));
  }

  const clinicDir = mkdtempSync(join(tmpdir(), 'backcheck-clinic-'));
  const otherDir = mkdtempSync(join(tmpdir(), 'backcheck-other-'));
  for (const dir of [clinicDir, otherDir]) {
    copyFileSync(join(ROOT, 'examples', 'clinic-page.js'), join(dir, 'clinic-page.js'));
    writeFileSync(join(dir, 'site.css'), SITE_CSS);
  }
  // A host that serves the release but sends no CORS headers.
  cpSync(releaseDir, join(otherDir, RELEASE_DIR), { recursive: true });

  // The clinic's and the other site's CSP need the CDN's origin, the CDN's frame-ancestors the clinic's: Node
  // servers first (their headers are read per request), then nginx.
  const csp: Record<string, string> = {};
  const clinic = await serveStatic(clinicDir, { headers: csp });
  const other = await serveStatic(otherDir, { headers: csp });
  const origin = (url: string) => new URL(url).origin;
  // Debian's brotli module when it loads (as a clinic following the docs would have it), else gzip only, said aloud.
  const brotli = brotliStaticModule();
  const compression: ReleaseSite['compression'] = 'path' in brotli ? { brotli: true } : { brotli: false, gzipOnlyBecause: brotli.unavailable };
  if (compression.brotli) console.log(`release tests: nginx serves brotli and gzip (${'path' in brotli ? brotli.path : ''})`);
  else console.warn(`release tests: nginx serves GZIP ONLY: ${compression.gzipOnlyBecause}`);
  let cdn: RunningNginx;
  try {
    cdn = await startNginx({
      root: www.root,
      modules: 'path' in brotli ? [brotli.path] : [],
      server: `
    set $backcheck_frame_ancestors "${origin(clinic.url)}";
    location /${CDN_PATH}/ {
      include ${join(ROOT, 'deploy', 'nginx', 'backcheck.conf')};
${compression.brotli ? `      include ${join(ROOT, 'deploy', 'nginx', 'backcheck-brotli.conf')};\n` : ''}    }`,
    });
  } catch (error) {
    await Promise.all([clinic.close(), other.close()]);
    throw error;
  }
  // The clinic's strict policy, with the CDN (and, for the CORS mistake, the other host) allowed for scripts and
  // frames; nothing else, no inline script or style, no connections.
  csp['Content-Security-Policy'] = [
    "default-src 'none'",
    `script-src 'self' ${origin(cdn.url)} ${origin(other.url)}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'none'",
    `frame-src ${origin(cdn.url)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const write = (dir: string, server: StaticServer) => (name: string, head: string, body: string) => {
    writeFileSync(join(dir, name), page(name, head, body));
    return new URL(name, server.url).href;
  };
  return {
    releaseDir,
    compression,
    manifest,
    cdn,
    clinic,
    other,
    base: new URL(`${CDN_PATH}/${RELEASE_DIR}/`, cdn.url).href,
    clinicPage: write(clinicDir, clinic),
    otherPage: write(otherDir, other),
    close: async () => {
      await Promise.all([cdn.close(), clinic.close(), other.close()]);
      for (const dir of [out, www.root, clinicDir, otherDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page of the clinic's site: its stylesheet, the demo listener (window.backcheckEvents), then `head` and `body`. */
function page(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="./site.css" />
    <script src="./clinic-page.js" defer></script>
${head}
  </head>
  <body>
    <main>
      <h1>${title}</h1>
${body}
      <p id="below">Opening hours: Monday to Saturday.</p>
    </main>
  </body>
</html>
`;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
