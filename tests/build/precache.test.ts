// Which built files the offline worker keeps (src/build/precache.ts): everything the check may load, at install;
// the review page only once loaded; the iframe page's own files never.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { offlineFiles, pageFiles, type GraphChunk } from '../../src/build/precache.ts';
import { buildVersion } from '../../src/build/offline-plugin.ts';
import { ICONS, webManifest } from '../../src/build/web-manifest.ts';
import { ROOT } from '../helpers.ts';

const chunk = (fileName: string, facade: string | null, links: string[] = [], dynamicImports: string[] = []): GraphChunk => ({
  fileName,
  facade,
  links,
  dynamicImports,
});

// The shape of the real build: the page's entry, the check loaded lazily with one words chunk per language, the
// review route loaded lazily with its worker, and the iframe page's entry sharing the renderer.
const CHUNKS = [
  chunk('assets/index-1.js', '/p/src/main.tsx', ['assets/react-1.js', 'assets/index-1.css'], ['assets/LoadedCheck-1.js', 'assets/ReviewRoute-1.js']),
  chunk('assets/react-1.js', null),
  chunk('assets/LoadedCheck-1.js', '/p/src/ui/LoadedCheck.tsx', ['assets/machine-1.js'], ['assets/words-en-1.js', 'assets/words-es-1.js']),
  chunk('assets/machine-1.js', null),
  chunk('assets/words-en-1.js', '/p/rules/x.yaml?rules-text-en'),
  chunk('assets/words-es-1.js', '/p/rules/x.yaml?rules-text-es'),
  chunk('assets/ReviewRoute-1.js', '/p/src/review/ReviewRoute.tsx', ['assets/ReviewRoute-1.css', 'assets/zod-1.js'], ['assets/analysis-1.js']),
  chunk('assets/zod-1.js', null),
  chunk('assets/analysis-1.js', '/p/src/review/analysis.ts'),
  chunk('assets/embed-1.js', '/p/src/embed/frame.tsx', ['assets/react-1.js', 'assets/share-1.js'], ['assets/LoadedCheck-1.js']),
  chunk('assets/share-1.js', null),
];
const FILES = [
  'index.html',
  'embed.html',
  ...CHUNKS.map((c) => c.fileName),
  'assets/index-1.css',
  'assets/ReviewRoute-1.css',
  'assets/analysis.worker-1.js',
  'manifest.webmanifest',
  'icons/icon-192.png',
];

describe('the offline worker\'s file lists', () => {
  const files = offlineFiles({
    page: ['assets/index-1.js', 'assets/react-1.js', 'assets/index-1.css'],
    embedPage: ['assets/embed-1.js'],
    chunks: CHUNKS,
    files: FILES,
    publicFiles: ['manifest.webmanifest', 'icons/icon-192.png'],
  });

  it('precaches the page and everything the check may load: both languages, the manifest and the icons', () => {
    expect(files.precache).toEqual([
      'assets/LoadedCheck-1.js',
      'assets/index-1.css',
      'assets/index-1.js',
      'assets/machine-1.js',
      'assets/react-1.js',
      'assets/words-en-1.js',
      'assets/words-es-1.js',
      'icons/icon-192.png',
      'index.html',
      'manifest.webmanifest',
    ]);
  });

  it('keeps the review page (and its worker) for later, and leaves the iframe page\'s own files out', () => {
    expect(files.later).toEqual(['assets/ReviewRoute-1.css', 'assets/ReviewRoute-1.js', 'assets/analysis-1.js', 'assets/analysis.worker-1.js', 'assets/zod-1.js']);
    for (const embedOnly of ['embed.html', 'assets/embed-1.js', 'assets/share-1.js']) {
      expect([...files.precache, ...files.later]).not.toContain(embedOnly);
    }
  });

  it('reads the files a built page loads from its tags, not its icon or manifest', () => {
    const html = `<script type="module" crossorigin src="./assets/index-1.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/react-1.js"><link rel="stylesheet" href="./assets/index-1.css">
      <link rel="icon" href="data:,"><link rel="manifest" href="./manifest.webmanifest">`;
    expect(pageFiles(html)).toEqual(['assets/index-1.js', 'assets/react-1.js', 'assets/index-1.css']);
  });

  it('a build\'s version changes with any file\'s name or bytes, and only then', () => {
    const a = buildVersion(new Map([['index.html', '<p>a</p>'], ['assets/x-1.js', 'x']]));
    expect(buildVersion(new Map([['assets/x-1.js', 'x'], ['index.html', '<p>a</p>']]))).toBe(a);
    expect(buildVersion(new Map([['index.html', '<p>b</p>'], ['assets/x-1.js', 'x']]))).not.toBe(a);
    expect(buildVersion(new Map([['index.html', '<p>a</p>'], ['assets/x-2.js', 'x']]))).not.toBe(a);
  });
});

describe('the web manifest', () => {
  it('makes the standalone app installable: a name, standalone display, addresses relative to the release folder', () => {
    const manifest = webManifest();
    expect(manifest.name).toBe(/<title>([^<]+)<\/title>/.exec(readFileSync(`${ROOT}index.html`, 'utf8'))?.[1]);
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('./');
    expect(manifest.scope).toBe('./');
  });

  it('names icons that are files of ours, each as large as it says', () => {
    for (const icon of ICONS) {
      expect(icon.src).toMatch(/^icons\/[\w-]+\.(png|svg)$/);
      const bytes = readFileSync(`${ROOT}public/${icon.src}`);
      if (icon.type === 'image/png') expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
      else expect(bytes.toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
    expect(ICONS.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  });
});
