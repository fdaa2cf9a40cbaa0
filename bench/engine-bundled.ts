// Runs the engine figures on a production build of the engine (see engine-entry.ts for why).
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import type { EngineFigures } from './engine.ts';

export async function benchEngineBundled(root: string, rulesFile: string): Promise<EngineFigures> {
  // Inside the project, so the build's external imports (yaml, xstate, ...) resolve from its node_modules.
  const cache = join(root, 'node_modules/.cache');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(join(cache, 'backcheck-bench-engine-'));
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      build: {
        ssr: join(root, 'bench/engine-entry.ts'),
        outDir,
        emptyOutDir: true,
        minify: true,
        rollupOptions: { output: { entryFileNames: 'engine-entry.mjs' } },
      },
    });
    const child = spawnSync(process.execPath, [join(outDir, 'engine-entry.mjs'), rulesFile], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`engine bench failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as EngineFigures;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
