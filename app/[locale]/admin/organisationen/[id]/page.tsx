import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeRequestList, ReviewNotice, SubmittedNotice } from '@/components/admin/change-requests';
import { organizationFields } from '@/components/admin/field-specs';
import { toFormValues } from '@/lib/schemas/common';
import { keywordFormValues } from '@/lib/schemas/keywords';
import { ActionButton } from '@/components/forms/action-button';
import { ConfirmAction, confirmHref } from '@/components/admin/confirm-action';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization, listOrganizationOptions } from '@/lib/data/admin-organizations';
import { listChangeRequests } from '@/lib/data/change-requests/list';
import { getOwnPendingProposal, listOwnPendingEntityIds } from '@/lib/data/change-requests/own-pending';
import { markPendingFields, PendingProposal } from '@/components/admin/pending-proposal';
import { listTermOptions } from '@/lib/data/taxonomy';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import type { FormState } from '@/components/forms/form-state';
import { fieldLabels } from '@/lib/i18n/field-labels';
import { can } from '@/lib/permissions';
import { orNotFound, type AdminPageProps } from '../../page-utils';
import {
  deleteOrganizationAction,
  restoreOrganizationAction,
  setChildDeletedAction,
  setOrganizationStatusAction,
  setOrganizationTrustedAction,
  undoArchiveAction,
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
  const [ownPending, ownPendingIds] = isReviewed
    ? await Promise.all([getOwnPendingProposal({ actor, locale, entityType: 'Organization', entityId: id }), listOwnPendingEntityIds({ actor, organizationId: id })])
    : [null, new Set<string>()];
  // "Your proposal is waiting" beside each service, location and contact the partner proposed a change to.
  const waiting = (entityId: string) =>
    ownPendingIds.has(entityId) ? <span className="rounded bg-amber-50 px-2 py-0.5 text-sm text-amber-900 ring-1 ring-amber-700" data-pending-item={entityId}>{adminTranslator(locale, 'PendingProposal')('badge')}</span> : null;
  const canSetTrusted = can(actor, 'organization.setTrusted', org) && !org.deletedAt;
  const pending = requests.filter((r) => r.status === 'PENDING');
  const canPublish = can(actor, 'organization.publish', org) && !org.deletedAt;
  const base = `/de/admin/organisationen/${id}`;
  const canTrash = can(actor, 'organization.delete') && !org.deletedAt;
  const { topicIds, keywords, ...scalars } = org;
  const t = adminTranslator(locale, 'Organization');
  const statusLabel = adminTranslator(locale, 'Status');
  // Language names in the admin's language ("Arabisch", "Arabic"), not codes.
  const languageNames = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const confirmT = adminTranslator(locale, 'Confirm');
  const undoneStatus = search.rueckgaengig === 'PUBLISHED' || search.rueckgaengig === 'DRAFT' ? search.rueckgaengig : null;
  const confirmStep = confirmStepFor(search, { org, locale, canPublish, canTrash, canEdit, isReviewed });
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
        {search.status === 'archive' ? (
          <div className="alert-success mb-4">
            <p>{t('archived')}</p>
            {canPublish && org.status === 'ARCHIVED' ? <ActionButton action={undoArchiveAction.bind(null, id)} label={confirmT('undo')} /> : null}
          </div>
        ) : null}
        {undoneStatus ? <p className="alert-success mb-4">{confirmT('undone', { status: statusLabel(undoneStatus) })}</p> : null}
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
      {ownPending ? <PendingProposal locale={locale} proposal={ownPending} organizationId={id} /> : null}
      {confirmStep ? (
        <ConfirmAction
          locale={locale}
          title={confirmStep.title}
          subject={confirmStep.subject}
          consequence={confirmStep.consequence}
          confirmLabel={confirmStep.label}
          action={confirmStep.action}
          variant={confirmStep.variant}
          cancelHref={base}
        />
      ) : (
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
        {org.deletedAt ? null : <Link href={`/de/vorschau/${id}`} className="btn-secondary" data-preview-link>{adminTranslator(locale, 'Preview')('entry')}</Link>}
        {canPublish && org.status !== 'PUBLISHED' ? <Link href={confirmHref(base, { bestaetigen: 'veroeffentlichen' })} className="btn-primary">{t('publish')}</Link> : null}
        {canPublish && org.status === 'PUBLISHED' ? <Link href={confirmHref(base, { bestaetigen: 'entwurf' })} className="btn-danger">{t('unpublish')}</Link> : null}
        {canPublish && org.status !== 'ARCHIVED' ? <Link href={confirmHref(base, { bestaetigen: 'archivieren' })} className="btn-danger">{t('archive')}</Link> : null}
        {canTrash ? <Link href={confirmHref(base, { bestaetigen: 'papierkorb' })} className="btn-danger">{t('trash')}</Link> : null}
        {can(actor, 'organization.delete') && org.deletedAt ? <ActionButton action={restoreOrganizationAction.bind(null, id)} label={t('restore')} variant="primary" /> : null}
      </div>
      )}
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
              topics: terms.topics,
              targetGroups: terms.targetGroups,
              organizations: organizations.filter((o) => o.id !== id).map((o) => ({ value: o.id, label: o.name })),
              isCoordinator: can(actor, 'organization.setCoordinatorFields'),
            }, adminTranslator(locale, 'Fields')), ownPending)}
            initialValues={{ ...toFormValues(scalars), topicIds, ...keywordFormValues(keywords), ...ownPending?.values }}
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
              {waiting(service.id)}
              {service.deletedAt ? (
                <>
                  <span>{t('deleted')}</span>
                  {isDirect && canEdit ? <ActionButton action={setChildDeletedAction.bind(null, 'service', service.id, false)} label={t('restoreItem', { label: service.name })} /> : null}
                </>
              ) : canEdit ? (
                <Link href={confirmHref(base, { bestaetigen: 'loeschen', art: 'angebot', datensatz: service.id })} className="btn-danger">{isReviewed ? t('proposeDelete', { label: service.name }) : t('deleteItem', { label: service.name })}</Link>
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
            const label = locationLabel(location, t('location'));
            return (
              <li key={location.id} className="flex flex-wrap items-center gap-3">
                <Link href={`${base}/standorte/${location.id}`} className="admin-link">{label}</Link>
                {waiting(location.id)}
                {location.deletedAt ? (
                  <>
                    <span>{t('deleted')}</span>
                    {isDirect && canEdit ? <ActionButton action={setChildDeletedAction.bind(null, 'location', location.id, false)} label={t('restoreItem', { label })} /> : null}
                  </>
                ) : canEdit ? (
                  <Link href={confirmHref(base, { bestaetigen: 'loeschen', art: 'standort', datensatz: location.id })} className="btn-danger">{isReviewed ? t('proposeDelete', { label }) : t('deleteItem', { label })}</Link>
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
                {waiting(contact.id)}
                <span>{isPublic ? t('public') : t('notPublic')}</span>
                {contact.languageOffers.length ? <span>{t('languages', { codes: contact.languageOffers.map((o) => languageNames.of(o.languageCode) ?? o.languageCode).join(', ') })}</span> : null}
                {contact.deletedAt ? (
                  <>
                    <span>{t('deleted')}</span>
                    {isDirect && canEdit ? <ActionButton action={setChildDeletedAction.bind(null, 'contact', contact.id, false)} label={t('restoreItem', { label: contact.role })} /> : null}
                  </>
                ) : canEdit ? (
                  <Link href={confirmHref(base, { bestaetigen: 'loeschen', art: 'kontakt', datensatz: contact.id })} className="btn-danger">{isReviewed ? t('proposeDelete', { label: contact.role }) : t('deleteItem', { label: contact.role })}</Link>
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

type ConfirmStep = {
  title: string;
  subject: string;
  consequence: string;
  label: string;
  action: (state: FormState) => Promise<FormState>;
  variant: 'primary' | 'danger';
};

// The confirm step named by `?bestaetigen=...` (see components/admin/confirm-action.tsx), or null
// when none is asked for or the user may not take it (the button is not shown then either; the
// server action checks permission again in any case).
function confirmStepFor(
  search: Record<string, string | undefined>,
  { org, locale, canPublish, canTrash, canEdit, isReviewed }: {
    org: Awaited<ReturnType<typeof getAdminOrganization>>;
    locale: AdminLocale;
    canPublish: boolean;
    canTrash: boolean;
    canEdit: boolean;
    isReviewed: boolean;
  },
): ConfirmStep | null {
  const c = adminTranslator(locale, 'Confirm');
  const t = adminTranslator(locale, 'Organization');
  const subject = c('entry', { name: org.name });
  const id = org.id;
  switch (search.bestaetigen) {
    case 'veroeffentlichen':
      if (!canPublish || org.status === 'PUBLISHED') return null;
      return { title: c('publishTitle'), subject, consequence: c('publishConsequence'), label: t('publish'), action: setOrganizationStatusAction.bind(null, id, 'publish'), variant: 'primary' };
    case 'entwurf':
      if (!canPublish || org.status !== 'PUBLISHED') return null;
      return { title: c('unpublishTitle'), subject, consequence: c('unpublishConsequence'), label: t('unpublish'), action: setOrganizationStatusAction.bind(null, id, 'unpublish'), variant: 'danger' };
    case 'archivieren':
      if (!canPublish || org.status === 'ARCHIVED') return null;
      return { title: c('archiveTitle'), subject, consequence: c('archiveConsequence'), label: t('archive'), action: setOrganizationStatusAction.bind(null, id, 'archive'), variant: 'danger' };
    case 'papierkorb':
      if (!canTrash) return null;
      return { title: c('trashTitle'), subject, consequence: c('trashConsequence'), label: t('trash'), action: deleteOrganizationAction.bind(null, id), variant: 'danger' };
    case 'loeschen': {
      if (!canEdit) return null;
      const child = childToDelete(org, search.art, search.datensatz, t('location'));
      if (!child) return null;
      return {
        title: c('deleteTitle'),
        subject: c('record', { label: child.label, name: org.name }),
        consequence: isReviewed ? c('proposeDeleteConsequence') : c('deleteConsequence'),
        label: isReviewed ? t('proposeDelete', { label: child.label }) : t('deleteItem', { label: child.label }),
        action: setChildDeletedAction.bind(null, child.kind, child.id, true),
        variant: 'danger',
      };
    }
    default:
      return null;
  }
}

// A service, location or contact of this entry that is not deleted yet, with the label its list shows.
function childToDelete(org: Awaited<ReturnType<typeof getAdminOrganization>>, art: string | undefined, rowId: string | undefined, locationFallback: string) {
  if (art === 'angebot') {
    const row = org.services.find((s) => s.id === rowId && !s.deletedAt);
    return row ? { kind: 'service' as const, id: row.id, label: row.name } : null;
  }
  if (art === 'standort') {
    const row = org.locations.find((l) => l.id === rowId && !l.deletedAt);
    return row ? { kind: 'location' as const, id: row.id, label: locationLabel(row, locationFallback) } : null;
  }
  if (art === 'kontakt') {
    const row = org.contacts.find((p) => p.id === rowId && !p.deletedAt);
    return row ? { kind: 'contact' as const, id: row.id, label: row.role } : null;
  }
  return null;
}

function locationLabel(location: { name: string | null; street: string | null; postalCode: string | null; city: string | null }, fallback: string): string {
  return [location.name, location.street, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || fallback;
}
