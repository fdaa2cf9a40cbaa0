// `npm run release [-- --out DIR] [-- --base https://cdn.example/backcheck/backcheck-1.0.0/] [-- --origin https://...]`:
// after the build (npm run release runs it first), writes the release folder with its integrity.json, and prints
// which product and rules versions it holds, whether the rules are signed off (loudly when they are not), and the
// pinned tags: the element's, the iframe host script's and the iframe's.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageVersion } from '../build/version.ts';
import { MANIFEST, pinnedTags, releaseDirName, verifyRelease, writeRelease, type ReleaseRules } from '../build/release.ts';
import { shortHash, signoffStatus } from '../rules/content-hash.ts';
import { loadRulesSource } from '../rules/load.ts';
import { DEFAULT_RULES_FILE } from './read-rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { out: { type: 'string' }, base: { type: 'string' }, origin: { type: 'string', multiple: true } } });
const version = packageVersion();
const base = values.base ?? `https://your-cdn.example/backcheck/${releaseDirName(version)}/`;
if (!base.endsWith('/')) {
  console.error(`--base must be the release folder's URL, ending in / (got ${base})`);
  process.exit(2);
}

// The rules the build bundled (src/ui/LoadedCheck.tsx imports this file), and their sign-off, as the build checked it.
const rulesFile = relative(ROOT, DEFAULT_RULES_FILE);
const loaded = loadRulesSource(readFileSync(DEFAULT_RULES_FILE, 'utf8'), rulesFile);
if (!loaded.ok) {
  console.error(`${rulesFile} does not load: run npm run rules:check`);
  process.exit(1);
}
const status = signoffStatus(loaded.data, loaded.rules.meta.signoff);
const rules: ReleaseRules = {
  id: loaded.rules.meta.id,
  version: loaded.rules.meta.version,
  signedOff: status.state === 'signed',
  ...(status.state === 'signed' ? { signoff: { by: status.by, on: status.on } } : {}),
};

let written: ReturnType<typeof writeRelease>;
try {
  written = writeRelease(resolve(ROOT, 'dist'), resolve(ROOT, values.out ?? 'release'), version, rules);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const { dir, manifest } = written;
const problems = verifyRelease(dir);
if (problems.length > 0) {
  console.error(`The release does not verify against its own ${MANIFEST}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const tags = pinnedTags(manifest, base, values.origin);
const rulesLine =
  status.state === 'signed'
    ? `Rules: ${rules.id} ${rules.version}, signed off by ${status.by} on ${status.on} (content ${shortHash(status.contentHash)}).`
    : `Rules: ${rules.id} ${rules.version}, NOT signed off by a clinician${status.state === 'stale' ? ` (the sign-off by ${status.by} on ${status.on} is for other content)` : ''}.`;
console.log(
  [
    `Wrote ${dir}: backcheck ${version}, ${Object.keys(manifest.files).length} files, SRI hashes in ${MANIFEST}, a .gz and a .br beside each text file.`,
    rulesLine,
    'Host the folder whole, under any path (renaming the folder is fine); deploy/nginx/ has a tested server configuration.',
    '',
    `Custom element, pinned to this release (every file's hash checked by the browser) at ${base}:`,
    tags.element,
    '',
    'Host script for the iframe, pinned:',
    tags.host,
    '',
    `The iframe (options in its address; allowed-origin: your pages' origins exactly${values.origin ? '' : ', give them with --origin'}):`,
    tags.iframe,
  ].join('\n'),
);
if (status.state !== 'signed') {
  // On stderr, framed: the one line that decides whether this release may go in front of patients.
  const bar = '!'.repeat(100);
  console.error(
    [
      '',
      bar,
      `!! NOT FOR GOING LIVE: the rules in this release (${rules.id} ${rules.version}) are not signed off by a clinician.`,
      '!! No clinician has approved these questions, thresholds and advice for patients. Every result says "not yet',
      '!! signed off by a clinician", and the events carry rulesSignedOff: false. Use this release for testing only.',
      '!! To go live: a clinician reviews the rules (npm run dev, then /review, or `npm run rules:check`) and signs off:',
      `!!   npm run rules:signoff -- --by "Name, role" ${rulesFile}`,
      '!! then commit that and run `BACKCHECK_REQUIRE_SIGNOFF=1 npm run release`, which refuses rules that are not signed off.',
      bar,
    ].join('\n'),
  );
}
