/**
 * Whether MapLibre can draw here: it needs WebGL2 (its constructor throws without it). Asked only
 * when a reader first wants to pan or zoom, since making a context costs milliseconds; the SVG
 * map needs nothing of it.
 */
export function hasWebGL2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    // Give the context back at once: browsers allow only a few at a time.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}
