'use client';
// Makes a new personal calendar link and shows it once (it is only in this response's state).
import { useActionState } from 'react';
import { useAdminI18n } from '@/components/admin/admin-i18n-context';
import type { FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/submit-button';

export function CalendarFeedForm({ action, label, createdText, urlLabel }: { action: (state: FormState) => Promise<FormState>; label: string; createdText: string; urlLabel: string }) {
  const [state, formAction] = useActionState(action, { status: 'idle' } as FormState);
  const { message } = useAdminI18n();
  return (
    <div className="space-y-3">
      {state.status === 'success' && state.message ? (
        <div className="alert-success space-y-2" role="status">
          <p>{createdText}</p>
          <label htmlFor="kalender-link" className="field-label">
            {urlLabel}
          </label>
          <input id="kalender-link" readOnly value={state.message} className="input w-full" />
        </div>
      ) : null}
      {state.status === 'error' && state.message ? (
        <p role="alert" className="alert-error">
          {message(state.message)}
        </p>
      ) : null}
      <form action={formAction}>
        <SubmitButton label={label} />
      </form>
    </div>
  );
}
