/**
 * A virtual X display (Xvfb) for the engines that need one: Firefox gets WebGL only with a
 * display (Mesa's llvmpipe), and MiniBrowser is a GTK window. Started once for the browser suite;
 * a display of its own even where the machine has one, so no test window opens on a desktop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const XVFB = process.env.XVFB_PATH || '/usr/bin/Xvfb';

export interface Display {
  /** The DISPLAY value, e.g. ":99". */
  name: string;
  stop(): void;
}

/** True when Xvfb is installed. */
export function hasXvfb(): boolean {
  return existsSync(XVFB);
}

/** Starts Xvfb on a free display number (it picks one and tells it through a pipe). */
export function startDisplay(): Promise<Display> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = spawn(
      XVFB,
      ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error('Xvfb did not report a display within 10 s')), 10_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(new Error(`${e.message}${err ? `\n${err}` : ''}`));
    };
    proc.stderr?.on('data', (d) => (err += d));
    proc.once('error', fail);
    proc.once('exit', (code) => fail(new Error(`Xvfb exited with ${code}`)));
    (proc.stdio[3] as NodeJS.ReadableStream).on('data', (d) => {
      out += d;
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      proc.removeAllListeners('exit');
      resolve({ name: `:${out.trim()}`, stop: () => proc.kill('SIGTERM') });
    });
  });
}
