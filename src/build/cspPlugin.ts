/**
 * Adds the Content-Security-Policy meta tag to the production build only (Vite's dev server
 * injects inline scripts for hot reload, which the policy rightly forbids).
 */
import type { Plugin } from 'vite';

/** The policy: nothing inline, nothing from another origin. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'fast-lakarkontakt-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
