// The kcheck executable: wires the registry of Kafka models into the generic CLI and exits with its code.
// This is the only place that calls process.exit.

import { main } from '../src/cli/main.ts';
import { installInterrupt } from '../src/cli/interrupt.ts';
import { registry } from '../wiring/registry.ts';

// Only `check` polls a stop request; every other command keeps the default signal behaviour (it dies at once).
const stop = process.argv[2] === 'check'
  ? installInterrupt({
      notice: (line) => process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}${line}\n`),
      abort: (code) => process.exit(code),
    })
  : undefined;
const code = await main(process.argv.slice(2), registry, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: process.stderr.isTTY === true,
  stop,
});
// Let stdout and stderr drain before exiting so piped JSON and the error line are never cut short.
let open = 2;
const done = (): void => {
  if (--open === 0) process.exit(code);
};
process.stdout.write('', done);
process.stderr.write('', done);
