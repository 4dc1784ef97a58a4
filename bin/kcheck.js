#!/usr/bin/env node
// Launcher for `npx kcheck`: runs the CLI (kcheck-run.js) as a child and stays idle, so it can always take a signal.
// For `check`, the first SIGINT/SIGTERM/SIGHUP is passed down a pipe (the child stops, writes what it found, exits
// 4) and a second one kills the child at once; other commands simply receive the signal. If this launcher's own parent (npx) goes away, the child is told to stop likewise.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const run = fileURLToPath(new URL('./kcheck-run.js', import.meta.url));
const child = spawn(process.execPath, [...process.execArgv, run, ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
  env: { ...process.env, KCHECK_CONTROL_FD: '3' },
});
const control = child.stdio[3];
control.on('error', () => {}); // the child may be gone already
let requests = 0;
let abortCode = 0;
// Only `check` stops gracefully (bin/kcheck.ts installs the stop request for it); other commands get the signal.
const graceful = process.argv[2] === 'check';
const request = (code, signal) => {
  requests++;
  if (!graceful) child.kill(signal);
  else if (requests === 1) control.write('i');
  else {
    abortCode = code;
    child.kill('SIGKILL');
  }
};
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) process.on(signal, () => request(code, signal));
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid !== parent && requests === 0) request(143, 'SIGTERM');
}, 250);
watch.unref();
child.on('exit', (code, signal) => process.exit(abortCode || (code ?? 128 + (constants.signals[signal] ?? 0))));
