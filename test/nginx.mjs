/**
 * Runs nginx, unprivileged, with the shipped site configuration (deploy/nginx.conf): the browser
 * tests serve the production build through it, with the headers, cache rules, types,
 * precompressed files and 404 page a real host sends. Everything nginx writes (pid, logs, temp
 * files) goes to a temporary directory; nginx binds a free port picked here (it cannot be asked
 * for port 0).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderSite } from '../deploy/render.mjs';

/** Debian's nginx binary, or $NGINX_PATH. */
export function nginxPath() {
  return process.env.NGINX_PATH || '/usr/sbin/nginx';
}

/** A port free on 127.0.0.1 at the time of asking. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The main configuration around the site: nginx in the foreground, its pid, logs and temp files
 * under `dir`, the site included as Debian's nginx.conf includes sites-enabled/.
 */
function mainConfig(dir, site) {
  return [
    'daemon off;',
    'master_process on;',
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    `    access_log ${dir}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${dir}/${t};`),
    '    sendfile on;',
    `    include ${site};`,
    '}',
    '',
  ].join('\n');
}

/**
 * Serves the web root `root` (the build at `root` + `base`) through deploy/nginx.conf on a free
 * port of 127.0.0.1. Resolves once nginx answers, with `origin` (http://localhost:PORT), `port`,
 * `log()` (its error log) and `stop()`; rejects with nginx's own message when it cannot start.
 * @param {{ root: string, base?: string }} options
 */
export async function startNginx({ root, base = '/' }) {
  const exe = nginxPath();
  if (!existsSync(exe))
    throw new Error(
      `nginx not found at ${exe}. The browser tests serve the build through it: ` +
        '`sudo apt-get install -y nginx` (Debian), or set NGINX_PATH.',
    );
  const dir = mkdtempSync(join(tmpdir(), 'flk-nginx-'));
  // Another process may take the port between asking and binding: then nginx says so at once,
  // and a second free port is tried (a port race, not a test retried).
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const site = join(dir, 'site.conf');
    writeFileSync(site, renderSite({ listen: `127.0.0.1:${port}`, root: resolve(root), base }));
    writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir, site));
    const child = spawn(exe, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    const exited = new Promise((ok) => child.once('exit', (code) => ok(code)));
    const up = await Promise.race([
      exited.then(() => false),
      (async () => {
        for (let i = 0; i < 200; i++) {
          const res = await fetch(`http://127.0.0.1:${port}${base}`).catch(() => null);
          if (res) return true;
          await new Promise((r) => setTimeout(r, 25));
        }
        return false;
      })(),
    ]);
    if (up) {
      return {
        port,
        origin: `http://localhost:${port}`,
        dir,
        log: () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''),
        /** Stops nginx (fast shutdown: open connections dropped) and removes its directory. */
        async stop() {
          if (child.exitCode === null) {
            child.kill('SIGTERM');
            await exited;
          }
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    lastError = `${stderr}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`;
    if (!/Address already in use/.test(lastError)) break;
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`nginx did not start with deploy/nginx.conf:\n${lastError.trim()}`);
}
