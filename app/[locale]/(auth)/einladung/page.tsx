import '../../admin/admin.css';
import type { Metadata } from 'next';
import { EntityForm } from '@/components/forms/entity-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { getInvitationForToken } from '@/lib/data/invitations';
import { acceptInvitationAction } from '../actions';

export const metadata: Metadata = { title: 'Einladung annehmen', referrer: 'no-referrer' };

export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token = '' } = await searchParams;
  const invitation = await getInvitationForToken({ token });
  return (
    <div className="max-w-md space-y-4">
      <h1 className="admin-h1">Einladung annehmen</h1>
      {invitation ? (
        <>
          <p>Sie richten das Konto für {invitation.email} ein.</p>
          <EntityForm
            action={acceptInvitationAction}
            hidden={{ token }}
            fields={[
              { name: 'name', label: 'Ihr Name', isRequired: true, autoComplete: 'name', isWide: true },
              { name: 'password', label: 'Passwort', type: 'password', isRequired: true, autoComplete: 'new-password', hint: `Mindestens ${MIN_PASSWORD_LENGTH} Zeichen.`, isWide: true },
              { name: 'passwordConfirm', label: 'Passwort wiederholen', type: 'password', isRequired: true, autoComplete: 'new-password', isWide: true },
            ]}
            initialValues={{ name: invitation.name ?? '' }}
            submitLabel="Konto einrichten"
            formId="einladung"
          />
        </>
      ) : (
        <p className="alert-error">Die Einladung ist ungültig, abgelaufen oder wurde schon verwendet. Bitte bitten Sie um eine neue Einladung.</p>
      )}
    </div>
  );
}
