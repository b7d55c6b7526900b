'use client';
// The submit button of every admin form: disabled and saying so while the form is being sent.
import { useFormStatus } from 'react-dom';
import { useAdminI18n } from '@/components/admin/admin-i18n-context';

export function SubmitButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  const { form } = useAdminI18n();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className="btn-primary">
      {pending ? form.saving : label}
    </button>
  );
}
