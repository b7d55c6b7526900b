import type { Metadata } from 'next';
import Link from 'next/link';
import { OpenInvitations } from '@/components/admin/open-invitations';
import { EntityForm } from '@/components/forms/entity-form';
import { invitationFields } from './user-fields';
import { requirePageUser } from '@/lib/auth/session';
import { listOrganizationOptions } from '@/lib/data/admin-organizations';
import { listInvitations } from '@/lib/data/invitations';
import { listUsers } from '@/lib/data/users';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../page-utils';
import { invitationAction, inviteAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Users'))('title') };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const search = await searchParams;
  const actor = await requirePageUser('/de/admin/benutzer');
  const [users, invitations, organizations] = await Promise.all([orNotFound(listUsers({ actor })), listInvitations({ actor }), listOrganizationOptions({ actor })]);
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Users');
  const s = adminTranslator(locale, 'AccountSecurity');
  const { date: dateFormat, dateTime: dateTimeFormat } = adminFormats(locale);
  const roleLabel = (role: 'ADMIN' | 'PARTNER') => t(role === 'ADMIN' ? 'roleADMIN' : 'rolePARTNER');
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <div role="status">
        {search.eingeladen ? <p className="alert-success mb-4">{t('invited')}</p> : null}
        {search.erneut ? <p className="alert-success mb-4">{t('resent')}</p> : null}
        {search.widerrufen ? <p className="alert-success mb-4">{t('revoked')}</p> : null}
        {search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}
      </div>
      <table className="admin-table">
        <caption className="sr-only">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('organizations')}</th>
            <th scope="col">{t('lastLogin')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link href={`/de/admin/benutzer/${user.id}`} className="admin-link">{user.name}</Link>
                {user.isActive ? null : <span className="badge ms-2">{t('deactivated')}</span>}
              </td>
              <td>{user.email}</td>
              <td>{roleLabel(user.role)}</td>
              <td>{user.organizations.map((o) => o.name).join(', ') || '–'}</td>
              <td>{user.lastLoginAt ? dateTimeFormat.format(user.lastLoginAt) : t('never')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <OpenInvitations
        invitations={invitations}
        heading={t('openInvitations')}
        none={t('none')}
        detail={(invitation) => ` (${roleLabel(invitation.role)}) · ${invitation.organizations.map((o) => o.organization.name).join(', ') || t('allOrganizations')}`}
        validUntil={(date) => t('validUntil', { date: dateFormat.format(date) })}
        invitedBy={(name) => t('invitedBy', { name })}
        actions={(invitation) => ({
          resend: invitationAction.bind(null, null, 'resend', invitation.id),
          revoke: invitationAction.bind(null, null, 'revoke', invitation.id),
          resendLabel: t('resend', { email: invitation.email }),
          revokeLabel: t('revoke', { email: invitation.email }),
        })}
      />
      <h2 className="admin-h2">{t('inviteHeading')}</h2>
      <EntityForm
        action={inviteAction}
        formId="einladen"
        fields={invitationFields({ organizations: organizations.map((o) => ({ value: o.id, label: o.name })) }, t, s)}
        initialValues={{ role: 'PARTNER', locale: 'de' }}
        submitLabel={t('send')}
      />
    </div>
  );
}
