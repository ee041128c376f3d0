import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GPU_WAIT_MS, whenDrawn } from '../../../../src/map/maplibre/whenDrawn';

// WebGL2's clientWaitSync answers (Chromium gives ALREADY_SIGNALED for a finished fence).
const ALREADY_SIGNALED = 0x911a;
const TIMEOUT_EXPIRED = 0x911b;
const CONDITION_SATISFIED = 0x911c;
const WAIT_FAILED = 0x911d;

/**
 * A WebGL2 context whose fences answer from `answers` in turn (the last one from then on); each
 * fence is a numbered object, so the calls say which one was waited on and deleted.
 */
function fakeGl(answers: number[], { fences = true } = {}) {
  const calls: string[] = [];
  let i = 0;
  let n = 0;
  const gl = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    TIMEOUT_EXPIRED,
    fenceSync: () => (fences ? (calls.push(`fence${++n}`), { n }) : null),
    flush: () => calls.push('flush'),
    clientWaitSync: (s: { n: number }, _flags: number, timeout: number) => {
      // Never a blocking wait: the main thread must not stall on the GPU.
      expect(timeout).toBe(0);
      calls.push(`wait${s.n}`);
      return answers[Math.min(i++, answers.length - 1)];
    },
    deleteSync: (s: { n: number }) => calls.push(`delete${s.n}`),
  };
  const canvas = { getContext: (kind: string) => (kind === 'webgl2' ? gl : null) };
  return { canvas: canvas as unknown as HTMLCanvasElement, calls };
}

describe('whenDrawn', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([
    ['already signalled (Chromium)', [ALREADY_SIGNALED], 1],
    ['condition satisfied', [CONDITION_SATISFIED], 1],
    ['signalled after two polls', [TIMEOUT_EXPIRED, TIMEOUT_EXPIRED, ALREADY_SIGNALED], 3],
    ['the context lost while waiting', [TIMEOUT_EXPIRED, WAIT_FAILED], 2],
  ])('calls back once the fence settles: %s', async (_name, answers, waits) => {
    const { canvas, calls } = fakeGl(answers);
    const then = vi.fn();
    whenDrawn(canvas, then);
    // Not in the task that drew the frame: the fence is flushed and polled later.
    expect(then).not.toHaveBeenCalled();
    expect(calls).toEqual(['fence1', 'flush']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(then).toHaveBeenCalledTimes(1);
    expect(calls.filter((c) => c.startsWith('wait'))).toHaveLength(waits);
    expect(calls.at(-1)).toBe('delete1');
  });

  it('waits for the latest frame when rearmed', async () => {
    const { canvas, calls } = fakeGl([TIMEOUT_EXPIRED, TIMEOUT_EXPIRED, ALREADY_SIGNALED]);
    const then = vi.fn();
    const wait = whenDrawn(canvas, then);
    await vi.advanceTimersByTimeAsync(1);
    wait.rearm();
    await vi.advanceTimersByTimeAsync(1000);
    expect(then).toHaveBeenCalledTimes(1);
    // The first fence is dropped for the second, which is the one that settles.
    expect(calls).toEqual([
      'fence1',
      'flush',
      'wait1',
      'delete1',
      'fence2',
      'flush',
      'wait2',
      'wait2',
      'delete2',
    ]);
    // A rearm once done does nothing.
    wait.rearm();
    expect(calls.at(-1)).toBe('delete2');
  });

  it('never calls back once cancelled', async () => {
    const { canvas, calls } = fakeGl([TIMEOUT_EXPIRED, ALREADY_SIGNALED]);
    const then = vi.fn();
    whenDrawn(canvas, then).cancel();
    await vi.advanceTimersByTimeAsync(GPU_WAIT_MS * 2);
    expect(then).not.toHaveBeenCalled();
    expect(calls).toEqual(['fence1', 'flush', 'delete1']);
  });

  it('gives up waiting after GPU_WAIT_MS and calls back anyway', async () => {
    const { canvas, calls } = fakeGl([TIMEOUT_EXPIRED]);
    const then = vi.fn();
    whenDrawn(canvas, then);
    await vi.advanceTimersByTimeAsync(GPU_WAIT_MS - 50);
    expect(then).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(then).toHaveBeenCalledTimes(1);
    expect(calls.at(-1)).toBe('delete1');
    // And stops polling.
    const polls = calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.length).toBe(polls);
  });

  it('calls back at once without a WebGL2 context, or when no fence can be made', () => {
    const none = vi.fn();
    whenDrawn({ getContext: () => null } as unknown as HTMLCanvasElement, none);
    expect(none).toHaveBeenCalledTimes(1);
    // A lost context makes no fences.
    const { canvas, calls } = fakeGl([ALREADY_SIGNALED], { fences: false });
    const lost = vi.fn();
    whenDrawn(canvas, lost);
    expect(lost).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([]);
  });
});
