/**
 * Waiting for the GPU without blocking: used by regionMap.ts to show the map's first full frame
 * only once it is drawn.
 */

/** Longest wait for the GPU before the map is shown anyway (a fence that never signals). */
export const GPU_WAIT_MS = 3000;

/** A wait started by whenDrawn. */
export interface GpuWait {
  /** A frame was drawn meanwhile: wait for that one instead (the latest is what is shown). */
  rearm(): void;
  /** Stops waiting without calling back (the map is going away). */
  cancel(): void;
}

/**
 * Calls `then` once the GPU has finished everything the canvas's WebGL context was given so far,
 * polled between tasks (a fence's status only changes there), never blocking the main thread.
 * Compositing a WebGL canvas reads its pixels back on a software renderer (SwiftShader), and that
 * read waits, on the main thread, for the GPU to finish drawing: 170–200 ms for the first full
 * frame, one long task. Shown only once the GPU is done, the same read takes ~13 ms. Without a
 * WebGL2 context, or with a lost one, `then` is called at once.
 */
export function whenDrawn(canvas: HTMLCanvasElement, then: () => void): GpuWait {
  // The context MapLibre made (asking again for the same kind returns it).
  const gl = canvas.getContext('webgl2');
  const over: GpuWait = { rearm: () => undefined, cancel: () => undefined };
  if (!gl) {
    then();
    return over;
  }
  let done = false;
  let sync: WebGLSync | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fence = () => {
    if (sync) gl.deleteSync(sync);
    sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    // Sends the frame's commands (and the fence) to the GPU now, not at the next composite.
    if (sync) gl.flush();
  };
  const finish = (call: boolean) => {
    done = true;
    clearTimeout(timer);
    if (sync) gl.deleteSync(sync);
    sync = null;
    if (call) then();
  };
  fence();
  if (!sync) {
    finish(true);
    return over;
  }
  const start = performance.now();
  const poll = () => {
    // No fence (the context was lost on a rearm) or WAIT_FAILED: nothing more will come.
    const waiting = sync !== null && gl.clientWaitSync(sync, 0, 0) === gl.TIMEOUT_EXPIRED;
    if (waiting && performance.now() - start < GPU_WAIT_MS) timer = setTimeout(poll, 4);
    else finish(true);
  };
  timer = setTimeout(poll, 0);
  return {
    rearm: () => {
      if (!done) fence();
    },
    cancel: () => {
      if (!done) finish(false);
    },
  };
}
