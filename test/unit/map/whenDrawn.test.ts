import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GPU_WAIT_MS, whenDrawn } from '../../../src/lib/map/whenDrawn';

const TIMEOUT_EXPIRED = 0x911b;
const CONDITION_SATISFIED = 0x911c;
const WAIT_FAILED = 0x911d;

/** A WebGL2 context whose fence answers `answers` in turn (the last one from then on). */
function fakeGl(answers: number[]) {
  const calls: string[] = [];
  let i = 0;
  const gl = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    TIMEOUT_EXPIRED,
    fenceSync: () => (calls.push('fence'), { fence: true }),
    flush: () => calls.push('flush'),
    clientWaitSync: (_s: unknown, _flags: number, timeout: number) => {
      // Never a blocking wait: the main thread must not stall on the GPU.
      expect(timeout).toBe(0);
      calls.push('wait');
      return answers[Math.min(i++, answers.length - 1)];
    },
    deleteSync: () => calls.push('delete'),
  };
  const canvas = { getContext: (kind: string) => (kind === 'webgl2' ? gl : null) };
  return { canvas: canvas as unknown as HTMLCanvasElement, calls };
}

describe('whenDrawn', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([
    ['signalled at once', [CONDITION_SATISFIED], 1],
    ['signalled after two polls', [TIMEOUT_EXPIRED, TIMEOUT_EXPIRED, CONDITION_SATISFIED], 3],
    ['the context lost while waiting', [TIMEOUT_EXPIRED, WAIT_FAILED], 2],
  ])('calls back once the fence settles: %s', async (_name, answers, waits) => {
    const { canvas, calls } = fakeGl(answers);
    const then = vi.fn();
    whenDrawn(canvas, then);
    // Not in the task that drew the frame: the fence is flushed and polled later.
    expect(then).not.toHaveBeenCalled();
    expect(calls).toEqual(['fence', 'flush']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(then).toHaveBeenCalledTimes(1);
    expect(calls.filter((c) => c === 'wait')).toHaveLength(waits);
    expect(calls.at(-1)).toBe('delete');
  });

  it('gives up waiting after GPU_WAIT_MS and calls back anyway', async () => {
    const { canvas, calls } = fakeGl([TIMEOUT_EXPIRED]);
    const then = vi.fn();
    whenDrawn(canvas, then);
    await vi.advanceTimersByTimeAsync(GPU_WAIT_MS - 50);
    expect(then).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(then).toHaveBeenCalledTimes(1);
    expect(calls.at(-1)).toBe('delete');
    // And stops polling.
    const polls = calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.length).toBe(polls);
  });

  it('calls back at once without a WebGL2 context', () => {
    const then = vi.fn();
    whenDrawn({ getContext: () => null } as unknown as HTMLCanvasElement, then);
    expect(then).toHaveBeenCalledTimes(1);
  });
});
