import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OpenInvitations } from '@/components/admin/open-invitations';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { listInvitations } from '@/lib/data/invitations';
import { listOrganizationMembers } from '@/lib/data/users';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { can } from '@/lib/permissions';
import { orNotFound, type AdminPageProps } from '../../../page-utils';
import { inviteColleagueAction, teamInvitationAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Team'))('title') };
}

// The people who maintain one entry; its partners invite colleagues here (for this organization only).
export default async function TeamPage({ params, searchParams }: AdminPageProps<{ id: string }>) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/team`);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  if (!can(actor, 'invitation.create', org) || org.deletedAt) notFound();
  const [members, invitations] = await Promise.all([
    orNotFound(listOrganizationMembers({ actor, organizationId: id })),
    orNotFound(listInvitations({ actor, organizationId: id })),
  ]);
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Team');
  const s = adminTranslator(locale, 'AccountSecurity');
  const { date: dateFormat } = adminFormats(locale);
  return (
    <div>
      <p><Link href={`/de/admin/organisationen/${id}`} className="admin-link">{t('back', { name: org.name })}</Link></p>
      <h1 className="admin-h1">{t('heading', { name: org.name })}</h1>
      <div role="status">
        {search.eingeladen ? <p className="alert-success mb-4">{t('invited')}</p> : null}
        {search.erneut ? <p className="alert-success mb-4">{t('resent')}</p> : null}
        {search.widerrufen ? <p className="alert-success mb-4">{t('revoked')}</p> : null}
      </div>
      <p className="mb-4">{t('intro')}</p>
      <h2 className="admin-h2">{t('members')}</h2>
      {members.length === 0 ? <p>{t('noMembers')}</p> : null}
      <ul className="list-disc space-y-1 ps-6">
        {members.map((member) => (
          <li key={member.id}>
            {member.name} ({member.email}){member.isActive ? '' : t('deactivated')}
          </li>
        ))}
      </ul>
      <OpenInvitations
        invitations={invitations}
        heading={t('openInvitations')}
        none={t('none')}
        detail={(invitation) => (invitation.name ? ` (${invitation.name})` : '')}
        validUntil={(date) => t('validUntil', { date: dateFormat.format(date) })}
        invitedBy={(name) => t('invitedBy', { name })}
        actions={
          can(actor, 'invitation.revoke', org)
            ? (invitation) => ({
                resend: teamInvitationAction.bind(null, id, 'resend', invitation.id),
                revoke: teamInvitationAction.bind(null, id, 'revoke', invitation.id),
                resendLabel: t('resend', { email: invitation.email }),
                revokeLabel: t('revoke', { email: invitation.email }),
              })
            : undefined
        }
      />
      <h2 className="admin-h2">{t('inviteHeading')}</h2>
      <p className="mb-4">{t('inviteIntro')}</p>
      <EntityForm
        action={inviteColleagueAction.bind(null, id)}
        formId="kollegin-einladen"
        fields={[
          { name: 'email', label: t('email'), type: 'email', isRequired: true, autoComplete: 'off' },
          { name: 'name', label: t('name'), autoComplete: 'off' },
          { name: 'locale', label: s('invitationLanguage'), type: 'select', options: [{ value: 'de', label: 'Deutsch' }, { value: 'en', label: 'English' }] },
        ]}
        initialValues={{ locale: 'de' }}
        submitLabel={t('send')}
      />
    </div>
  );
}
