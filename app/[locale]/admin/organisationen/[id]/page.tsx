import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeRequestList, ReviewNotice, SubmittedNotice } from '@/components/admin/change-requests';
import { organizationFields, toFormValues } from '@/components/admin/field-specs';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization, listOrganizationOptions, ORGANIZATION_FIELD_LABELS } from '@/lib/data/admin-organizations';
import { listChangeRequests } from '@/lib/data/change-requests';
import { listTermOptions } from '@/lib/data/taxonomy';
import { can } from '@/lib/permissions';
import { orNotFound, STATUS_LABELS } from '../../page-utils';
import {
  deleteOrganizationAction,
  restoreOrganizationAction,
  setChildDeletedAction,
  setOrganizationStatusAction,
  setOrganizationTrustedAction,
  updateOrganizationAction,
} from '../actions';

export const metadata: Metadata = { title: 'Eintrag bearbeiten' };

export default async function EditOrganizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}`);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const [terms, organizations, requests] = await Promise.all([
    listTermOptions({ actor }),
    listOrganizationOptions({ actor }),
    listChangeRequests({ actor, organizationId: id, take: 10 }),
  ]);
  // Partners of organizations that are not trusted edit the same forms; their saves are proposals.
  const isDirect = can(actor, 'organization.update', org);
  const isReviewed = !isDirect && can(actor, 'organization.propose', org);
  const canEdit = (isDirect || isReviewed) && !org.deletedAt;
  const canSetTrusted = can(actor, 'organization.setTrusted', org) && !org.deletedAt;
  const pending = requests.filter((r) => r.status === 'PENDING');
  const canPublish = can(actor, 'organization.publish', org) && !org.deletedAt;
  const base = `/de/admin/organisationen/${id}`;
  const { topicIds, ...scalars } = org;
  return (
    <div>
      <p>
        <Link href="/de/admin/organisationen" className="admin-link">
          Zurück zu allen Einträgen
        </Link>
      </p>
      <h1 className="admin-h1">{org.name}</h1>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">Gespeichert.</p> : null}
        {search.eingereicht ? <SubmittedNotice /> : null}
        {search.vertrauen === 'an' ? <p className="alert-success mb-4">Der Eintrag ist als vertrauenswürdig markiert: Änderungen seiner Partner erscheinen ab jetzt ohne Prüfung.</p> : null}
        {search.vertrauen === 'aus' ? <p className="alert-success mb-4">Änderungen der Partner dieses Eintrags werden ab jetzt wieder vor der Veröffentlichung geprüft.</p> : null}
        {search.status === 'publish' ? <p className="alert-success mb-4">Veröffentlicht.</p> : null}
        {search.status === 'archive' ? <p className="alert-success mb-4">Archiviert: Der Eintrag ist nicht mehr öffentlich.</p> : null}
        {search.status === 'unpublish' ? <p className="alert-success mb-4">Zurück auf Entwurf gesetzt.</p> : null}
        {search.geloescht ? <p className="alert-success mb-4">In den Papierkorb verschoben.</p> : null}
      </div>
      <p className="mb-2">
        Status: <span className={`badge badge-${org.status}`}>{STATUS_LABELS[org.status]}</span>
        {org.deletedAt ? <strong className="ms-2">Im Papierkorb</strong> : null} · Öffentliche Adresse:{' '}
        {org.status === 'PUBLISHED' && !org.deletedAt ? (
          <Link href={`/de/akteure/${org.slug}`} className="admin-link">
            /de/akteure/{org.slug}
          </Link>
        ) : (
          <code>/de/akteure/{org.slug}</code>
        )}
      </p>
      <p className="mb-2" data-trusted={org.isTrusted ? 'yes' : 'no'}>
        {org.isTrusted
          ? 'Vertrauenswürdig: Änderungen der Partner erscheinen ohne Prüfung (sie werden im Verlauf festgehalten).'
          : 'Änderungen der Partner werden vor der Veröffentlichung von der Koordinierungsstelle geprüft.'}
      </p>
      {isReviewed ? <ReviewNotice /> : null}
      <div className="mb-6 flex flex-wrap gap-2">
        {canSetTrusted ? (
          org.isTrusted ? (
            <ActionButton action={setOrganizationTrustedAction.bind(null, id, false)} label="Änderungen der Partner wieder prüfen" />
          ) : (
            <ActionButton
              action={setOrganizationTrustedAction.bind(null, id, true)}
              label="Als vertrauenswürdig markieren"
              confirm="Änderungen der Partner dieses Eintrags erscheinen dann ohne Prüfung. Fortfahren?"
            />
          )
        ) : null}
        {canPublish && org.status !== 'PUBLISHED' ? <ActionButton action={setOrganizationStatusAction.bind(null, id, 'publish')} label="Veröffentlichen" variant="primary" /> : null}
        {canPublish && org.status === 'PUBLISHED' ? <ActionButton action={setOrganizationStatusAction.bind(null, id, 'unpublish')} label="Zurück auf Entwurf" /> : null}
        {canPublish && org.status !== 'ARCHIVED' ? <ActionButton action={setOrganizationStatusAction.bind(null, id, 'archive')} label="Archivieren" /> : null}
        {can(actor, 'organization.delete') && !org.deletedAt ? (
          <ActionButton action={deleteOrganizationAction.bind(null, id)} label="In den Papierkorb" variant="danger" confirm="Eintrag wirklich in den Papierkorb verschieben?" />
        ) : null}
        {can(actor, 'organization.delete') && org.deletedAt ? <ActionButton action={restoreOrganizationAction.bind(null, id)} label="Wiederherstellen" variant="primary" /> : null}
      </div>
      <nav aria-label="Bereiche des Eintrags" className="mb-6 flex flex-wrap gap-4">
        <a href="#stammdaten" className="admin-link">Stammdaten</a>
        <a href="#angebote" className="admin-link">Angebote</a>
        <a href="#standorte" className="admin-link">Standorte</a>
        <a href="#kontakte" className="admin-link">Kontaktpersonen</a>
        <Link href={`${base}/sprechzeiten`} className="admin-link">Sprechzeiten</Link>
        <a href="#vorschlaege" className="admin-link">Änderungsvorschläge{pending.length ? ` (${pending.length} offen)` : ''}</a>
        {can(actor, 'invitation.create', org) ? <Link href={`${base}/team`} className="admin-link">Team</Link> : null}
        <Link href={`${base}/uebersetzungen`} className="admin-link">Übersetzungen</Link>
        <Link href={`${base}/verlauf`} className="admin-link">Verlauf</Link>
      </nav>

      <section aria-labelledby="stammdaten">
        <h2 id="stammdaten" className="admin-h2">Stammdaten</h2>
        {canEdit ? (
          <EntityForm
            action={updateOrganizationAction.bind(null, id)}
            fields={organizationFields({
              categories: terms.categories,
              topics: [...terms.topics, ...terms.targetGroups],
              organizations: organizations.filter((o) => o.id !== id).map((o) => ({ value: o.id, label: o.name })),
              isCoordinator: can(actor, 'organization.publish'),
            })}
            initialValues={{ ...toFormValues(scalars), topicIds }}
            hidden={{ version: String(org.version) }}
            fieldLabels={ORGANIZATION_FIELD_LABELS}
            formId="organisation"
            submitLabel={isReviewed ? 'Zur Prüfung einreichen' : 'Speichern'}
          />
        ) : (
          <p>Sie können diesen Eintrag nicht direkt bearbeiten.</p>
        )}
      </section>

      <section aria-labelledby="angebote">
        <h2 id="angebote" className="admin-h2">Angebote</h2>
        <ul className="space-y-2">
          {org.services.map((service) => (
            <li key={service.id} className="flex flex-wrap items-center gap-3">
              <Link href={`${base}/angebote/${service.id}`} className="admin-link">{service.name}</Link>
              {service.deletedAt ? (
                <>
                  <span>(gelöscht)</span>
                  {isDirect && canEdit ? <ActionButton action={setChildDeletedAction.bind(null, 'service', service.id, false)} label={`${service.name} wiederherstellen`} /> : null}
                </>
              ) : canEdit ? (
                <ActionButton action={setChildDeletedAction.bind(null, 'service', service.id, true)} label={isReviewed ? `Löschen von ${service.name} vorschlagen` : `${service.name} löschen`} variant="danger" />
              ) : null}
            </li>
          ))}
        </ul>
        {canEdit ? <p className="mt-2"><Link href={`${base}/angebote/neu`} className="btn-secondary">Angebot hinzufügen</Link></p> : null}
      </section>

      <section aria-labelledby="standorte">
        <h2 id="standorte" className="admin-h2">Standorte</h2>
        <ul className="space-y-2">
          {org.locations.map((location) => {
            const label = [location.name, location.street, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || 'Standort';
            return (
              <li key={location.id} className="flex flex-wrap items-center gap-3">
                <Link href={`${base}/standorte/${location.id}`} className="admin-link">{label}</Link>
                {location.deletedAt ? (
                  <>
                    <span>(gelöscht)</span>
                    {isDirect && canEdit ? <ActionButton action={setChildDeletedAction.bind(null, 'location', location.id, false)} label={`${label} wiederherstellen`} /> : null}
                  </>
                ) : canEdit ? (
                  <ActionButton action={setChildDeletedAction.bind(null, 'location', location.id, true)} label={isReviewed ? `Löschen von ${label} vorschlagen` : `${label} löschen`} variant="danger" />
                ) : null}
              </li>
            );
          })}
        </ul>
        {canEdit ? <p className="mt-2"><Link href={`${base}/standorte/neu`} className="btn-secondary">Standort hinzufügen</Link></p> : null}
      </section>

      <section aria-labelledby="kontakte">
        <h2 id="kontakte" className="admin-h2">Kontaktpersonen</h2>
        <ul className="space-y-2">
          {org.contacts.map((contact) => {
            const label = contact.name ? `${contact.role} (${contact.name})` : contact.role;
            const isPublic = contact.visibility === 'PUBLIC' && contact.consentGivenAt && !contact.consentWithdrawnAt;
            return (
              <li key={contact.id} className="flex flex-wrap items-center gap-3">
                <Link href={`${base}/kontakte/${contact.id}`} className="admin-link">{label}</Link>
                <span>{isPublic ? 'öffentlich' : 'nicht öffentlich'}</span>
                {contact.languageOffers.length ? <span>Sprachen: {contact.languageOffers.map((o) => o.languageCode).join(', ')}</span> : null}
                {contact.deletedAt ? (
                  <>
                    <span>(gelöscht)</span>
                    {isDirect && canEdit ? <ActionButton action={setChildDeletedAction.bind(null, 'contact', contact.id, false)} label={`${contact.role} wiederherstellen`} /> : null}
                  </>
                ) : canEdit ? (
                  <ActionButton action={setChildDeletedAction.bind(null, 'contact', contact.id, true)} label={isReviewed ? `Löschen von ${contact.role} vorschlagen` : `${contact.role} löschen`} variant="danger" />
                ) : null}
              </li>
            );
          })}
        </ul>
        {canEdit ? <p className="mt-2"><Link href={`${base}/kontakte/neu`} className="btn-secondary">Kontaktperson hinzufügen</Link></p> : null}
      </section>

      <section aria-labelledby="vorschlaege">
        <h2 id="vorschlaege" className="admin-h2">Änderungsvorschläge</h2>
        <ChangeRequestList items={requests} showOrganization={false} emptyText="Keine Änderungsvorschläge." />
        {requests.length ? (
          <p className="mt-2">
            <Link href={`/de/admin/aenderungen?organisation=${id}&status=ALL`} className="admin-link">Alle Änderungsvorschläge zu diesem Eintrag</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
