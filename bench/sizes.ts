// What the browser downloads: raw, gzip and brotli bytes per file (each file compressed on its own, as a static
// host serves it), the initial JS a first visit must load, and the embed bundle when it has been built.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { BuiltChunk } from './build.ts';

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
  | { status: 'not built'; expected: string }
  | {
      status: 'built';
      dir: string;
      /**
       * What a clinic's page loads for the custom element before it shows anything: the entry (backcheck.js), the
       * chunks it imports statically, and every CSS file (the widget inlines its CSS, so usually none).
       */
      bundle: SizeGroup;
      /** Chunks the entry loads with `import()` (the rest of the check, the rules, answer sharing). */
      lazy: SizeGroup;
      /** The few lines a clinic adds beside an iframe (`*host*.js`), or null when there is none. */
      host: SizeGroup | null;
    };

export const EMBED_DIR = 'dist/embed';

/**
 * The embed build's output in `dist/embed/`: every `.js`/`.css` file there is the embed bundle, except files whose
 * name contains "host", which are the iframe host script (budgeted on its own).
 */
export function embedSizes(root: string): EmbedSizes {
  const dir = join(root, EMBED_DIR);
  const expected = `${EMBED_DIR}/ (embed JS + CSS; iframe host script named *host*.js), from \`npm run build:embed\``;
  if (!existsSync(dir)) return { status: 'not built', expected };
  const files = listFiles(dir).filter((f) => /\.(m?js|css)$/.test(f));
  if (files.length === 0) return { status: 'not built', expected };
  const isHost = (f: string) => /host/i.test(f) && /\.m?js$/.test(f);
  const measure = (names: string[]) => group(names.map((name) => measureFile(join(dir, name), name)));
  const hostFiles = files.filter(isHost);
  const bundleFiles = files.filter((f) => !isHost(f));
  const initial = embedInitialFiles(dir, bundleFiles);
  return {
    status: 'built',
    dir: EMBED_DIR,
    bundle: measure(bundleFiles.filter((f) => initial.has(f) || f.endsWith('.css'))),
    lazy: measure(bundleFiles.filter((f) => !initial.has(f) && !f.endsWith('.css'))),
    host: hostFiles.length > 0 ? measure(hostFiles) : null,
  };
}

export const EMBED_ENTRY = 'backcheck.js';

/**
 * The embed entry and the chunks it imports statically, read from the built files (`import ... from"./x.js"`,
 * `import"./x.js"`; not `import("./x.js")`). Without an entry named backcheck.js, every JS file counts as initial.
 */
export function embedInitialFiles(dir: string, files: string[]): Set<string> {
  const js = files.filter((f) => /\.m?js$/.test(f));
  if (!js.includes(EMBED_ENTRY)) return new Set(js);
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !js.includes(name)) return;
    seen.add(name);
    const code = readFileSync(join(dir, name), 'utf8');
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`]\.\/([^"'`]+)["'`]/g)) {
      visit(m[1] as string);
    }
  };
  visit(EMBED_ENTRY);
  return seen;
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
