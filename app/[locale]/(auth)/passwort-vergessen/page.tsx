import '../../admin/admin.css';
import type { Metadata } from 'next';
import { EntityForm } from '@/components/forms/entity-form';
import { forgotPasswordAction } from '../actions';

export const metadata: Metadata = { title: 'Passwort vergessen' };

export default function ForgotPasswordPage() {
  return (
    <div className="max-w-md space-y-4">
      <h1 className="admin-h1">Passwort vergessen</h1>
      <p>Geben Sie Ihre E-Mail-Adresse ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.</p>
      <EntityForm action={forgotPasswordAction} fields={[{ name: 'email', label: 'E-Mail-Adresse', type: 'email', isRequired: true, autoComplete: 'email', isWide: true }]} initialValues={{}} submitLabel="Link anfordern" formId="vergessen" />
    </div>
  );
}
