/**
 * An attachment (`{@attach observeSize(set)}`) that reports an element's content size whenever
 * it changes, from a ResizeObserver's own entry: delivered after layout and before paint, so the
 * first report still reaches the first frame. Reading clientWidth instead (as bind:clientWidth
 * does when it mounts) forces a layout of the whole page in the middle of the script: ~180 ms on
 * a phone's first screen, measured with the CPU slowed 4×.
 */
export function observeSize(set: (width: number, height: number) => void): (el: Element) => () => void {
  return (el) => {
    const ro = new ResizeObserver(([e]) => {
      if (e) set(e.contentRect.width, e.contentRect.height);
    });
    ro.observe(el);
    return () => ro.disconnect();
  };
}
