'use client';
// A form around a server action with its own fields (passed as children) and one submit button;
// the action's message is shown above the button.
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { useAdminI18n } from '@/components/admin/admin-i18n-context';
import type { FormState } from '@/components/forms/form-state';

function Submit({ label, disabled }: { label: string; disabled?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn-primary" disabled={pending || disabled}>
      {label}
    </button>
  );
}

export function ActionForm({ action, label, disabled, children }: { action: (state: FormState, formData: FormData) => Promise<FormState>; label: string; disabled?: boolean; children?: React.ReactNode }) {
  const [state, formAction] = useActionState(action, { status: 'idle' } as FormState);
  const { message } = useAdminI18n();
  return (
    <form action={formAction} className="space-y-3">
      {state.status === 'error' && state.message ? (
        <p role="alert" className="alert-error">
          {message(state.message)}
        </p>
      ) : null}
      {children}
      <Submit label={label} disabled={disabled} />
    </form>
  );
}
