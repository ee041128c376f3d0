/**
 * A value that follows another once the frame showing the change has been painted: for the
 * parts of the page beside or below the map (the region list, the national chart), so that a
 * switch draws the map, legend and summary in the very next frame and these a frame later. The
 * reader looks at the map; rebuilding everything in one task made a metric switch nearly twice
 * as slow as the bare restyle of the map (the benchmark's budget).
 */
import { untrack } from 'svelte';
import { afterPaint } from './afterPaint';

export class Lagged<T> {
  /** The followed value as it was when the last frame was painted. */
  value: T = $state.raw() as T;

  /** Follows `get`; to be made while a component initialises (it owns an effect). */
  constructor(get: () => T) {
    this.value = untrack(get);
    $effect(() => {
      const next = get();
      if (next === untrack(() => this.value)) return;
      return afterPaint(() => (this.value = next));
    });
  }
}
