/**
 * The runner behind `npm test` (test/run-all.mjs): it stops at the first failure, says which
 * step failed and with what exit code, and its own exit code is honest.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitCode, plan, runSteps, summary } from '../run-all.mjs';

const node = (name: string, code: string) => ({ name, argv: [process.execPath, '-e', code] });
const quiet = () => {};

describe('npm test runner', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('runs every step and passes when all pass', async () => {
    const steps = [node('first', ''), node('second', '')];
    const { outcomes, seconds } = await runSteps(steps, quiet);
    expect(outcomes.map((o) => o.status)).toEqual(['passed', 'passed']);
    expect(exitCode(outcomes)).toBe(0);
    const text = summary(steps, outcomes, seconds);
    expect(text).toMatch(/^ {2}passed {3}first\s+\d+\.\d s$/m);
    expect(text.split('\n').at(-1)).toMatch(/^npm test: all 2 steps passed in \d+\.\d s\.$/);
  });

  it('stops at the first failure, names it, and exits with its code', async () => {
    const steps = [node('first', ''), node('second', 'process.exit(3)'), node('third', '')];
    const { outcomes, seconds } = await runSteps(steps, quiet);
    expect(outcomes.map((o) => o.status)).toEqual(['passed', 'FAILED']);
    expect(exitCode(outcomes)).toBe(3);
    const text = summary(steps, outcomes, seconds);
    expect(text).toMatch(/^ {2}FAILED {3}second\s+\d+\.\d s$/m);
    expect(text).toMatch(/^ {2}not run {2}third$/m);
    expect(text.split('\n').at(-1)).toMatch(
      /^npm test: FAILED at "second" \(.* -e process\.exit\(3\): exit code 3\); its output is above\. The steps after it were not run\.$/,
    );
  });

  it('counts a step killed by a signal as failed, with the code a shell would give', async () => {
    const { outcomes } = await runSteps([node('killed', 'process.kill(process.pid, "SIGTERM")')], quiet);
    expect(outcomes[0]).toMatchObject({ status: 'FAILED', code: 143 });
    expect(exitCode(outcomes)).toBe(143);
  });

  it('runs the browser suite per engine, as $ENGINES says', () => {
    vi.stubEnv('ENGINES', '');
    expect(plan().map((s) => s.name)).toEqual([
      'type check',
      'lint',
      'data check',
      'unit tests',
      'build',
      'browser: Chromium suite',
      'browser: Chromium',
      'browser: Firefox',
      'browser: WebKit',
    ]);
    vi.stubEnv('ENGINES', 'webkit');
    expect(
      plan()
        .filter((s) => s.name.startsWith('browser'))
        .map((s) => [s.name, s.env]),
    ).toEqual([
      ['browser: Chromium suite', undefined],
      ['browser: WebKit', { ENGINES: 'webkit' }],
    ]);
    vi.stubEnv('ENGINES', 'safari');
    expect(() => plan()).toThrow('ENGINES names safari; known engines: chromium, firefox, webkit');
  });
});
