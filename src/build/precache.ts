// Which built files the standalone app's service worker keeps, worked out from the bundler's chunk graph. Pure, so
// the choice is unit-tested without a build.
//   precache  everything the check can load, fetched when the service worker installs: the page, its chunks and
//             styles, everything they may import later (the other language's words), the manifest and icons. After
//             one visit the check opens and runs to its result without signal.
//   later     the rest of the standalone app (the clinicians' review page and its worker, ~200 kB gzip that no
//             gym-goer needs): kept when first loaded, so a review opened once also opens offline.
// Files that only the iframe page (embed.html) loads are in neither list: the service worker leaves them to the
// network, as if it were not there.

export interface GraphChunk {
  fileName: string;
  /** The source module the chunk stands for (an entry or a dynamic import's target), or null for shared chunks. */
  facade: string | null;
  /** What loads with it: static imports, its CSS and its assets. */
  links: readonly string[];
  /** Chunks it may load later with `import()`. */
  dynamicImports: readonly string[];
}

export interface OfflineGraph {
  /** Files the standalone page (index.html) references: its script, modulepreloads and stylesheets. */
  page: readonly string[];
  /** The same for the iframe page (embed.html). */
  embedPage: readonly string[];
  chunks: readonly GraphChunk[];
  /** Every file the build writes (chunks, assets, pages), and the copied public files. */
  files: readonly string[];
  /** Public files (manifest, icons): always precached. */
  publicFiles: readonly string[];
}

export interface OfflineFiles {
  precache: string[];
  later: string[];
}

/** A lazily loaded module that is not part of the gym-goer's check. */
export const ONLINE_ONLY = /\/src\/review\//;

export const PAGE = 'index.html';
export const EMBED_PAGE = 'embed.html';

/** Files reachable from `starts`, following dynamic imports only into chunks `follow` accepts. */
export function reachable(starts: readonly string[], chunks: readonly GraphChunk[], follow: (chunk: GraphChunk) => boolean): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const chunk = byName.get(name);
    if (!chunk) return;
    chunk.links.forEach(visit);
    for (const next of chunk.dynamicImports) {
      const target = byName.get(next);
      if (!target || follow(target)) visit(next);
    }
  };
  starts.forEach(visit);
  return seen;
}

export function offlineFiles(graph: OfflineGraph): OfflineFiles {
  const check = reachable(graph.page, graph.chunks, (c) => c.facade === null || !ONLINE_ONLY.test(c.facade));
  const app = reachable(graph.page, graph.chunks, () => true);
  const embed = reachable(graph.embedPage, graph.chunks, () => true);
  const precache = new Set([PAGE, ...check, ...graph.publicFiles]);
  const later = graph.files.filter(
    (f) => !precache.has(f) && f !== EMBED_PAGE && !(embed.has(f) && !app.has(f)),
  );
  return { precache: [...precache].sort(), later: [...later].sort() };
}

/** The local files an HTML page's `<script src>` and `<link href>` tags name, relative to the build folder. */
export function pageFiles(html: string): string[] {
  const names: string[] = [];
  for (const tag of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    if (/\brel=["'](?:icon|manifest)["']/i.test(tag[0])) continue;
    const ref = /\b(?:src|href)=["']([^"']+)["']/i.exec(tag[0])?.[1];
    if (!ref || /^[a-z]+:/i.test(ref)) continue;
    names.push(ref.replace(/^\.?\//, '').split(/[?#]/)[0] as string);
  }
  return names;
}
