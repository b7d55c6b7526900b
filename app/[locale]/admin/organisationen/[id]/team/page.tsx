import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { listInvitations } from '@/lib/data/invitations';
import { listOrganizationMembers } from '@/lib/data/users';
import { can } from '@/lib/permissions';
import { dateFormat, orNotFound } from '../../../page-utils';
import { inviteColleagueAction, teamInvitationAction } from '../../actions';

export const metadata: Metadata = { title: 'Team' };

// The people who maintain one entry; its partners invite colleagues here (for this organization only).
export default async function TeamPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/team`);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  if (!can(actor, 'invitation.create', org) || org.deletedAt) notFound();
  const [members, invitations] = await Promise.all([
    orNotFound(listOrganizationMembers({ actor, organizationId: id })),
    orNotFound(listInvitations({ actor, organizationId: id })),
  ]);
  return (
    <div>
      <p><Link href={`/de/admin/organisationen/${id}`} className="admin-link">Zurück zu {org.name}</Link></p>
      <h1 className="admin-h1">Team: {org.name}</h1>
      <div role="status">
        {search.eingeladen ? <p className="alert-success mb-4">Die Einladung wurde verschickt. Der Link gilt 7 Tage.</p> : null}
        {search.erneut ? <p className="alert-success mb-4">Die Einladung wurde erneut verschickt.</p> : null}
        {search.widerrufen ? <p className="alert-success mb-4">Die Einladung wurde widerrufen.</p> : null}
      </div>
      <p className="mb-4">Diese Personen können den Eintrag pflegen. Laden Sie Kolleg*innen ein, die ihn mit Ihnen aktuell halten.</p>
      <h2 className="admin-h2">Mitglieder</h2>
      {members.length === 0 ? <p>Noch niemand.</p> : null}
      <ul className="list-disc space-y-1 ps-6">
        {members.map((member) => (
          <li key={member.id}>
            {member.name} ({member.email}){member.isActive ? '' : ' – deaktiviert'}
          </li>
        ))}
      </ul>
      <h2 className="admin-h2">Offene Einladungen</h2>
      {invitations.length === 0 ? <p>Keine.</p> : null}
      <ul className="space-y-2">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center gap-3">
            <span>
              {invitation.email}
              {invitation.name ? ` (${invitation.name})` : ''} · gültig bis {dateFormat.format(invitation.expiresAt)}
              {invitation.invitedBy ? ` · eingeladen von ${invitation.invitedBy.name}` : ''}
            </span>
            {can(actor, 'invitation.revoke', org) ? (
              <>
                <ActionButton action={teamInvitationAction.bind(null, id, 'resend', invitation.id)} label={`Einladung an ${invitation.email} erneut senden`} />
                <ActionButton action={teamInvitationAction.bind(null, id, 'revoke', invitation.id)} label={`Einladung an ${invitation.email} widerrufen`} variant="danger" />
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <h2 className="admin-h2">Kolleg*in einladen</h2>
      <p className="mb-4">Die Person bekommt eine E-Mail mit einem Link, über den sie ihr Passwort festlegt. Sie kann danach diesen Eintrag pflegen.</p>
      <EntityForm
        action={inviteColleagueAction.bind(null, id)}
        formId="kollegin-einladen"
        fields={[
          { name: 'email', label: 'E-Mail-Adresse', type: 'email', isRequired: true, autoComplete: 'off' },
          { name: 'name', label: 'Name', autoComplete: 'off' },
        ]}
        initialValues={{}}
        submitLabel="Einladung senden"
      />
    </div>
  );
}
