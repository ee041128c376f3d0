/**
 * A small static file server for the browser tests and the benchmark: gzip for text types (as a
 * real host would, so "bytes transferred" means something), correct MIME types for ES modules,
 * the worker and the map tiles, and index.html for navigations. It can be stopped for real (every
 * open connection dropped), which is how the tests make an outage: an engine's emulated offline
 * mode is not the same in every engine (Firefox's still reached the server).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.svg', '.txt', '.pbf']);

/**
 * Serves `root` on `port` (0: a free one) at 127.0.0.1; resolves once it listens, with the node
 * server, its `port`, its `origin` (http://localhost:PORT) and `stop()`, which closes it and every
 * connection still open. `mounts` maps extra URL paths to files outside `root` (the test harness).
 * @param {string} root
 * @param {number} port
 * @param {{ mounts?: Record<string, string> }} [options]
 */
export async function serve(root, port, { mounts = {} } = {}) {
  let base = resolve(root);
  const cache = new Map();
  /** Body bytes last sent for each path, as sent (gzipped where it was). */
  const sent = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = mounts[url.pathname] ?? normalize(join(base, decodeURIComponent(url.pathname)));
      if (!mounts[url.pathname] && !path.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      let s = await stat(path).catch(() => null);
      if (s?.isDirectory()) path = join(path, 'index.html');
      s = await stat(path).catch(() => null);
      if (!s && !extname(url.pathname)) path = join(base, 'index.html');
      const ext = extname(path);
      let body = cache.get(path);
      if (!body) {
        const raw = await readFile(path);
        body = { raw, gz: COMPRESSIBLE.has(ext) ? gzipSync(raw, { level: 9 }) : null };
        cache.set(path, body);
      }
      const gzip = body.gz && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      });
      const out = gzip ? body.gz : body.raw;
      sent.set(url.pathname, out.length);
      res.end(out);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(undefined));
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: actual,
    origin: `http://localhost:${actual}`,
    /**
     * Serves `dir` from the next request on, as an atomic deploy (a symlink swap) does: no file
     * of the old root is answered after this returns (the body cache goes with it).
     * @param {string} dir
     */
    setRoot(dir) {
      base = resolve(dir);
      cache.clear();
    },
    /** Body bytes last sent for a path (the benchmark counts what its own browser cannot see). */
    sentBytes: (path) => sent.get(path) ?? null,
    /** Stops listening and drops every open connection, as a host that went down would. */
    stop() {
      return new Promise((ok) => {
        server.close(() => ok(undefined));
        server.closeAllConnections();
      });
    },
    close() {
      server.close();
      server.closeAllConnections();
    },
  };
}
