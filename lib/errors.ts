// The few ways a data function can refuse. Server actions turn them into form state; pages turn
// NOT_FOUND into notFound(). Messages are German and safe to show (never an internal detail).
export type AppErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'VALIDATION' | 'RATE_LIMITED';

export type FieldErrors = Record<string, string[] | undefined>;

export interface ConflictChange {
  field: string;
  before: unknown;
  after: unknown;
  by: string;
  at: string;
}

export interface AppErrorDetails {
  fieldErrors?: FieldErrors;
  // For CONFLICT: what others changed since the caller's version, and the current version.
  changes?: ConflictChange[];
  currentVersion?: number;
  retryAt?: Date;
}

// Shown in the admin's language through messages/admin/<locale>.json (Admin.Errors).
/** @internal Exported for its unit test. */
export const DEFAULT_MESSAGES: Record<AppErrorCode, string> = {
  NOT_FOUND: 'Der Eintrag wurde nicht gefunden.',
  FORBIDDEN: 'Dafür fehlt Ihnen die Berechtigung.',
  UNAUTHENTICATED: 'Bitte melden Sie sich an.',
  CONFLICT: 'Der Eintrag wurde inzwischen von jemand anderem geändert.',
  VALIDATION: 'Bitte prüfen Sie die markierten Felder.',
  RATE_LIMITED: 'Zu viele Versuche. Bitte versuchen Sie es später erneut.',
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: AppErrorCode, message?: string, details: AppErrorDetails = {}) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function validationError(fieldErrors: FieldErrors, message?: string): AppError {
  return new AppError('VALIDATION', message, { fieldErrors });
}
