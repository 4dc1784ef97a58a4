// Conformance vectors: input→output pairs taken from Apache Kafka's own unit tests, and the adapter shape that
// runs one vector against kcheck's rule functions. The runner is generic; adapters live in wiring/conformance/.

export interface Vector {
  readonly id: string;
  readonly algorithm: string;
  readonly source: string;
  readonly input: unknown;
  /** The expected output; sequence vectors carry per-step expectations in `steps` instead. */
  readonly expected?: unknown;
  readonly steps?: unknown;
  readonly derived?: boolean | string;
  readonly partial?: unknown;
  readonly note?: string;
}

export interface VectorFile {
  readonly area?: string;
  readonly vectors: readonly Vector[];
}

export type VectorStatus = 'pass' | 'fail' | 'skipped';

export interface VectorVerdict {
  readonly status: VectorStatus;
  /** Why it failed (expected vs actual) or why it is skipped. */
  readonly detail: string;
}

/**
 * Runs one vector; throws or returns a failing verdict when the rule disagrees with Kafka's test. `understands`
 * lists the expectation keys it checks; the runner fails a vector whose expectation has any other key (or an
 * aggregate of one, see compare-given.ts), so no expectation passes by being ignored.
 */
export type Adapter = ((vector: Vector) => VectorVerdict) & { readonly understands?: readonly string[] };

/** `adapter`, declared to check exactly these expectation keys. */
export function understanding(understands: readonly string[], adapter: (vector: Vector) => VectorVerdict): Adapter {
  return Object.assign((vector: Vector) => adapter(vector), { understands });
}

/** Adapters by the vector's `algorithm` string. */
export type AdapterTable = Readonly<Record<string, Adapter>>;
