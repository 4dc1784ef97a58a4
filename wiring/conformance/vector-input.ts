// Typed readers for a vector's JSON input, shared by the conformance adapters: each throws BadVector naming the
// field, so a malformed vector fails with a readable detail instead of a TypeError deep inside a rule.

export type Obj = Readonly<Record<string, unknown>>;

export class BadVector extends Error {}

export function obj(value: unknown, what: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadVector(`${what} is not an object`);
  return value as Obj;
}

export function int(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new BadVector(`${what} is not an integer`);
  return value;
}

export function ints(value: unknown, what: string): readonly number[] {
  if (!Array.isArray(value)) throw new BadVector(`${what} is not a list`);
  return value.map((v, i) => int(v, `${what}[${i}]`));
}
