/**
 * `npm test`: every check the project has, in order, each one's output streamed as it runs and
 * each timed. The first failure stops the run with a line naming it; the last screen is a table
 * of what passed (the browser suite per engine), with test counts and times, so a long run's
 * verdict does not have to be found among several hundred lines. The exit code is the failed
 * step's (non-zero on any failure), 0 when everything passed.
 *
 * The browser suite runs as one vitest run per part: the Chromium-only files, then
 * engines.test.ts once per engine ($ENGINES, default all three), so each engine's time is its own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ENGINE_LABELS, selectedEngines } from './e2e/engines/names.mjs';

/**
 * @typedef {object} Step
 * @property {string} name what the summary calls it
 * @property {string[]} argv the command, split for spawn
 * @property {Record<string, string>} [env] variables set for this step only
 * @property {boolean} [vitest] a vitest run: its test counts come from its JSON report
 */

/**
 * @typedef {object} Outcome
 * @property {'passed' | 'FAILED'} status
 * @property {number} seconds
 * @property {number} code the exit code (128 + the signal's number when it was killed)
 * @property {string} [detail] test counts, for vitest steps
 */

const ROOT = resolve(import.meta.dirname, '..');
const ENGINES_FILE = 'test/e2e/engines.test.ts';

/** @param {string} name @param {string} command @param {Partial<Step>} [more] @returns {Step} */
const step = (name, command, more = {}) => ({ name, argv: command.split(' '), ...more });

/** @param {string} name @param {string} args @param {Record<string, string>} [env] @returns {Step} */
const vitest = (name, args, env) => step(name, `vitest run ${args}`, { vitest: true, ...(env && { env }) });

/**
 * What `npm test` runs. The engines are read first, so a misspelt $ENGINES fails at once, not
 * after the type check.
 * @returns {Step[]}
 */
export function plan() {
  const engines = selectedEngines();
  return [
    step('type check', 'npm run --silent check'),
    step('lint', 'npm run --silent lint'),
    step('data check', 'npm run --silent data:check'),
    vitest('unit tests', '--project unit'),
    step('build', 'npm run --silent build'),
    vitest('browser: Chromium suite', `--project e2e --exclude ${ENGINES_FILE}`),
    ...engines.map((e) =>
      vitest(`browser: ${ENGINE_LABELS[e]}`, `--project e2e ${ENGINES_FILE}`, { ENGINES: e }),
    ),
  ];
}

/** A step as a reader would type it. @param {Step} s */
export const commandLine = (s) =>
  [...Object.entries(s.env ?? {}).map(([k, v]) => `${k}=${v}`), ...s.argv].join(' ');

/**
 * Runs one step with its output on this terminal; resolves to its exit code.
 * @param {Step} s @param {string} [report] where a vitest step writes its JSON report
 * @returns {Promise<number>}
 */
function run(s, report) {
  const argv = report
    ? [...s.argv, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]
    : s.argv;
  const env = {
    ...process.env,
    // `npm test` puts node_modules/.bin on PATH; `node test/run-all.mjs` alone does not.
    PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
    ...s.env,
  };
  return new Promise((done, fail) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', (e) => fail(new Error(`${s.name}: cannot start ${argv[0]} (${e.message})`)));
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

/**
 * "812 passed", or "3 failed, 809 passed", from vitest's JSON report; undefined when there is
 * none (a run that failed before its tests, say in its global setup).
 * @param {string} file @returns {string | undefined}
 */
export function counts(file) {
  let r;
  try {
    r = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  // A file that failed to load has no tests to count, so it is counted itself.
  const broken = r.testResults.filter(
    (/** @type {{status: string, assertionResults: unknown[]}} */ f) =>
      f.status === 'failed' && !f.assertionResults.length,
  ).length;
  return [
    broken && `${broken} file${broken > 1 ? 's' : ''} failed to load`,
    r.numFailedTests && `${r.numFailedTests} failed`,
    `${r.numPassedTests} passed`,
    r.numPendingTests && `${r.numPendingTests} skipped`,
    r.numTodoTests && `${r.numTodoTests} todo`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** @param {number} s seconds */
const duration = (s) =>
  s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;

/**
 * Runs the steps in order, stopping at the first that fails.
 * @param {Step[]} steps
 * @param {(line: string) => void} [log] where the runner's own lines go
 * @returns {Promise<{ outcomes: Outcome[], seconds: number }>}
 */
export async function runSteps(steps, log = console.log) {
  const reports = mkdtempSync(join(tmpdir(), 'npm-test-'));
  /** @type {Outcome[]} */
  const outcomes = [];
  const start = performance.now();
  try {
    for (const [i, s] of steps.entries()) {
      log(`\n━━ npm test ${i + 1}/${steps.length}: ${s.name} (${commandLine(s)})\n`);
      const report = s.vitest ? join(reports, `${i}.json`) : undefined;
      const t0 = performance.now();
      const code = await run(s, report);
      const seconds = (performance.now() - t0) / 1000;
      const detail = report && counts(report);
      outcomes.push({ status: code === 0 ? 'passed' : 'FAILED', seconds, code, ...(detail && { detail }) });
      if (code !== 0) break;
    }
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
  return { outcomes, seconds: (performance.now() - start) / 1000 };
}

/**
 * The last screen: one line per step (passed, FAILED or not run, test counts, time) and a verdict.
 * @param {Step[]} steps @param {Outcome[]} outcomes @param {number} seconds the whole run's
 * @returns {string}
 */
export function summary(steps, outcomes, seconds) {
  const nameWidth = Math.max(...steps.map((s) => s.name.length));
  const detailWidth = Math.max(0, ...outcomes.map((o) => (o.detail ?? '').length));
  const rows = steps.map((s, i) => {
    const o = outcomes[i];
    const status = (o?.status ?? 'not run').padEnd(7);
    const time = o ? `  ${duration(o.seconds).padStart(10)}` : '';
    return `  ${status}  ${s.name.padEnd(nameWidth)}  ${(o?.detail ?? '').padEnd(detailWidth)}${time}`.trimEnd();
  });
  const failed = outcomes.findIndex((o) => o.status === 'FAILED');
  const verdict =
    failed === -1
      ? `npm test: all ${steps.length} steps passed in ${duration(seconds)}.`
      : `npm test: FAILED at "${steps[failed].name}" (${commandLine(steps[failed])}: exit code ` +
        `${outcomes[failed].code}); its output is above.` +
        (failed < steps.length - 1 ? ' The steps after it were not run.' : '');
  const rule = '─'.repeat(Math.max(...rows.map((r) => r.length)));
  return [rule, ...rows, rule, verdict].join('\n');
}

/** The exit code for a run: the failed step's, else 0. @param {Outcome[]} outcomes */
export const exitCode = (outcomes) => outcomes.find((o) => o.status === 'FAILED')?.code ?? 0;

async function main() {
  const steps = plan();
  // Ctrl-C reaches the running step too (one process group): the runner lets it end and reports
  // it as the failure it is.
  process.on('SIGINT', () => {});
  const { outcomes, seconds } = await runSteps(steps);
  console.log(`\n${summary(steps, outcomes, seconds)}`);
  process.exitCode = exitCode(outcomes);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((e) => {
    console.error(`npm test: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
