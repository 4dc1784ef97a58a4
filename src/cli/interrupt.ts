// Turns Ctrl-C, SIGTERM and the loss of the launching process into a StopRequest. A signal handler cannot run while
// the main thread searches, so bin/kcheck.js (the launcher) catches the signal and writes a byte down a pipe (fd
// KCHECK_CONTROL_FD) that a watcher thread reads and raises the shared flag from; the pipe closing (the launcher
// died) raises it too. Started without the launcher, the handlers below raise it whenever the event loop turns.

import { Worker } from 'node:worker_threads';
import { StopRequest } from './stop-request.ts';

// Plain JS for the watcher thread (eval: no loader needed). Its reads are asynchronous, on its own event loop: a
// thread blocked in a read would keep process.exit waiting for it.
const WATCHER = `
const { workerData } = require('node:worker_threads');
const { Socket } = require('node:net');
const flag = new Int32Array(workerData.buffer);
const raise = () => Atomics.store(flag, 0, 1);
const control = new Socket({ fd: workerData.fd, readable: true, writable: false });
control.on('data', raise);
control.on('end', raise);
control.on('error', raise);
`;

export interface InterruptHooks {
  /** One line for stderr when the first request arrives. */
  readonly notice: (line: string) => void;
  /** Called on a second signal (no launcher): abort at once with this exit code. */
  readonly abort: (code: number) => void;
}

export function installInterrupt(hooks: InterruptHooks, env: NodeJS.ProcessEnv = process.env): StopRequest {
  const stop = new StopRequest(hooks.notice);
  const fd = Number(env.KCHECK_CONTROL_FD);
  const launched = Number.isInteger(fd) && fd > 2;
  if (launched) {
    new Worker(WATCHER, { eval: true, workerData: { fd, buffer: stop.flag.buffer } }).unref();
  }
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      // Under the launcher a terminal's Ctrl-C reaches both processes: the launcher counts, this side only stops.
      if (stop.interrupted && !launched) return hooks.abort(code);
      stop.interrupt();
      stop.acknowledge();
    });
  }
  return stop;
}
