// Runs a bench entry from a production build (Vite, minified, as the app's code ships) with plain Node: tsx's
// on-the-fly transform wraps every function to keep its name and ran the engine about half as fast.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';

/** Builds `entry` (a file in bench/), runs it with `args`, and returns what it printed as JSON. */
export async function runBundled<T>(root: string, entry: string, args: string[]): Promise<T> {
  // Inside the project, so the build's external imports (yaml, xstate, ...) resolve from its node_modules.
  const cache = join(root, 'node_modules/.cache');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(join(cache, 'backcheck-bench-'));
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      build: {
        ssr: join(root, entry),
        outDir,
        emptyOutDir: true,
        minify: true,
        rollupOptions: { output: { entryFileNames: 'entry.mjs' } },
      },
    });
    const child = spawnSync(process.execPath, [join(outDir, 'entry.mjs'), ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`${entry} failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as T;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
