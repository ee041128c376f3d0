/** Whether the reader asked for less motion: camera moves and scrolls then jump instead of easing. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
