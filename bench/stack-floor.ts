// How small the whole check could be on the stack the product requires (React, React DOM, xstate and
// @xstate/react), before a single screen is written: bench/stack-floor/entry.ts built as production, plus the rules
// content a person must download (the questionnaire's structure and the words of one language, as the app's own
// build ships them). The 90 kB target of issue #17 is judged against this floor.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { BuiltChunk } from './build.ts';

export interface StackFloor {
  /** gzip -9 of the minified JS of the required libraries with an empty app. */
  stackGzip: number;
  /** gzip -9 of the rules' structure and of the larger language's words, each a module as the app ships it. */
  rulesGzip: number;
  /** The two together: no whole check on this stack can be smaller. */
  gzip: number;
}

const RULES_SHAPE = /\?rules-shape$/;
const RULES_TEXT = /\?rules-text-[a-z]+$/;

export async function stackFloor(root: string, appChunks: readonly BuiltChunk[]): Promise<StackFloor> {
  const outDir = await mkdtemp(join(tmpdir(), 'backcheck-stack-floor-'));
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      mode: 'production',
      build: {
        outDir,
        emptyOutDir: true,
        reportCompressedSize: false,
        minify: true,
        rolldownOptions: { input: join(root, 'bench/stack-floor/entry.ts') },
      },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  const js = listJs(outDir).map((file) => readFileSync(file));
  const stackGzip = js.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
  const modules = appChunks.flatMap((c) => c.modules);
  const gz = (code: string) => gzipSync(code, { level: 9 }).length;
  const shape = modules.filter((m) => RULES_SHAPE.test(m.id)).map((m) => gz(m.code));
  const texts = modules.filter((m) => RULES_TEXT.test(m.id)).map((m) => gz(m.code));
  const rulesGzip = Math.max(0, ...shape) + Math.max(0, ...texts);
  return { stackGzip, rulesGzip, gzip: stackGzip + rulesGzip };
}

function listJs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name));
}
