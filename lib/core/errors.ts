/**
 * One error type with a closed set of codes. Only `message` (written for people) and `details`
 * (field errors, conflict context) ever reach a client; anything else is logged and replaced by a
 * generic message, so internals never leak.
 */
export const errorStatus = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 429,
  PRECONDITION_FAILED: 412,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const titles: Record<ErrorCode, string> = {
  VALIDATION: 'Invalid input',
  UNAUTHENTICATED: 'Sign-in required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  LIMIT_EXCEEDED: 'Too many requests',
  PRECONDITION_FAILED: 'Precondition failed',
  INTERNAL: 'Something went wrong',
};

export type FieldErrors = Record<string, string[]>;

export interface ErrorDetails {
  fieldErrors?: FieldErrors;
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export const notFound = (what = 'That item') => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do that.') =>
  new AppError('FORBIDDEN', message);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
export const conflict = (message: string, details: ErrorDetails = {}) =>
  new AppError('CONFLICT', message, details);
export const validation = (fieldErrors: FieldErrors, message?: string) =>
  new AppError('VALIDATION', message ?? summariseFieldErrors(fieldErrors), { fieldErrors });

/** "email: must be a valid address" — names the field and the reason, as users need. */
export function summariseFieldErrors(fieldErrors: FieldErrors): string {
  const parts = Object.entries(fieldErrors).flatMap(([field, msgs]) =>
    msgs.slice(0, 1).map((m) => (field ? `${field}: ${m}` : m)),
  );
  return parts.length ? `Please check: ${parts.join('; ')}.` : 'Please check the form.';
}

/** Minimal zod-issue shape so this module does not depend on zod's internals. */
interface IssueLike {
  path: PropertyKey[];
  message: string;
}

export function fieldErrorsFromIssues(issues: readonly IssueLike[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** RFC 9457 problem+json body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  errors?: FieldErrors;
  [key: string]: unknown;
}

export function toProblem(err: AppError, requestId?: string, instance?: string): Problem {
  const { fieldErrors, ...rest } = err.details;
  return {
    type: `https://fixnado.dev/problems/${err.code.toLowerCase().replace(/_/g, '-')}`,
    title: titles[err.code],
    status: err.status,
    detail: err.message,
    code: err.code,
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...(fieldErrors ? { errors: fieldErrors } : {}),
    ...rest,
  };
}

export const internalError = () =>
  new AppError('INTERNAL', 'Something went wrong on our side. Please try again.');
