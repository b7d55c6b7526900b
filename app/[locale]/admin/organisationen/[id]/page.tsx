import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeRequestList, ReviewNotice, SubmittedNotice } from '@/components/admin/change-requests';
import { organizationFields } from '@/components/admin/field-specs';
import { toFormValues } from '@/lib/schemas/common';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization, listOrganizationOptions } from '@/lib/data/admin-organizations';
import { listChangeRequests } from '@/lib/data/change-requests/list';
import { getOwnPendingProposal } from '@/lib/data/change-requests/own-pending';
import { markPendingFields, PendingProposal } from '@/components/admin/pending-proposal';
import { listTermOptions } from '@/lib/data/taxonomy';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { fieldLabels } from '@/lib/i18n/field-labels';
import { can } from '@/lib/permissions';
import { orNotFound, type AdminPageProps } from '../../page-utils';
import {
  deleteOrganizationAction,
  restoreOrganizationAction,
  setChildDeletedAction,
  setOrganizationStatusAction,
  setOrganizationTrustedAction,
  updateOrganizationAction,
} from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale(), 'Organization')('metaTitle') };
}

export default async function EditOrganizationPage({ params, searchParams }: AdminPageProps<{ id: string }>) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}`);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const locale = await getAdminLocale();
  const [terms, organizations, requests] = await Promise.all([
    listTermOptions({ actor }),
    listOrganizationOptions({ actor }),
    listChangeRequests({ actor, organizationId: id, take: 10, locale }),
  ]);
  // Partners of organizations that are not trusted edit the same forms; their saves are proposals.
  const isDirect = can(actor, 'organization.update', org);
  const isReviewed = !isDirect && can(actor, 'organization.propose', org);
  const canEdit = (isDirect || isReviewed) && !org.deletedAt;
  // A partner's own pending proposal: shown, marked on the fields, and amended by saving again.
  const ownPending = isReviewed ? await getOwnPendingProposal({ actor, locale, entityType: 'Organization', entityId: id }) : null;
  const canSetTrusted = can(actor, 'organization.setTrusted', org) && !org.deletedAt;
  const pending = requests.filter((r) => r.status === 'PENDING');
  const canPublish = can(actor, 'organization.publish', org) && !org.deletedAt;
  const base = `/de/admin/organisationen/${id}`;
  const { topicIds, ...scalars } = org;
  const t = adminTranslator(locale, 'Organization');
  const statusLabel = adminTranslator(locale, 'Status');
  // Language names in the admin's language ("Arabisch", "Arabic"), not codes.
  const languageNames = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  return (
    <div>
      <p>
        <Link href="/de/admin/organisationen" className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">{org.name}</h1>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}
        {search.eingereicht ? <SubmittedNotice /> : null}
        {search.ergaenzt ? <p className="alert-success mb-4">{adminTranslator(locale, 'PendingProposal')('amended')}</p> : null}
        {search.vertrauen === 'an' ? <p className="alert-success mb-4">{t('trustedOn')}</p> : null}
        {search.vertrauen === 'aus' ? <p className="alert-success mb-4">{t('trustedOff')}</p> : null}
        {search.status === 'publish' ? <p className="alert-success mb-4">{t('published')}</p> : null}
        {search.status === 'archive' ? <p className="alert-success mb-4">{t('archived')}</p> : null}
        {search.status === 'unpublish' ? <p className="alert-success mb-4">{t('unpublished')}</p> : null}
        {search.geloescht ? <p className="alert-success mb-4">{t('trashed')}</p> : null}
      </div>
      <p className="mb-2">
        {t('status')} <span className={`badge badge-${org.status}`}>{statusLabel(org.status as 'DRAFT')}</span>
        {org.deletedAt ? <strong className="ms-2">{t('inTrash')}</strong> : null} · {t('publicAddress')}{' '}
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
          ? t('trusted')
          : t('reviewed')}
      </p>
      {isReviewed ? <ReviewNotice /> : null}
      {ownPending ? <PendingProposal locale={locale} proposal={ownPending} /> : null}
      <div className="mb-6 flex flex-wrap gap-2">
        {canSetTrusted ? (
          org.isTrusted ? (
            <ActionButton action={setOrganizationTrustedAction.bind(null, id, false)} label={t('reviewAgain')} />
          ) : (
            <ActionButton
              action={setOrganizationTrustedAction.bind(null, id, true)}
              label={t('markTrusted')}
              confirm={t('markTrustedConfirm')}
            />
          )
        ) : null}
        {canPublish && org.status !== 'PUBLISHED' ? <ActionButton action={setOrganizationStatusAction.bind(null, id, 'publish')} label={t('publish')} variant="primary" /> : null}
        {canPublish && org.status === 'PUBLISHED' ? <ActionButton action={setOrganizationStatusAction.bind(null, id, 'unpublish')} label={t('unpublish')} /> : null}
        {canPublish && org.status !== 'ARCHIVED' ? <ActionButton action={setOrganizationStatusAction.bind(null, id, 'archive')} label={t('archive')} /> : null}
        {can(actor, 'organization.delete') && !org.deletedAt ? (
          <ActionButton action={deleteOrganizationAction.bind(null, id)} label={t('trash')} variant="danger" confirm={t('trashConfirm')} />
        ) : null}
        {can(actor, 'organization.delete') && org.deletedAt ? <ActionButton action={restoreOrganizationAction.bind(null, id)} label={t('restore')} variant="primary" /> : null}
      </div>
      <nav aria-label={t('sections')} className="mb-6 flex flex-wrap gap-4">
        <a href="#stammdaten" className="admin-link">{t('basics')}</a>
        <a href="#angebote" className="admin-link">{t('services')}</a>
        <a href="#standorte" className="admin-link">{t('locations')}</a>
        <a href="#kontakte" className="admin-link">{t('contacts')}</a>
        <Link href={`${base}/sprechzeiten`} className="admin-link">{t('schedules')}</Link>
        <a href="#vorschlaege" className="admin-link">{pending.length ? t('proposalsOpen', { count: pending.length }) : t('proposals')}</a>
        {can(actor, 'invitation.create', org) ? <Link href={`${base}/team`} className="admin-link">{t('team')}</Link> : null}
        <Link href={`${base}/uebersetzungen`} className="admin-link">{t('translations')}</Link>
        <Link href={`${base}/verlauf`} className="admin-link">{t('history')}</Link>
        {can(actor, 'organization.create') && !org.deletedAt ? <Link href={`${base}/kopieren`} className="admin-link">{adminTranslator(locale, 'CopyEntry')('link')}</Link> : null}
      </nav>

      <section aria-labelledby="stammdaten">
        <h2 id="stammdaten" className="admin-h2">{t('basics')}</h2>
        {canEdit ? (
          <EntityForm
            action={updateOrganizationAction.bind(null, id)}
            fields={markPendingFields(locale, organizationFields({
              categories: terms.categories,
              topics: [...terms.topics, ...terms.targetGroups],
              organizations: organizations.filter((o) => o.id !== id).map((o) => ({ value: o.id, label: o.name })),
              isCoordinator: can(actor, 'organization.setCoordinatorFields'),
            }, adminTranslator(locale, 'Fields')), ownPending)}
            initialValues={{ ...toFormValues(scalars), topicIds, ...ownPending?.values }}
            hidden={{ version: String(org.version) }}
            fieldLabels={fieldLabels(locale, 'Organization')}
            formId="organisation"
            submitLabel={isReviewed ? t('submitForReview') : t('save')}
          />
        ) : (
          <p>{t('cannotEdit')}</p>
        )}
      </section>

      <section aria-labelledby="angebote">
        <h2 id="angebote" className="admin-h2">{t('services')}</h2>
        <ul className="space-y-2">
          {org.services.map((service) => (
            <li key={service.id} className="flex flex-wrap items-center gap-3">
              <Link href={`${base}/angebote/${service.id}`} className="admin-link">{service.name}</Link>
              {service.deletedAt ? (
                <>
                  <span>{t('deleted')}</span>
                  {isDirect && canEdit ? <ActionButton action={setChildDeletedAction.bind(null, 'service', service.id, false)} label={t('restoreItem', { label: service.name })} /> : null}
                </>
              ) : canEdit ? (
                <ActionButton action={setChildDeletedAction.bind(null, 'service', service.id, true)} label={isReviewed ? t('proposeDelete', { label: service.name }) : t('deleteItem', { label: service.name })} variant="danger" />
              ) : null}
            </li>
          ))}
        </ul>
        {canEdit ? <p className="mt-2"><Link href={`${base}/angebote/neu`} className="btn-secondary">{t('addService')}</Link></p> : null}
      </section>

      <section aria-labelledby="standorte">
        <h2 id="standorte" className="admin-h2">{t('locations')}</h2>
        <ul className="space-y-2">
          {org.locations.map((location) => {
            const label = [location.name, location.street, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || t('location');
            return (
              <li key={location.id} className="flex flex-wrap items-center gap-3">
                <Link href={`${base}/standorte/${location.id}`} className="admin-link">{label}</Link>
                {location.deletedAt ? (
                  <>
                    <span>{t('deleted')}</span>
                    {isDirect && canEdit ? <ActionButton action={setChildDeletedAction.bind(null, 'location', location.id, false)} label={t('restoreItem', { label })} /> : null}
                  </>
                ) : canEdit ? (
                  <ActionButton action={setChildDeletedAction.bind(null, 'location', location.id, true)} label={isReviewed ? t('proposeDelete', { label }) : t('deleteItem', { label })} variant="danger" />
                ) : null}
              </li>
            );
          })}
        </ul>
        {canEdit ? <p className="mt-2"><Link href={`${base}/standorte/neu`} className="btn-secondary">{t('addLocation')}</Link></p> : null}
      </section>

      <section aria-labelledby="kontakte">
        <h2 id="kontakte" className="admin-h2">{t('contacts')}</h2>
        <ul className="space-y-2">
          {org.contacts.map((contact) => {
            const label = contact.name ? `${contact.role} (${contact.name})` : contact.role;
            const isPublic = contact.visibility === 'PUBLIC' && contact.consentGivenAt && !contact.consentWithdrawnAt;
            return (
              <li key={contact.id} className="flex flex-wrap items-center gap-3">
                <Link href={`${base}/kontakte/${contact.id}`} className="admin-link">{label}</Link>
                <span>{isPublic ? t('public') : t('notPublic')}</span>
                {contact.languageOffers.length ? <span>{t('languages', { codes: contact.languageOffers.map((o) => languageNames.of(o.languageCode) ?? o.languageCode).join(', ') })}</span> : null}
                {contact.deletedAt ? (
                  <>
                    <span>{t('deleted')}</span>
                    {isDirect && canEdit ? <ActionButton action={setChildDeletedAction.bind(null, 'contact', contact.id, false)} label={t('restoreItem', { label: contact.role })} /> : null}
                  </>
                ) : canEdit ? (
                  <ActionButton action={setChildDeletedAction.bind(null, 'contact', contact.id, true)} label={isReviewed ? t('proposeDelete', { label: contact.role }) : t('deleteItem', { label: contact.role })} variant="danger" />
                ) : null}
              </li>
            );
          })}
        </ul>
        {canEdit ? <p className="mt-2"><Link href={`${base}/kontakte/neu`} className="btn-secondary">{t('addContact')}</Link></p> : null}
      </section>

      <section aria-labelledby="vorschlaege">
        <h2 id="vorschlaege" className="admin-h2">{t('proposals')}</h2>
        <ChangeRequestList items={requests} showOrganization={false} emptyText={t('noProposals')} />
        {requests.length ? (
          <p className="mt-2">
            <Link href={`/de/admin/aenderungen?organisation=${id}&status=ALL`} className="admin-link">{t('allProposals')}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
