// `npm run release`: the build as a folder a clinic can pin and host anywhere. release/backcheck-<version>/ holds
// the standalone page, the iframe page, their hashed assets, the custom element and the host script, every URL
// inside them relative (so the folder works under any path of any host), and integrity.json: the SRI hash of every
// file, which the README shows how to pin and a test recomputes. Beside every text file lie its gzip and brotli
// copies (`x.js.gz`, `x.js.br`), which a server sends as they are (nginx's gzip_static, brotli_static): the bytes on
// the wire without the server compressing anything, and without a server that forgot to.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { artifactProblems, formatArtifactProblems } from './artifacts.ts';
import { listFiles } from './files.ts';
import { WORKER_FILE } from './offline-plugin.ts';
import { MANIFEST_FILE } from './web-manifest.ts';

/**
 * What a release holds, from dist/ (not the npm package's or FHIR's output that may sit there too): the pages, their
 * chunks, the element, and the standalone app's offline worker, web manifest and icons (src/build/offline-plugin.ts).
 */
export const RELEASE_CONTENTS = ['index.html', 'embed.html', 'assets', 'embed', WORKER_FILE, MANIFEST_FILE, 'icons'] as const;
export const MANIFEST = 'integrity.json';
export const ALGORITHM = 'sha384';

/**
 * The files a clinic links to, and those a browser asks for by name (the standalone app's offline worker and web
 * manifest); everything else is loaded by these, under a content-hashed name, but the manifest's icons.
 */
export const ENTRIES = {
  page: 'index.html',
  iframe: 'embed.html',
  element: 'embed/backcheck.js',
  host: 'embed/backcheck-host.js',
  worker: WORKER_FILE,
  webManifest: MANIFEST_FILE,
} as const;

/** The clinical content a release carries, and whether a clinician signed off exactly that content. */
export interface ReleaseRules {
  id: string;
  version: string;
  signedOff: boolean;
  /** Who signed off and when (a sign-off that no longer matches the content is not one). */
  signoff?: { by: string; on: string };
}

export interface ReleaseManifest {
  name: 'backcheck';
  version: string;
  rules: ReleaseRules;
  algorithm: typeof ALGORITHM;
  entries: typeof ENTRIES;
  /** Path inside the release folder (with /) -> its SRI value, e.g. "sha384-...". */
  files: Record<string, string>;
}

export function releaseDirName(version: string): string {
  return `backcheck-${version}`;
}

/** Copies `dist` into `<outRoot>/backcheck-<version>/` (replacing an older copy) and writes its integrity.json. */
export function writeRelease(dist: string, outRoot: string, version: string, rules: ReleaseRules): { dir: string; manifest: ReleaseManifest } {
  for (const name of RELEASE_CONTENTS) {
    if (!existsSync(join(dist, name))) throw new Error(`${join(dist, name)} is missing: run npm run build first`);
  }
  const dir = join(outRoot, releaseDirName(version));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of RELEASE_CONTENTS) cpSync(join(dist, name), join(dir, name), { recursive: true });
  const absolute = absoluteUrls(dir);
  if (absolute.length > 0) {
    throw new Error(`The release must use relative URLs only (it may be hosted under any path); found:\n  ${absolute.join('\n  ')}`);
  }
  const development = artifactProblems(dir, buildMachinePaths());
  if (development.length > 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${dist} is not what a clinic may host (run npm run build, which always builds for production, then release again):\n${formatArtifactProblems(development)}`);
  }
  const manifest: ReleaseManifest = { name: 'backcheck', version, rules, algorithm: ALGORITHM, entries: ENTRIES, files: hashFiles(dir) };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const path of listFiles(dir).filter(isText)) {
    const bytes = readFileSync(join(dir, path));
    for (const encoding of ENCODINGS) writeFileSync(join(dir, `${path}${encoding.suffix}`), encoding.compress(bytes));
  }
  return { dir, manifest };
}

/** What a static host sends compressed: the pages, scripts, styles, the hash list, the manifest and the SVG icon. */
const TEXT_FILE = /\.(html|js|css|json|webmanifest|svg)$/;
const isText = (path: string) => TEXT_FILE.test(path);

/** The precompressed copies beside each text file: gzip at level 9, brotli at quality 11. */
export const ENCODINGS = [
  {
    name: 'gzip',
    suffix: '.gz',
    compress: (bytes: Buffer) => gzipSync(bytes, { level: 9 }),
    decompress: (bytes: Buffer) => gunzipSync(bytes),
  },
  {
    name: 'br',
    suffix: '.br',
    compress: (bytes: Buffer) =>
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    decompress: (bytes: Buffer) => brotliDecompressSync(bytes),
  },
] as const;

/** A compressed copy (`x.js.gz`), not a file of the release in its own right. */
export function isCompressedCopy(path: string): boolean {
  return ENCODINGS.some((e) => path.endsWith(e.suffix) && isText(path.slice(0, -e.suffix.length)));
}

/** The SRI value of a file's bytes. */
export function sri(bytes: Buffer): string {
  return `${ALGORITHM}-${createHash(ALGORITHM).update(bytes).digest('base64')}`;
}

/** Every file under `dir` (but the manifest and the compressed copies) with its SRI value, sorted by path. */
export function hashFiles(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir)
      .filter((path) => path !== MANIFEST && !isCompressedCopy(path))
      .sort()
      .map((path) => [path, sri(readFileSync(join(dir, path)))]),
  );
}

/**
 * What does not match the folder's own integrity.json: changed, missing and unlisted files, and compressed copies
 * that are missing or hold other bytes than their file (a server would send those instead). Empty: it verifies.
 */
export function verifyRelease(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as ReleaseManifest;
  const actual = hashFiles(dir);
  const problems: string[] = [];
  for (const [path, hash] of Object.entries(manifest.files)) {
    if (!(path in actual)) problems.push(`${path}: listed but missing`);
    else if (actual[path] !== hash) problems.push(`${path}: ${actual[path]} but integrity.json says ${hash}`);
  }
  for (const path of Object.keys(actual)) if (!(path in manifest.files)) problems.push(`${path}: not in integrity.json`);
  for (const path of [...Object.keys(actual), MANIFEST].filter(isText)) {
    const bytes = readFileSync(join(dir, path));
    for (const encoding of ENCODINGS) {
      const copy = join(dir, `${path}${encoding.suffix}`);
      if (!existsSync(copy)) problems.push(`${path}${encoding.suffix}: missing (the server would compress ${path} itself, or not at all)`);
      else if (!encoding.decompress(readFileSync(copy)).equals(bytes)) problems.push(`${path}${encoding.suffix}: does not hold ${path} (a server would send the wrong file)`);
    }
  }
  return problems;
}

/**
 * The tags a clinic pastes to pin this exact release from `base` (the folder's URL, ending in /): the element's
 * script and a modulepreload for each of its chunks, each with its SRI hash (a dynamic import then uses the
 * preloaded, checked module), the host script for iframes, and the iframe itself.
 */
export function pinnedTags(
  manifest: ReleaseManifest,
  base: string,
  /** The clinic's pages' origins, for the iframe's allowed-origin. */
  origins: readonly string[] = ['https://your-clinic.example'],
): { element: string; host: string; iframe: string } {
  const url = (path: string) => new URL(path, base).href;
  const tag = (path: string, open: string) => `${open} src="${url(path)}" integrity="${manifest.files[path]}" crossorigin="anonymous"></script>`;
  const chunks = Object.keys(manifest.files).filter((p) => p.startsWith('embed/') && p.endsWith('.js') && p !== ENTRIES.element && p !== ENTRIES.host);
  const element = [
    ...chunks.map((p) => `<link rel="modulepreload" href="${url(p)}" integrity="${manifest.files[p]}" crossorigin="anonymous">`),
    tag(ENTRIES.element, '<script type="module"'),
  ].join('\n');
  // The iframe's options go in its address; allowed-origin must list the clinic's pages' origins exactly.
  const iframe =
    `<iframe data-backcheck title="Back pain self-check" src="${url(ENTRIES.iframe)}?locale=en&allowed-origin=` +
    `${encodeURIComponent(origins.join(' '))}"></iframe>`;
  return { element, host: tag(ENTRIES.host, '<script defer'), iframe };
}

/**
 * Paths of this machine that no shipped file may contain: the project's folder, and the home folder when it is
 * specific enough (/home/ci, not /app, which "/apply" in any script would contain).
 */
export function buildMachinePaths(): string[] {
  const home = homedir();
  return [resolve(import.meta.dirname, '../..'), ...(home.split('/').filter(Boolean).length >= 2 ? [home] : [])];
}

/** `src="/..."`, `href="/..."` in the release's pages: what would break under a sub-path. */
function absoluteUrls(dir: string): string[] {
  return listFiles(dir)
    .filter((path) => path.endsWith('.html'))
    .flatMap((path) =>
      [...readFileSync(join(dir, path), 'utf8').matchAll(/\b(?:src|href)\s*=\s*["'](\/[^"']*)["']/g)].map((m) => `${path}: ${m[1]}`),
    );
}
