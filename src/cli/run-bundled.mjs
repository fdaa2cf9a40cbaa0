// `node src/cli/run-bundled.mjs src/cli/<tool>.ts [args...]`: runs a command-line tool as one esbuild bundle.
//
// Why: `node --import tsx` compiles each of a tool's ~60 modules on every start, through a loader thread. For
// rules:check, the command a clinician runs after each edit, that was about 0.6 s of its 1 s budget; bundling the
// same sources takes esbuild about 60 ms. The bundle is kept under node_modules/.cache with the size and time of
// every source file it was built from, and rebuilt as soon as one differs, so it is never stale. Packages stay
// external and load from node_modules as before.
//
// Only for tools that do not start workers from their own file (impact-parallel does): a bundle has no such file.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = join(ROOT, 'node_modules/.cache/backcheck-cli');
const [entryArg, ...args] = process.argv.slice(2);
if (!entryArg) {
  console.error('Usage: node src/cli/run-bundled.mjs <entry.ts> [args...]');
  process.exit(2);
}
const entry = resolve(entryArg);
// Named after the entry's full path too: a copy of the project elsewhere sharing node_modules keeps its own.
const NAME = `${basename(entry, '.ts')}-${createHash('sha256').update(entry).digest('hex').slice(0, 8)}`;
const manifestFile = join(CACHE, `${NAME}.json`);

/** Size and time of each source file: a file added to the tool changes the file that imports it, so this is enough. */
const stamp = (file) => {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'gone';
  }
};

/** The bundle built last time, when none of its sources has changed since (esbuild is then not even loaded). */
function cachedBundle() {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const fresh = Object.entries(manifest.inputs).every(([file, was]) => stamp(file) === was);
    return fresh && existsSync(manifest.bundle) ? manifest.bundle : null;
  } catch {
    return null;
  }
}

/** Written under a temporary name, then renamed: two runs at once never read a half-written file. */
function writeWhole(file, text) {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

async function freshBundle() {
  const { build } = await import('esbuild');
  /**
   * Each module keeps its own `import.meta.url` (tools find rules/ and README.md from it): a bundle would otherwise
   * give every module the bundle's own address, under node_modules/.cache.
   */
  const ownAddress = {
    name: 'own-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (at) => {
        const text = readFileSync(at.path, 'utf8');
        const url = JSON.stringify(pathToFileURL(at.path).href);
        return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    outfile: 'bundle.mjs',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    plugins: [ownAddress],
  });
  const code = result.outputFiles[0].text;
  const bundle = join(CACHE, `${NAME}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(bundle)) writeWhole(bundle, code);
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((f) => [resolve(ROOT, f), stamp(resolve(ROOT, f))]));
  writeWhole(manifestFile, JSON.stringify({ bundle, inputs }));
  pruneStale([bundle, manifestFile]);
  return bundle;
}

/**
 * Each source change leaves a bundle behind: remove what has not been written for ten minutes (a run that started
 * before cannot still be reading it). A manifest whose bundle is gone only means one rebuild (see cachedBundle).
 */
function pruneStale(keep) {
  const before = Date.now() - 10 * 60 * 1000;
  for (const name of readdirSync(CACHE)) {
    const file = join(CACHE, name);
    try {
      if (!keep.includes(file) && statSync(file).mtimeMs < before) unlinkSync(file);
    } catch {
      // Removed by another run at the same time: nothing to do.
    }
  }
}

const file = cachedBundle() ?? (await freshBundle());
// The tool reads its arguments from process.argv, as when run directly.
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(file).href);
