// @vitest-environment node
// The offline worker's behaviour (src/build/service-worker.ts), run against an in-memory Cache Storage: what it
// caches at install, which caches it deletes at activation, and which requests it answers (only the standalone
// app's files; the embed's and everyone else's go to the network untouched).
import { describe, expect, it } from 'vitest';
import { runServiceWorker, serviceWorkerSource, type FetchEventLike, type LifecycleEvent, type WorkerBuild, type WorkerScope } from '../../src/build/service-worker.ts';

const SCOPE = 'https://cdn.example/backcheck/backcheck-1.0.0/';
const BUILD: WorkerBuild = {
  version: 'b2',
  precache: ['index.html', 'assets/index-AAAA1111.js', 'assets/LoadedCheck-BBBB2222.js', 'manifest.webmanifest'],
  later: ['assets/ReviewRoute-CCCC3333.js'],
};

class MemoryCache implements Cache {
  readonly entries = new Map<string, Response>();
  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    return this.entries.get(urlOf(request))?.clone();
  }
  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    this.entries.set(urlOf(request), response);
  }
  async addAll(requests: Iterable<RequestInfo>): Promise<void> {
    throw new Error(`addAll is the worker's: ${[...requests].length}`);
  }
  async add(): Promise<void> {
    throw new Error('not used');
  }
  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(urlOf(request));
  }
  async keys(): Promise<readonly Request[]> {
    return [...this.entries.keys()].map((u) => new Request(u));
  }
  async matchAll(): Promise<readonly Response[]> {
    return [...this.entries.values()];
  }
}

const urlOf = (request: RequestInfo | URL) => (request instanceof Request ? request.url : String(request));

/** A worker scope in memory: its caches, what it fetched from the network, and its listeners. */
function scope() {
  const named = new Map<string, MemoryCache>();
  const fetched: { url: string; cache: RequestCache }[] = [];
  const listeners = new Map<string, (event: never) => void>();
  let claimed = false;
  const caches: CacheStorage = {
    async open(name) {
      const cache = named.get(name) ?? new MemoryCache();
      // addAll as browsers do it: every request fetched, all stored or none.
      cache.addAll = async (requests) => {
        const responses = await Promise.all([...requests].map(async (r) => [urlOf(r), await sw.fetch(r instanceof Request ? r : new Request(r))] as const));
        for (const [url, response] of responses) cache.entries.set(url, response);
      };
      named.set(name, cache);
      return cache;
    },
    async keys() {
      return [...named.keys()];
    },
    async delete(name) {
      return named.delete(name);
    },
    async has(name) {
      return named.has(name);
    },
    async match() {
      throw new Error('not used');
    },
  };
  const sw: WorkerScope = {
    registration: { scope: SCOPE },
    caches,
    clients: {
      async claim() {
        claimed = true;
      },
    },
    async fetch(request) {
      fetched.push({ url: request.url, cache: request.cache });
      return new Response(`network: ${request.url}`, { status: 200 });
    },
    addEventListener(type: string, listener: (event: never) => void) {
      listeners.set(type, listener);
    },
  };
  const lifecycle = async (type: 'install' | 'activate') => {
    let work: Promise<unknown> = Promise.resolve();
    const event: LifecycleEvent = { waitUntil: (p) => void (work = p) };
    (listeners.get(type) as (e: LifecycleEvent) => void)(event);
    await work;
  };
  /** The worker's answer to a request, or null when it leaves it to the network. */
  const request = async (url: string, init: { mode?: RequestMode; method?: string } = {}): Promise<string | null> => {
    let answer: Promise<Response> | null = null;
    const req = new Request(url, { method: init.method ?? 'GET' });
    // Node's Request cannot be made with mode "navigate"; the worker reads only url, method and mode.
    const event: FetchEventLike = {
      request: Object.defineProperty(req, 'mode', { value: init.mode ?? 'cors' }),
      respondWith: (r) => void (answer = r),
      waitUntil: () => undefined,
    };
    (listeners.get('fetch') as (e: FetchEventLike) => void)(event);
    return answer ? (await answer as Response).text() : null;
  };
  return { sw, named, fetched, lifecycle, request, claimed: () => claimed };
}

describe('the offline worker', () => {
  it('at install, fetches every file of the check into a cache named after the build, revalidating the unhashed ones', async () => {
    const s = scope();
    runServiceWorker(s.sw, BUILD);
    await s.lifecycle('install');
    expect([...s.named.keys()]).toEqual(['backcheck-b2']);
    expect([...s.named.get('backcheck-b2')!.entries.keys()].sort()).toEqual(BUILD.precache.map((p) => SCOPE + p).sort());
    expect(s.fetched.filter((f) => f.cache === 'no-cache').map((f) => f.url.slice(SCOPE.length)).sort()).toEqual(['index.html', 'manifest.webmanifest']);
  });

  it("at activation, deletes older builds' caches (never another app's) and takes over open pages", async () => {
    const s = scope();
    await s.sw.caches.open('backcheck-a1');
    await s.sw.caches.open('someone-elses-cache');
    runServiceWorker(s.sw, BUILD);
    await s.lifecycle('install');
    await s.lifecycle('activate');
    expect((await s.sw.caches.keys()).sort()).toEqual(['backcheck-b2', 'someone-elses-cache']);
    expect(s.claimed()).toBe(true);
  });

  it('answers the page (its folder, index.html, /review, with any query) from the cache, without the network', async () => {
    const s = scope();
    runServiceWorker(s.sw, BUILD);
    await s.lifecycle('install');
    s.fetched.length = 0;
    for (const path of ['', 'index.html', 'review', '?locale=es']) {
      expect(await s.request(SCOPE + path, { mode: 'navigate' }), path).toBe(`network: ${SCOPE}index.html`);
    }
    expect(await s.request(`${SCOPE}assets/LoadedCheck-BBBB2222.js`)).toBe(`network: ${SCOPE}assets/LoadedCheck-BBBB2222.js`);
    expect(s.fetched).toEqual([]);
  });

  it("keeps the review's files once loaded, and leaves everything else to the network: the embed, other builds, other sites, posts", async () => {
    const s = scope();
    runServiceWorker(s.sw, BUILD);
    await s.lifecycle('install');
    s.fetched.length = 0;
    const review = `${SCOPE}assets/ReviewRoute-CCCC3333.js`;
    await s.request(review);
    await s.request(review);
    expect(s.fetched.map((f) => f.url)).toEqual([review]);
    for (const url of [`${SCOPE}embed.html`, `${SCOPE}embed/backcheck.js`, `${SCOPE}assets/index-OLDOLD00.js`, 'https://elsewhere.example/x.js']) {
      expect(await s.request(url, { mode: url.endsWith('.html') ? 'navigate' : 'cors' }), url).toBeNull();
    }
    expect(await s.request(`${SCOPE}index.html`, { method: 'POST', mode: 'navigate' })).toBeNull();
  });

  it('sw.js runs as written out: one function and the build, nothing from outside it', async () => {
    const source = serviceWorkerSource(BUILD);
    expect(source).toContain('"version":"b2"');
    const s = scope();
    // The written-out text, run with the scope as `self`, installs the same cache.
    new Function('self', source)(s.sw);
    await s.lifecycle('install');
    expect([...s.named.keys()]).toEqual(['backcheck-b2']);
  });
});
