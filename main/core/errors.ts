// Structured errors shared by the whole core: a stable code for code and tests, a sentence and a remedy for people.

/** A failure the app can explain. `code` is stable (tests and the UI key on it); `message` and `remedy` are for humans. */
export class AppError extends Error {
  readonly code: string;
  readonly remedy: string;
  readonly detail: Record<string, unknown> | undefined;

  constructor(
    code: string,
    message: string,
    remedy: string,
    detail?: Record<string, unknown>,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AppError';
    this.code = code;
    this.remedy = remedy;
    this.detail = detail;
  }
}

/** The plain shape that crosses IPC, goes into JSON output and reports. */
export interface ErrorInfo {
  code: string;
  message: string;
  remedy: string;
  detail?: Record<string, unknown>;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Turns anything thrown into an ErrorInfo without leaking stack traces or secrets from foreign errors. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof AppError) {
    return e.detail === undefined
      ? { code: e.code, message: e.message, remedy: e.remedy }
      : { code: e.code, message: e.message, remedy: e.remedy, detail: e.detail };
  }
  if (e instanceof Error && e.name === 'AbortError') {
    return {
      code: 'CANCELLED',
      message: 'The operation was cancelled.',
      remedy: 'Start it again when ready.',
    };
  }
  return {
    code: 'INTERNAL',
    message: `Unexpected error: ${e instanceof Error ? e.message : String(e)}`,
    remedy: 'Export the log and report it to the maintainers.',
  };
}

/** Input that breaks a rule: always names the field and the rule. */
export function invalidInput(field: string, rule: string): AppError {
  return new AppError('INVALID_INPUT', `${field}: ${rule}.`, `Correct "${field}" and try again.`, {
    field,
    rule,
  });
}
