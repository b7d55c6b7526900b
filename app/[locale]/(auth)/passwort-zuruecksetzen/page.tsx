import '../../admin/admin.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { EntityForm } from '@/components/forms/entity-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { isPasswordResetTokenValid } from '@/lib/data/password-reset';
import { resetPasswordAction } from '../actions';

export const metadata: Metadata = { title: 'Neues Passwort', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token = '' } = await searchParams;
  const isValid = await isPasswordResetTokenValid({ token });
  return (
    <div className="max-w-md space-y-4">
      <h1 className="admin-h1">Neues Passwort festlegen</h1>
      {isValid ? (
        <EntityForm
          action={resetPasswordAction}
          hidden={{ token }}
          fields={[
            { name: 'password', label: 'Neues Passwort', type: 'password', isRequired: true, autoComplete: 'new-password', hint: `Mindestens ${MIN_PASSWORD_LENGTH} Zeichen.`, isWide: true },
            { name: 'passwordConfirm', label: 'Passwort wiederholen', type: 'password', isRequired: true, autoComplete: 'new-password', isWide: true },
          ]}
          initialValues={{}}
          submitLabel="Passwort speichern"
          formId="zuruecksetzen"
        />
      ) : (
        <p className="alert-error">
          Der Link ist ungültig, abgelaufen oder wurde schon verwendet. <Link href="/de/passwort-vergessen" className="admin-link">Neuen Link anfordern</Link>
        </p>
      )}
    </div>
  );
}
