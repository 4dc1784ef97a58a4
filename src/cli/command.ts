// The shape of a CLI command. Generic commands (check, list, replay, suite) live in src/cli; domain commands
// (Kafka's `assign`, `conformance`) are supplied by the registry and plugged in the same way.

import type { StopRequest } from './stop-request.ts';

export interface CliIo {
  /** Writes to stdout (the text itself; add your own newline). */
  out(text: string): void;
  /** Writes to stderr. */
  err(text: string): void;
  /** True when stderr is a terminal (progress output is shown only then). */
  readonly isTty: boolean;
  /** Raised by Ctrl-C/SIGTERM (bin/kcheck.ts installs it); a search polls it and stops as it stands. */
  readonly stop?: StopRequest;
}

export interface Command {
  readonly name: string;
  /** One line for `kcheck --help`. */
  readonly summary: string;
  /** The usage line, e.g. "kcheck assign --brokers LIST --partitions N ...". */
  readonly usage: string;
  /** The full `--help` text (options, defaults, examples); gets the other arguments, e.g. a model name. */
  help?(args: readonly string[]): string;
  /**
   * Runs with the arguments after the command name; returns the exit code (0 ok, 1 violation / expectation
   * not met, 2 usage or input error, 4 incomplete). Throws KcheckError for bad input; the CLI prints it.
   */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
