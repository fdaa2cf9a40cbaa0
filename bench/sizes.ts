// What the browser downloads: raw, gzip and brotli bytes per file (each file compressed on its own, as a static
// host serves it), the initial JS a first visit must load, the embed bundle, and the whole check each way in.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { AppBuild, BuiltChunk } from './build.ts';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface SizeGroup {
  files: FileSize[];
  raw: number;
  gzip: number;
  brotli: number;
}

/** Gzip at level 9 and brotli at quality 11: what a host precompressing its static files would serve. */
export function measureFile(path: string, name: string): FileSize {
  const bytes = readFileSync(path);
  return {
    file: name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function group(files: FileSize[]): SizeGroup {
  return {
    files,
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    brotli: files.reduce((sum, f) => sum + f.brotli, 0),
  };
}

export interface AppSizes {
  /** JS that index.html loads: its module scripts and everything they import statically (not `import()`). */
  initialJs: SizeGroup;
  initialCss: SizeGroup;
  /** Chunks only loaded on demand (e.g. the clinicians' review page). */
  lazyJs: SizeGroup;
  allJs: SizeGroup;
  allCss: SizeGroup;
}

export function appSizes(outDir: string, chunks: BuiltChunk[]): AppSizes {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const initial = initialJsFiles(html, chunks);
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initialCssNames = new Set(linkedFiles(html, /<link\b[^>]*rel=["']stylesheet["'][^>]*>/gi));
  for (const name of initial) for (const css of byName.get(name)?.importedCss ?? []) initialCssNames.add(css);

  const files = listFiles(outDir);
  const measure = (names: string[]) => group(names.map((name) => measureFile(join(outDir, name), name)));
  const js = files.filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
  const css = files.filter((f) => f.endsWith('.css'));
  return {
    initialJs: measure(js.filter((f) => initial.has(f))),
    initialCss: measure(css.filter((f) => initialCssNames.has(f))),
    lazyJs: measure(js.filter((f) => !initial.has(f))),
    allJs: measure(js),
    allCss: measure(css),
  };
}

/** The entry scripts (and modulepreloads) of index.html, then every chunk they import statically. */
export function initialJsFiles(html: string, chunks: BuiltChunk[]): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const start = [
    ...linkedFiles(html, /<script\b[^>]*type=["']module["'][^>]*>/gi),
    ...linkedFiles(html, /<link\b[^>]*rel=["']modulepreload["'][^>]*>/gi),
  ];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const next of byName.get(name)?.imports ?? []) visit(next);
  };
  start.forEach(visit);
  return seen;
}

/** The local files referenced by `src`/`href` in the matching tags, as paths relative to the build folder. */
function linkedFiles(html: string, tag: RegExp): string[] {
  const names: string[] = [];
  for (const match of html.matchAll(tag)) {
    const ref = /\b(?:src|href)=["']([^"']+)["']/i.exec(match[0])?.[1];
    if (!ref || /^[a-z]+:\/\//i.test(ref)) continue;
    names.push(ref.replace(/^\.?\//, '').split(/[?#]/)[0] as string);
  }
  return names;
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

export type EmbedSizes =
  | { status: 'not built'; reason: string }
  | {
      status: 'built';
      /**
       * What a clinic's page loads for the custom element before it shows anything: the entry (backcheck.js) and
       * the chunks it imports statically (the widget's CSS is inside its JS).
       */
      bundle: SizeGroup;
      /** Chunks the entry loads with `import()` (the rest of the check, the rules, answer sharing). */
      lazy: SizeGroup;
      /** The few lines a clinic adds beside an iframe, or null when there is none. */
      host: SizeGroup | null;
    };

export const EMBED_ENTRY = 'backcheck.js';
export const HOST_SCRIPT = 'backcheck-host.js';

/** The embed build's files (`npm run build:embed`, built by the bench into a folder of its own). */
export function embedSizes(embed: AppBuild): EmbedSizes {
  if (!embed.ok) return { status: 'not built', reason: embed.reason };
  const initial = reachable([EMBED_ENTRY], embed.chunks, { dynamic: false });
  const measure = (names: string[]) => group(names.map((name) => measureFile(join(embed.outDir, name), name)));
  const js = embed.chunks.map((c) => c.fileName);
  return {
    status: 'built',
    bundle: measure(js.filter((f) => initial.has(f))),
    lazy: measure(js.filter((f) => !initial.has(f))),
    host: existsSync(join(embed.outDir, HOST_SCRIPT)) ? measure([HOST_SCRIPT]) : null,
  };
}

/** Chunks of the clinicians' review page (and its worker): never part of a person's check. */
const NOT_IN_THE_CHECK = /\/src\/review\//;
/** The words of the rules, one chunk per language: a person downloads one (the larger is counted). */
const LANGUAGE_PACK = /\?rules-text-[a-z]+$/;

/**
 * Every file reachable from `starts` through the chunk graph: static imports, dynamic ones too unless told not to
 * (never into the review page), and the CSS attached to each chunk.
 */
export function reachable(starts: readonly string[], chunks: readonly BuiltChunk[], options: { dynamic: boolean }): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const chunk = byName.get(name);
    if (chunk?.facade && NOT_IN_THE_CHECK.test(chunk.facade)) return;
    seen.add(name);
    if (!chunk) return;
    for (const css of chunk.importedCss) seen.add(css);
    for (const next of chunk.imports) visit(next);
    if (options.dynamic) for (const next of chunk.dynamicImports) visit(next);
  };
  starts.forEach(visit);
  return seen;
}

export type Way = 'standalone' | 'iframe' | 'element';

export interface WholeCheck extends Omit<SizeGroup, 'files'> {
  /** The way in that downloads the most (the budget applies to it). */
  worst: Way;
  /** Per way in: every file a person can download from opening the page to seeing their result. */
  ways: Record<Way, SizeGroup>;
}

/**
 * The whole check, each way a person meets it: the page (or the clinic's script tags), everything it loads at once,
 * and everything it may load before the result (the rest of the check, the rules and the words of one language,
 * answer sharing), never the clinicians' review page. Each file gzip -9 / brotli -q11 on its own, as a host with precompressed files sends it.
 */
export function wholeCheck(app: { outDir: string; chunks: BuiltChunk[] }, embed: { outDir: string; chunks: BuiltChunk[] }): WholeCheck {
  /** The files measured, with only the largest of the language packs among them. */
  const oneLanguage = (chunks: readonly BuiltChunk[], files: FileSize[], prefix = ''): FileSize[] => {
    const packs = new Set(chunks.filter((c) => c.facade && LANGUAGE_PACK.test(c.facade)).map((c) => `${prefix}${c.fileName}`));
    const largest = files.filter((f) => packs.has(f.file)).sort((a, b) => b.gzip - a.gzip)[0];
    return files.filter((f) => !packs.has(f.file) || f === largest);
  };
  const page = (html: string) => {
    const text = readFileSync(join(app.outDir, html), 'utf8');
    const starts = [
      ...linkedFiles(text, /<script\b[^>]*type=["']module["'][^>]*>/gi),
      ...linkedFiles(text, /<link\b[^>]*rel=["'](?:modulepreload|stylesheet)["'][^>]*>/gi),
    ];
    const files = [html, ...reachable(starts, app.chunks, { dynamic: true })].map((name) => measureFile(join(app.outDir, name), name));
    return oneLanguage(app.chunks, files);
  };
  // Every language pack counts for the element: the release's SRI-pinned tags (src/build/release.ts, pinnedTags)
  // modulepreload every chunk of the embed so each is checked against its hash, the other language's words too.
  const inEmbed = (names: Iterable<string>) => [...names].map((name) => measureFile(join(embed.outDir, name), `embed/${name}`));
  const ways: Record<Way, SizeGroup> = {
    standalone: group(page('index.html')),
    iframe: group([...page('embed.html'), ...(existsSync(join(embed.outDir, HOST_SCRIPT)) ? [measureFile(join(embed.outDir, HOST_SCRIPT), `embed/${HOST_SCRIPT}`)] : [])]),
    element: group(inEmbed(reachable([EMBED_ENTRY], embed.chunks, { dynamic: true }))),
  };
  const worst = (Object.keys(ways) as Way[]).reduce((a, b) => (ways[b].gzip > ways[a].gzip ? b : a));
  const { raw, gzip, brotli } = ways[worst];
  return { raw, gzip, brotli, worst, ways };
}

export interface DependencyShare {
  /** An npm package, an app folder (`src/ui`), the rules data, or the bundler's own runtime. */
  name: string;
  bytes: number;
  /** Bytes of this dependency in the initial JS. */
  initialBytes: number;
  /** Gzip size of its initial code on its own (unminified, so only its proportion to the others is meaningful). */
  initialGzipAlone: number;
  /** Share of all rendered JS. */
  share: number;
}

/** Who the JS bytes belong to, from the bundler's per-module rendered lengths, biggest first. */
export function dependencyShares(chunks: BuiltChunk[], initial: Set<string>, root: string): DependencyShare[] {
  const totals = new Map<string, { bytes: number; initialBytes: number; initialCode: string[] }>();
  let all = 0;
  for (const chunk of chunks) {
    for (const m of chunk.modules) {
      const name = ownerOf(m.id, root);
      const entry = totals.get(name) ?? { bytes: 0, initialBytes: 0, initialCode: [] };
      entry.bytes += m.renderedLength;
      if (initial.has(chunk.fileName)) {
        entry.initialBytes += m.renderedLength;
        entry.initialCode.push(m.code);
      }
      totals.set(name, entry);
      all += m.renderedLength;
    }
  }
  return [...totals]
    .map(([name, t]) => ({
      name,
      bytes: t.bytes,
      initialBytes: t.initialBytes,
      // Comments and whitespace compress away, so gzip of the unminified code is a fairer weight than its length.
      initialGzipAlone: t.initialCode.length > 0 ? gzipSync(t.initialCode.join('\n'), { level: 9 }).length : 0,
      share: all > 0 ? t.bytes / all : 0,
    }))
    .sort((a, b) => b.initialGzipAlone - a.initialGzipAlone || b.bytes - a.bytes);
}

export function ownerOf(id: string, root: string): string {
  if (id.startsWith('\0') || id.startsWith('virtual:')) return '(bundler runtime)';
  const clean = id.split('?')[0] as string;
  if (id.includes('?rules')) return 'rules data (YAML, validated at build)';
  const inModules = clean.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const parts = clean.slice(inModules + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? clean);
  }
  const path = relative(root, clean);
  const [top, folder] = path.split('/');
  return top === 'src' && folder && path.split('/').length > 2 ? `app: src/${folder}` : `app: ${path}`;
}
