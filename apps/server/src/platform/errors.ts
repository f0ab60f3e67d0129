/**
 * The one error type of the platform. Use cases throw `AppError(code, messageZh, details)`;
 * the HTTP edge maps the code to a status once, in {@link statusOf}.
 *
 * @example
 * throw new AppError('NOT_FOUND', '执法主体不存在', { id })
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** Stable error codes. Clients switch on these; never rename one. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  USER_DISABLED: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONFLICT: 409,
  INVALID_STATE: 409,
  DUPLICATE: 409,
  /** Files attached to a case's evidence after its decision: the evidence is frozen. */
  EVIDENCE_FROZEN: 409,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  /** An upload beyond the uploader's bytes per day. */
  UPLOAD_QUOTA_EXCEEDED: 429,
  HEADERS_TOO_LARGE: 431,
  PASSWORD_RULES: 422,
  RULE_VIOLATION: 422,
  /** A penalty outside the statutory range of its provision (kinds or amount): refused, never overridden. */
  PENALTY_OUTSIDE_STATUTORY_RANGE: 422,
  INTERNAL: 500,
} as const

export type ErrorCode = keyof typeof errorStatus

export function statusOf(code: ErrorCode): number {
  return errorStatus[code]
}

export const notFound = (what: string, details: Record<string, unknown> = {}) =>
  new AppError('NOT_FOUND', `${what}不存在或无权查看`, details)

export const forbidden = (message = '无权执行此操作', details: Record<string, unknown> = {}) =>
  new AppError('FORBIDDEN', message, details)

export const invalidState = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('INVALID_STATE', message, details)
