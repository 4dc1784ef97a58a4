// The kcheck executable: wires the registry of Kafka models into the generic CLI and exits with its code.
// This is the only place that calls process.exit.

import { main } from '../src/cli/main.ts';
import { registry } from '../wiring/registry.ts';

const code = await main(process.argv.slice(2), registry, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: process.stderr.isTTY === true,
});
// Let stdout drain before exiting so piped JSON is never cut short.
process.stdout.write('', () => process.exit(code));
