'use client';
// The submit button of every admin form: disabled and saying so while the form is being sent.
import { useFormStatus } from 'react-dom';
import { useAdminI18n } from '@/components/admin/admin-i18n-context';

// `danger` for destructive submits ("Ablehnen"), so they do not look like the approving one.
export function SubmitButton({ label, variant = 'primary' }: { label: string; variant?: 'primary' | 'danger' }) {
  const { pending } = useFormStatus();
  const { form } = useAdminI18n();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={variant === 'danger' ? 'btn-danger' : 'btn-primary'}>
      {pending ? form.saving : label}
    </button>
  );
}
