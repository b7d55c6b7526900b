'use client';
// A small form with one button for actions like publish, archive, delete or restore.
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { useAdminI18n } from '@/components/admin/admin-i18n-context';
import type { FormState } from './form-state';

function Button({ label, variant }: { label: string; variant: 'primary' | 'secondary' | 'danger' }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={variant === 'primary' ? 'btn-primary' : variant === 'danger' ? 'btn-danger' : 'btn-secondary'}>
      {label}
    </button>
  );
}

export function ActionButton({
  action,
  label,
  hidden = {},
  variant = 'secondary',
  confirm,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  hidden?: Record<string, string>;
  variant?: 'primary' | 'secondary' | 'danger';
  confirm?: string;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' } as FormState);
  const { message } = useAdminI18n();
  return (
    <form
      action={formAction}
      className="inline-block"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button label={label} variant={variant} />
      {state.status !== 'idle' && state.message ? (
        <p role="alert" className="field-error">
          {message(state.message)}
        </p>
      ) : null}
    </form>
  );
}
