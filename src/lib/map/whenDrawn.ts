/**
 * Waiting for the GPU without blocking: used by regionMap.ts to show the map's first full frame
 * only once it is drawn.
 */

/** Longest wait for the GPU before the map is shown anyway (a fence that never signals). */
export const GPU_WAIT_MS = 3000;

/**
 * Calls `then` once the GPU has finished everything the canvas's WebGL context was given so far,
 * polled between tasks (a fence's status only changes there), never blocking the main thread.
 * Compositing a WebGL canvas reads its pixels back on a software renderer (SwiftShader), and that
 * read waits, on the main thread, for the GPU to finish drawing: 170–200 ms for the first full
 * frame, one long task. Shown only once the GPU is done, the same read takes ~13 ms.
 */
export function whenDrawn(canvas: HTMLCanvasElement, then: () => void): void {
  // The context MapLibre made (asking again for the same kind returns it).
  const gl = canvas.getContext('webgl2');
  const sync = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0) ?? null;
  if (!gl || !sync) return then();
  gl.flush();
  const start = performance.now();
  const poll = () => {
    // WAIT_FAILED (a lost context) shows the map too: nothing more will come.
    const waiting = gl.clientWaitSync(sync, 0, 0) === gl.TIMEOUT_EXPIRED;
    if (waiting && performance.now() - start < GPU_WAIT_MS) {
      setTimeout(poll, 4);
      return;
    }
    gl.deleteSync(sync);
    then();
  };
  setTimeout(poll, 0);
}
