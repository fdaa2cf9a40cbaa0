// Builds the standalone app and the embed with the project's own Vite configs, into temporary folders so the bench
// never overwrites the dist/ that others serve, and keeps the bundler's chunk graph and per-module sizes.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

export interface BuiltChunk {
  fileName: string;
  isEntry: boolean;
  /** The source module the chunk stands for (an entry or a dynamic import's target), or null for shared chunks. */
  facade: string | null;
  /** Chunks this one imports statically: they load with it. */
  imports: string[];
  /** Chunks it may load later with `import()`. */
  dynamicImports: string[];
  /** CSS files Vite attached to this chunk. */
  importedCss: string[];
  /** Source modules in the chunk with their rendered code (tree-shaken, before minification), for the shares. */
  modules: { id: string; renderedLength: number; code: string }[];
}

export type AppBuild =
  | { ok: true; outDir: string; chunks: BuiltChunk[]; ms: number }
  | { ok: false; reason: string };

interface ViteChunkMetadata {
  importedCss?: Set<string>;
}

/** The standalone app and the iframe page (vite.config.ts). */
export function buildApp(root: string): Promise<AppBuild> {
  if (!existsSync(join(root, 'index.html'))) return Promise.resolve({ ok: false, reason: 'not built: no index.html yet' });
  return buildWith(root, 'vite.config.ts', 'backcheck-bench-app-');
}

/** The custom element and the iframe host script (vite.embed.config.ts), as `npm run build:embed` builds them. */
export function buildEmbed(root: string): Promise<AppBuild> {
  if (!existsSync(join(root, 'vite.embed.config.ts'))) return Promise.resolve({ ok: false, reason: 'not built: no vite.embed.config.ts' });
  return buildWith(root, 'vite.embed.config.ts', 'backcheck-bench-embed-');
}

async function buildWith(root: string, config: string, prefix: string): Promise<AppBuild> {
  const outDir = await mkdtemp(join(tmpdir(), prefix));
  const start = performance.now();
  try {
    const output = await build({
      root,
      configFile: join(root, config),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
    const outputs = Array.isArray(output) ? output : [output];
    const chunks: BuiltChunk[] = [];
    for (const result of outputs) {
      if (!('output' in result)) continue;
      for (const item of result.output) {
        if (item.type !== 'chunk') continue;
        const meta = (item as { viteMetadata?: ViteChunkMetadata }).viteMetadata;
        chunks.push({
          fileName: item.fileName,
          isEntry: item.isEntry,
          facade: item.facadeModuleId,
          imports: [...item.imports],
          dynamicImports: [...item.dynamicImports],
          importedCss: [...(meta?.importedCss ?? [])],
          modules: Object.entries(item.modules).map(([id, info]) => ({
            id,
            renderedLength: info.renderedLength,
            code: info.code ?? '',
          })),
        });
      }
    }
    return { ok: true, outDir, chunks, ms: performance.now() - start };
  } catch (error) {
    return { ok: false, reason: `build failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
