// Shared steps of admin server actions: who is calling, and how a refused call becomes form state.
import 'server-only';
import { getCurrentUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { safeValues } from '@/lib/schemas/common';
import type { FormState } from '@/components/forms/form-state';

export { getCurrentUser };

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
