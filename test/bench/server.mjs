/**
 * A small static file server for the benchmark: gzip for text types (as a real host would, so
 * "bytes transferred" means something), correct MIME types for ES modules and the worker, and
 * index.html for navigations. Serves one folder per port.
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
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.svg', '.txt']);

/** Serves `root` on `port`; resolves with the server once it listens. */
export function serve(root, port) {
  const base = resolve(root);
  const cache = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (!path.startsWith(base)) {
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
      res.end(gzip ? body.gz : body.raw);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}
