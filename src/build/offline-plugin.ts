// Build time: makes the standalone app installable and usable offline. Writes manifest.webmanifest (linked from
// index.html only) and sw.js: the service worker of src/build/service-worker.ts with this build's version and file
// lists (src/build/precache.ts), worked out from the chunk graph. Builds only: `npm run dev` serves neither file and
// its page registers no worker (src/main.tsx registers in production builds only).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { listFiles } from './files.ts';
import { EMBED_PAGE, offlineFiles, PAGE, pageFiles, type GraphChunk } from './precache.ts';
import { serviceWorkerSource } from './service-worker.ts';
import { versionBanner } from './version.ts';
import { MANIFEST_FILE, webManifest } from './web-manifest.ts';

export const WORKER_FILE = 'sw.js';

interface ViteChunkMetadata {
  importedCss?: Set<string>;
  importedAssets?: Set<string>;
}

/** A hash of every file's name and bytes: the same build gives the same sw.js, and so no needless update. */
export function buildVersion(files: ReadonlyMap<string, string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort()) hash.update(name).update('\0').update(files.get(name) ?? '').update('\0');
  return hash.digest('hex').slice(0, 16);
}

export function offlinePlugin(): Plugin {
  let publicDir = '';
  return {
    name: 'backcheck-offline',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    transformIndexHtml(_html, context) {
      if (!context.filename.endsWith(`/${PAGE}`)) return undefined;
      return [{ tag: 'link', attrs: { rel: 'manifest', href: `./${MANIFEST_FILE}` }, injectTo: 'head' }];
    },
    generateBundle(_options, bundle) {
      const pageHtml = bundle[PAGE];
      // A build without the standalone page (the custom element's) gets no worker.
      if (!pageHtml || pageHtml.type !== 'asset') return;
      const manifest = `${JSON.stringify(webManifest(), null, 2)}\n`;
      this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: manifest });
      const publicFiles = publicDir && existsSync(publicDir) ? listFiles(publicDir) : [];
      const contents = new Map<string, string | Uint8Array>([[MANIFEST_FILE, manifest]]);
      const chunks: GraphChunk[] = [];
      for (const item of Object.values(bundle)) {
        if (item.type === 'asset') {
          contents.set(item.fileName, item.source);
          continue;
        }
        contents.set(item.fileName, item.code);
        const meta = (item as { viteMetadata?: ViteChunkMetadata }).viteMetadata;
        chunks.push({
          fileName: item.fileName,
          facade: item.facadeModuleId,
          links: [...item.imports, ...(meta?.importedCss ?? []), ...(meta?.importedAssets ?? [])],
          dynamicImports: item.dynamicImports,
        });
      }
      for (const name of publicFiles) contents.set(name, readFileSync(join(publicDir, name)));
      const html = (item: (typeof bundle)[string] | undefined) => (item?.type === 'asset' ? String(item.source) : '');
      const files = offlineFiles({
        page: pageFiles(html(pageHtml)),
        embedPage: pageFiles(html(bundle[EMBED_PAGE])),
        chunks,
        files: [...contents.keys()],
        publicFiles: [MANIFEST_FILE, ...publicFiles],
      });
      this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: serviceWorkerSource({ version: buildVersion(contents), ...files }, versionBanner(WORKER_FILE)) });
    },
  };
}
