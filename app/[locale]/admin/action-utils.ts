// Shared steps of admin server actions: who is calling, the form's version, and how a refused call
// becomes form state.
import 'server-only';
import type { ZodError } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { safeValues, toFieldErrors } from '@/lib/schemas/common';
import type { FormState } from '@/components/forms/form-state';

export { getCurrentUser };

// The record's version the form was loaded with (its hidden field "version"); undefined when it is
// missing or malformed, which the data functions treat as outdated.
export function formVersion(values: Record<string, unknown>): number | undefined {
  const parsed = Number(values.version);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}

// A form that failed validation: the field errors and every value the user entered.
export function invalidState(error: ZodError, values: Record<string, unknown>, message = 'Bitte prüfen Sie die markierten Felder.'): FormState {
  return { status: 'error', message, fieldErrors: toFieldErrors(error), values: safeValues(values) };
}

export function errorState(error: unknown, values: Record<string, unknown> = {}): FormState {
  const kept = safeValues(values);
  if (isAppError(error)) {
    if (error.code === 'CONFLICT' && error.details.changes) {
      return {
        status: 'conflict',
        message: error.message,
        conflict: error.details.changes,
        currentVersion: error.details.currentVersion,
        values: kept,
      };
    }
    return { status: 'error', message: error.message, fieldErrors: error.details.fieldErrors, values: kept };
  }
  // Unexpected: log on the server, tell the user nothing internal.
  console.error(error);
  return { status: 'error', message: 'Das hat leider nicht geklappt. Bitte versuchen Sie es erneut.', values: kept };
}
