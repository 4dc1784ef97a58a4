// User-facing errors: a stable code plus a one-line message that names what is valid (after vitest's error
// classes). Property failures are never errors — they are outcomes. Only the CLI turns these into exit code 2.

export type ErrorCode =
  | 'KC_USAGE'
  | 'KC_UNKNOWN_COMMAND'
  | 'KC_UNKNOWN_MODEL'
  | 'KC_UNKNOWN_PRESET'
  | 'KC_UNKNOWN_PARAM'
  | 'KC_BAD_PARAM'
  | 'KC_UNKNOWN_PROPERTY'
  | 'KC_BAD_OPTION'
  | 'KC_BAD_CONFIG'
  | 'KC_BAD_TRACE'
  | 'KC_BAD_VECTORS'
  | 'KC_BAD_INPUT'
  | 'KC_BAD_MODEL'
  | 'KC_ENCODE_COLLISION'
  | 'KC_IO';

export class KcheckError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'KcheckError';
    this.code = code;
  }
}

export function isKcheckError(error: unknown): error is KcheckError {
  return error instanceof KcheckError;
}
