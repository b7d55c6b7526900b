'use client';
// A small form with one button for actions like publish, archive, delete or restore.
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { useAdminI18n } from '@/components/admin/admin-i18n-context';
import type { FormState } from './form-state';

function Button({ label, variant }: { label: string; variant: 'primary' | 'secondary' | 'danger' }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClass(variant)}>
      {label}
    </button>
  );
}

const buttonClass = (variant: 'primary' | 'secondary' | 'danger') => (variant === 'primary' ? 'btn-primary' : variant === 'danger' ? 'btn-danger' : 'btn-secondary');

// `confirm`: the button first opens a confirm step (a native disclosure, so it works without
// JavaScript and with the keyboard): the question, then the real button. The entry's publish,
// archive and delete steps use a whole confirm view instead (components/admin/confirm-action.tsx).
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
  const form = (
    <form action={formAction} className="inline-block">
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
  if (!confirm) return form;
  return (
    <details className="inline-block align-top" data-confirm-step>
      <summary className={`${buttonClass(variant)} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>{label}</summary>
      <div className="mt-2 max-w-md space-y-2 rounded border-2 border-slate-300 bg-white p-3">
        <p>{confirm}</p>
        {form}
      </div>
    </details>
  );
}
