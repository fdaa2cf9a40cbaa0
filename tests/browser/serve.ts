// A tiny static file server for browser tests and the bench: serves a built folder (e.g. dist/) on 127.0.0.1 at a
// free port, like a plain static host would, with no dependency beyond node:http.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Types worth compressing on the fly (images and fonts are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml|wasm)|image\/svg)/;

export interface ServeOptions {
  /** Extra headers on every response, e.g. `{ 'Content-Security-Policy': "default-src 'self'" }`. */
  headers?: Record<string, string>;
  /**
   * Compress text responses (brotli or gzip, as the browser accepts) like a production host. Off by default; the
   * bench turns it on so that download times under a slow network are realistic. Each file is compressed once and
   * kept, as a host serving precompressed assets would: compressing on every request at the highest brotli level
   * took this server most of a second per request, which the bench then counted as network time.
   * `'gzip'`: gzip (level 9) only, even to a browser that accepts brotli, as the first-question bench measures.
   */
  compress?: boolean | 'gzip';
  /** A fixed port (e.g. for `npm run demo`); by default a free one. */
  port?: number;
}

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close: () => Promise<void>;
}

/**
 * Serve `folder` on 127.0.0.1. Unknown paths without a file extension get `index.html` (the app's routes are
 * client-side); unknown paths with an extension are a 404, so a missing asset fails loudly instead of receiving HTML.
 */
export async function serveStatic(folder: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(folder);
  // Per server, so a rebuilt folder served again is never answered from an old copy.
  const cache: CompressedFiles = new Map();
  // Compressed before the first request, as a host's build step would: the first load is then no slower than the rest.
  if (options.compress) {
    const files = await listFiles(root);
    await Promise.all(
      files
        .filter((f) => COMPRESSIBLE.test(MIME_TYPES[extname(f).toLowerCase()] ?? ''))
        .map((f) => compressedFile(cache, f, options.compress === 'gzip' ? 'gzip' : 'br')),
    );
  }
  const server = createServer((req, res) => {
    handle(root, options, cache, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Server error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function handle(
  root: string,
  options: ServeOptions,
  cache: CompressedFiles,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = await findFile(root, new URL(req.url ?? '/', 'http://localhost').pathname);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const type = MIME_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  res.setHeader('Content-Type', type);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const encoding = options.compress && COMPRESSIBLE.test(type) ? pickEncoding(req.headers['accept-encoding'], options.compress === 'gzip') : null;
  if (encoding) {
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Content-Length', (await compressedFile(cache, file.path, encoding)).length);
  } else {
    res.setHeader('Content-Length', file.size);
  }
  res.writeHead(200);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  if (encoding) res.end(await compressedFile(cache, file.path, encoding));
  else await pipeline(createReadStream(file.path), res);
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
type CompressedFiles = Map<string, Promise<Buffer>>;

function compressedFile(cache: CompressedFiles, path: string, encoding: 'br' | 'gzip'): Promise<Buffer> {
  const key = `${encoding} ${path}`;
  let body = cache.get(key);
  if (!body) {
    body = readFile(path).then((raw) =>
      encoding === 'br'
        ? brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipAsync(raw, { level: 9 }),
    );
    cache.set(key, body);
  }
  return body;
}

/** The file for a URL path, refusing anything outside `root`; SPA fallback for extension-less paths. */
async function findFile(root: string, pathname: string): Promise<{ path: string; size: number } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  const direct = await fileAt(candidate);
  if (direct) return direct;
  const index = await fileAt(join(candidate, 'index.html'));
  if (index) return index;
  return extname(decoded) === '' ? fileAt(join(root, 'index.html')) : null;
}

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}

function pickEncoding(accept: string | undefined, gzipOnly: boolean): 'br' | 'gzip' | null {
  const offered = (accept ?? '').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  if (offered.includes('br') && !gzipOnly) return 'br';
  if (offered.includes('gzip')) return 'gzip';
  return null;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    // Links are left to be compressed on first request.
    entries.map((e) =>
      e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve(e.isFile() ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}
