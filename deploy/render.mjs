#!/usr/bin/env node
/**
 * Fills in deploy/nginx.conf's placeholders and prints the site's configuration (README,
 * "Deploying"); the browser tests use the same function (test/nginx.mjs).
 *
 *   node deploy/render.mjs --listen 80 --root /var/www/fast-lakarkontakt --base /
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TEMPLATE = fileURLToPath(new URL('./nginx.conf', import.meta.url));

/**
 * The site's nginx configuration for `listen` (port or address:port), `root` (an absolute path:
 * the web root) and `base` (`/` or `/sub/path/`), with every placeholder filled. A value nginx
 * would read as more than one token, or a base without its slashes, is refused with a message
 * naming it.
 * @param {{ listen: string | number, root: string, base?: string }} options
 * @returns {string}
 */
export function renderSite({ listen, root, base = '/' }) {
  const values = { LISTEN: String(listen), ROOT: root, BASE: base };
  for (const [name, value] of Object.entries(values))
    if (!value || /[\s;{}"'$\\]/.test(value.replace(/ ssl$/, '')))
      throw new Error(
        `deploy/render: --${name.toLowerCase()} "${value}" is empty or holds a character nginx would misread`,
      );
  if (!root.startsWith('/')) throw new Error(`deploy/render: --root "${root}" must be an absolute path`);
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base))
    throw new Error(`deploy/render: --base "${base}" must start and end with "/" (e.g. /fast-lakarkontakt/)`);
  return readFileSync(TEMPLATE, 'utf8').replace(/@(LISTEN|ROOT|BASE)@/g, (_, k) => values[k]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      listen: { type: 'string', default: '80' },
      root: { type: 'string' },
      base: { type: 'string', default: '/' },
    },
  });
  try {
    if (!values.root)
      throw new Error('deploy/render: --root is required (the web root: the build lies at ROOT + BASE)');
    process.stdout.write(renderSite({ listen: values.listen, root: values.root, base: values.base }));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
