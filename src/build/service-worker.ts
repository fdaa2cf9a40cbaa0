// The standalone app's service worker (sw.js), which lets the check open without signal after one visit. Its code is
// `runServiceWorker` below, written out by the build (src/build/offline-plugin.ts) as
// `(runServiceWorker)(self, { version, precache, later })`, so it is type-checked and unit-tested here while the
// file the browser loads holds one function and the build's file lists, and nothing else.
//
// How an update applies without a stale mix of old and new chunks:
//   - one cache per build version (`backcheck-<version>`), filled whole at install (addAll: all files or none);
//   - no skipWaiting: a new worker waits while any page of the old version is open, and that page keeps loading its
//     lazily loaded chunks (the other language's words, the review) from the old version's cache, under the names
//     its own code asks for;
//   - the next visit, with no old page left, runs the new worker: it deletes the old caches and serves the new page,
//     which only ever asks for new names.

/** What a build tells its service worker. */
export interface WorkerBuild {
  /** A hash of the build's files: a new one means a new cache. */
  version: string;
  /** Paths (relative to the worker's folder) fetched at install: everything the check may load. */
  precache: readonly string[];
  /** Paths of the same build kept once loaded (the review page). */
  later: readonly string[];
}

// The few service worker globals it uses, declared here: the rest of src/ compiles against the DOM library, which has
// no ServiceWorkerGlobalScope, and TypeScript's webworker library cannot be loaded beside it.
export interface LifecycleEvent {
  waitUntil(work: Promise<unknown>): void;
}
export interface FetchEventLike extends LifecycleEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
export interface WorkerScope {
  readonly registration: { readonly scope: string };
  readonly caches: CacheStorage;
  readonly clients: { claim(): Promise<void> };
  fetch(request: Request): Promise<Response>;
  addEventListener(type: 'install' | 'activate', listener: (event: LifecycleEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

/** The worker. Self-contained (it is written out as source): it may use nothing from outside its body. */
export function runServiceWorker(sw: WorkerScope, build: WorkerBuild): void {
  // The caches this worker owns start with this; other caches of the origin are left alone.
  const prefix = 'backcheck-';
  const cacheName = prefix + build.version;
  const url = (path: string) => new URL(path, sw.registration.scope).href;
  const page = url('index.html');
  // The addresses of the standalone page: its folder, index.html, and the review route.
  const pages = new Set([url(''), page, url('review')]);
  const precached = build.precache.map(url);
  const known = new Set([...precached, ...build.later.map(url)]);

  sw.addEventListener('install', (event) => {
    // Hashed chunks may come from the HTTP cache (the page has just loaded them); the page, the manifest and the
    // icons keep their names across releases, so they are revalidated, or a new version could cache an old page.
    const requests = precached.map((u) => new Request(u, { cache: u.includes('/assets/') ? 'default' : 'no-cache' }));
    event.waitUntil(sw.caches.open(cacheName).then((cache) => cache.addAll(requests)));
  });

  sw.addEventListener('activate', (event) => {
    const old = (name: string) => name.startsWith(prefix) && name !== cacheName;
    event.waitUntil(
      sw.caches
        .keys()
        .then((names) => Promise.all(names.filter(old).map((name) => sw.caches.delete(name))))
        // The first visit's page, loaded before there was a worker, gets its later chunks from the cache too.
        .then(() => sw.clients.claim()),
    );
  });

  sw.addEventListener('fetch', (event) => {
    const { request } = event;
    const address = request.url.split('#')[0]!.split('?')[0]!;
    const isPage = request.mode === 'navigate' && pages.has(address);
    // Anything else (embed.html and the element's files, another site): the network, as if there were no worker.
    if (request.method !== 'GET' || !(isPage || known.has(address))) return;
    const key = isPage ? page : address;
    event.respondWith(
      sw.caches.open(cacheName).then(async (cache) => {
        const hit = await cache.match(key);
        if (hit) return hit;
        const response = await sw.fetch(request);
        if (response.ok && !isPage) await cache.put(key, response.clone());
        return response;
      }),
    );
  });
}

/** sw.js's text for a build, after `banner` (the release's version, src/build/version.ts). */
export function serviceWorkerSource(build: WorkerBuild, banner = ''): string {
  return `${banner}\n(${runServiceWorker.toString()})(self, ${JSON.stringify(build)});\n`;
}
