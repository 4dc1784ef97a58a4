// Declared model parameters: name, type, default, allowed range and a one-line doc, so the CLI can list them,
// validate `--set key=value` and config files, and reject bad input with a message naming what is valid.

export type ParamValue = number | boolean | string;
export type ParamValues = Readonly<Record<string, ParamValue>>;

export type ParamSpec =
  | { readonly name: string; readonly type: 'int'; readonly default: number; readonly min: number; readonly max: number; readonly doc: string }
  | { readonly name: string; readonly type: 'bool'; readonly default: boolean; readonly doc: string }
  | { readonly name: string; readonly type: 'enum'; readonly default: string; readonly values: readonly string[]; readonly doc: string };

/** Human description of the values a parameter accepts, used in error messages and `kcheck list`. */
export function describeRange(spec: ParamSpec): string {
  switch (spec.type) {
    case 'int':
      return `an integer from ${spec.min} to ${spec.max}`;
    case 'bool':
      return 'true or false';
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
  }
}
