/**
 * One error type for the whole app. Codes are snake_case; `httpStatus` is the one mapping from
 * code to HTTP status; messages shown to people come from the i18n catalogue (`errors.<code>`).
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // 400, not 413: the API's contract is that any bad input is a 400 naming the field (issue 3).
  payload_too_large: 400,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  invalid_input: 'Invalid input.',
  unauthorized: 'You need to sign in.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Not found.',
  conflict: 'This conflicts with the current state.',
  payload_too_large: 'The request body is too large.',
  rate_limited: 'Too many attempts; try again later.',
  internal: 'Something went wrong on our side.',
};

/**
 * What exactly went wrong, for the person in front of a form: a key of `errors.detail` in the
 * message catalogue, with its values ("already in the section {name}"). The English `message`
 * stays for the API and logs.
 */
export type ErrorDetail = { key: string; values?: Record<string, string> };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly detail?: ErrorDetail;
  constructor(code: ErrorCode, message?: string, field?: string, detail?: ErrorDetail) {
    super(message ?? DEFAULT_MESSAGE[code]);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.detail = detail;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError');
}
