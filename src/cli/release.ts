// `npm run release [-- --out DIR] [-- --base https://cdn.example/backcheck/backcheck-1.2.0/]`: after the build
// (npm run release runs it first), writes the release folder with its integrity.json and prints the pinned tags.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageVersion } from '../build/version.ts';
import { MANIFEST, pinnedTags, releaseDirName, verifyRelease, writeRelease } from '../build/release.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { out: { type: 'string' }, base: { type: 'string' } } });
const version = packageVersion();
const base = values.base ?? `https://your-cdn.example/backcheck/${releaseDirName(version)}/`;
if (!base.endsWith('/')) {
  console.error(`--base must be the release folder's URL, ending in / (got ${base})`);
  process.exit(2);
}

const { dir, manifest } = writeRelease(resolve(ROOT, 'dist'), resolve(ROOT, values.out ?? 'release'), version);
const problems = verifyRelease(dir);
if (problems.length > 0) {
  console.error(`The release does not verify against its own ${MANIFEST}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const tags = pinnedTags(manifest, base);
console.log(
  [
    `Wrote ${dir} (${Object.keys(manifest.files).length} files, SRI hashes in ${MANIFEST}).`,
    `Host the folder as it is, under any path; deploy/ has a web server configuration for it.`,
    '',
    `Custom element, pinned to this release (every file's hash checked by the browser) at ${base}:`,
    tags.element,
    '',
    'Host script for the iframe, pinned:',
    tags.host,
  ].join('\n'),
);
