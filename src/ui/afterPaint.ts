/**
 * Runs work that can wait until the browser has painted the next frame: the map and the text a
 * reader asked for are drawn first, bookkeeping (history entries, chart rebuilds) follows.
 */

/**
 * Calls `fn` once, in a task after the next animation frame, or after `fallbackMs` where no
 * frame comes (a background tab draws none). Returns a function that cancels the call.
 */
export function afterPaint(fn: () => void, fallbackMs = 100): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
  const run = () => {
    if (done) return;
    cancel();
    fn();
  };
  // The frame callback runs before that frame is painted; the task it queues runs after.
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  const fallback = setTimeout(run, fallbackMs);
  return cancel;
}
