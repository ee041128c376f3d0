/**
 * A one-iteration smoke run of `npm run bench`, so the benchmark cannot rot. It asserts that the
 * benchmark runs end to end and reports every figure; the budgets themselves are reported, not
 * enforced here (a noisy machine must not fail the suite).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('runs end to end and reports every figure', { timeout: 240_000 }, async () => {
  const { stdout } = await run('node', ['test/bench/run.mjs', '--smoke', '--no-build', '--json'], {
    maxBuffer: 16 * 1024 * 1024,
    timeout: 230_000,
  });
  const r = JSON.parse(stdout.trim().split('\n').at(-1)!);
  expect(r.runs).toBe(1);
  for (const k of ['app', 'maplibre', 'chartjs', 'geometry', 'data', 'total', 'beforeColored'])
    expect(r.bytes.app[k]).toBeTypeOf('number');
  // A first visit fetches no MapLibre: the SVG map is the map until the pointer brings it in.
  expect(r.bytes.app.maplibre).toBe(0);
  expect(r.bytes.app.beforeColored).toBeGreaterThan(20_000);
  expect(r.bytes.app.beforeColored).toBeLessThanOrEqual(r.bytes.app.total);
  // Brought in, it is its chunk, its worker and the tiles in view.
  expect(r.bytes.maplibreOnDemand).toBeGreaterThan(400_000);
  expect(r.bytes.floor.maplibre).toBeGreaterThan(100_000);
  for (const s of [
    r.firstText,
    r.coldColored.app,
    r.coldColored.floor,
    r.warmColored,
    r.metricSwitch,
    r.yearSwitch,
    r.floorRestyle,
    r.select,
  ])
    expect(s.median).toBeGreaterThan(0);
  // The coloured map is timed when painted, which comes after MapLibre's 'idle' for it.
  expect(r.coldColored.app.median).toBeGreaterThanOrEqual(r.coldIdle.app.median);
  expect(r.coldColored.floor.median).toBeGreaterThanOrEqual(r.coldIdle.floor.median);
  // The machine's speed, timed before and after the runs.
  expect(r.calibration.before).toBeGreaterThan(0);
  expect(r.calibration.after).toBeGreaterThan(0);
  for (const p of ['desktop', 'mobile']) {
    expect(r.lighthouse[p].runs).toBe(1);
    expect(r.lighthouse[p].accessibility).toBeGreaterThan(0);
    expect(r.lighthouse[p].tbt).toBeTypeOf('number');
  }
  expect(r.budgets.length).toBeGreaterThanOrEqual(16);
  for (const b of r.budgets) expect(typeof b.met).toBe('boolean');
});
