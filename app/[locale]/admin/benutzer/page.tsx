import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listOrganizationOptions } from '@/lib/data/admin-organizations';
import { listInvitations } from '@/lib/data/invitations';
import { listUsers } from '@/lib/data/users';
import { ROLE_LABELS } from '@/lib/permissions';
import { dateFormat, dateTimeFormat, orNotFound } from '../page-utils';
import { invitationAction, inviteAction } from './actions';

export const metadata: Metadata = { title: 'Benutzer' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const search = await searchParams;
  const actor = await requirePageUser('/de/admin/benutzer');
  const [users, invitations, organizations] = await Promise.all([orNotFound(listUsers({ actor })), listInvitations({ actor }), listOrganizationOptions({ actor })]);
  return (
    <div>
      <h1 className="admin-h1">Benutzer</h1>
      <div role="status">
        {search.eingeladen ? <p className="alert-success mb-4">Die Einladung wurde verschickt (siehe Postausgang).</p> : null}
        {search.erneut ? <p className="alert-success mb-4">Die Einladung wurde erneut verschickt.</p> : null}
        {search.widerrufen ? <p className="alert-success mb-4">Die Einladung wurde widerrufen.</p> : null}
        {search.gespeichert ? <p className="alert-success mb-4">Gespeichert.</p> : null}
      </div>
      <table className="admin-table">
        <caption className="sr-only">Benutzerkonten</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-Mail</th>
            <th scope="col">Rolle</th>
            <th scope="col">Organisationen</th>
            <th scope="col">Zuletzt angemeldet</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link href={`/de/admin/benutzer/${user.id}`} className="admin-link">{user.name}</Link>
                {user.isActive ? null : <span className="badge ms-2">deaktiviert</span>}
              </td>
              <td>{user.email}</td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{user.organizations.map((o) => o.name).join(', ') || '–'}</td>
              <td>{user.lastLoginAt ? dateTimeFormat.format(user.lastLoginAt) : 'nie'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="admin-h2">Offene Einladungen</h2>
      {invitations.length === 0 ? <p>Keine.</p> : null}
      <ul className="space-y-2">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center gap-3">
            <span>
              {invitation.email} ({ROLE_LABELS[invitation.role]}) · {invitation.organizations.map((o) => o.organization.name).join(', ') || 'alle'} · gültig bis {dateFormat.format(invitation.expiresAt)}
              {invitation.invitedBy ? ` · von ${invitation.invitedBy.name}` : ''}
            </span>
            <ActionButton action={invitationAction.bind(null, 'resend', invitation.id)} label={`Einladung an ${invitation.email} erneut senden`} />
            <ActionButton action={invitationAction.bind(null, 'revoke', invitation.id)} label={`Einladung an ${invitation.email} widerrufen`} variant="danger" />
          </li>
        ))}
      </ul>
      <h2 className="admin-h2">Person einladen</h2>
      <EntityForm
        action={inviteAction}
        formId="einladen"
        fields={[
          { name: 'email', label: 'E-Mail-Adresse', type: 'email', isRequired: true, autoComplete: 'off' },
          { name: 'name', label: 'Name', autoComplete: 'off' },
          { name: 'role', label: 'Rolle', type: 'select', options: [{ value: 'PARTNER', label: 'Partner' }, { value: 'ADMIN', label: 'Koordination' }] },
          { name: 'organizationIds', label: 'Organisationen (für Partner)', type: 'checkboxes', options: organizations.map((o) => ({ value: o.id, label: o.name })) },
        ]}
        initialValues={{ role: 'PARTNER' }}
        submitLabel="Einladung senden"
      />
    </div>
  );
}
