/**
 * Whether the page is being printed: true from `beforeprint` (or the print media query matching)
 * until `afterprint`. What is drawn only for paper (the charts as SVG at the page's width, a
 * chart a phone never scrolled to) is made while this is true, so the screen never pays for it.
 * The state is flushed inside `beforeprint` itself: the browser lays the page out for print as
 * soon as the event's listeners return, and a ResizeObserver does not run before it does.
 */
import { flushSync } from 'svelte';

class Printing {
  active = $state(false);
}

let state: Printing | null = null;

/** The page's print state (listening starts with the first call). */
export function printing(): { readonly active: boolean } {
  if (state) return state;
  const s = (state = new Printing());
  if (typeof window === 'undefined') return s;
  const set = (on: boolean) => {
    if (s.active === on) return;
    s.active = on;
    flushSync();
  };
  const query = window.matchMedia?.('print');
  set(query?.matches ?? false);
  query?.addEventListener('change', (e) => set(e.matches));
  window.addEventListener('beforeprint', () => set(true));
  window.addEventListener('afterprint', () => set(query?.matches ?? false));
  return s;
}
