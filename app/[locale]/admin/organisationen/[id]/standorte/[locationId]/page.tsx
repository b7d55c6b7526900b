import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { locationFields } from '@/components/admin/field-specs';
import { toFormValues } from '@/lib/schemas/common';
import { ReviewNotice } from '@/components/admin/change-requests';
import { markPendingFields, PendingProposal } from '@/components/admin/pending-proposal';
import { getOwnPendingProposal } from '@/lib/data/change-requests/own-pending';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { fieldLabels } from '@/lib/i18n/field-labels';
import { can } from '@/lib/permissions';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { getAdminLocation } from '@/lib/data/locations';
import { orNotFound } from '../../../../page-utils';
import { saveLocationAction } from '../../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale(), 'Organization')('locationTitle') };
}

export default async function LocationPage({ params }: { params: Promise<{ id: string; locationId: string }> }) {
  const { id, locationId } = await params;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/standorte/${locationId}`);
  const isNew = locationId === 'neu';
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const isReviewed = !can(actor, 'organization.update', org) && can(actor, 'organization.propose', org);
  const location = isNew ? null : await orNotFound(getAdminLocation({ actor, id: locationId }));
  if (location && location.organizationId !== id) notFound();
  const values = location
    ? toFormValues({ ...location, wheelchairAccessible: location.wheelchairAccessible === null ? 'unknown' : location.wheelchairAccessible ? 'yes' : 'no' })
    : { wheelchairAccessible: 'unknown', sortOrder: '0', city: 'Stendal' };
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Organization');
  // A partner's own pending proposal for this location: shown, marked on the fields, amended by saving again.
  const ownPending = isReviewed && location ? await getOwnPendingProposal({ actor, locale, entityType: 'Location', entityId: locationId }) : null;
  return (
    <div>
      <p><Link href={`/de/admin/organisationen/${id}`} className="admin-link">{t('backTo', { name: org.name })}</Link></p>
      <h1 className="admin-h1">{isNew ? t('newLocation') : location!.name || t('locationTitle')}</h1>
      {isReviewed ? <ReviewNotice /> : null}
      {ownPending ? <PendingProposal locale={locale} proposal={ownPending} organizationId={id} /> : null}
      <EntityForm
        action={saveLocationAction.bind(null, id, isNew ? null : locationId)}
        fields={markPendingFields(locale, locationFields(adminTranslator(locale, 'Fields')), ownPending)}
        initialValues={{ ...values, ...ownPending?.values }}
        hidden={location ? { version: String(location.version) } : {}}
        fieldLabels={fieldLabels(locale, 'Location')}
        formId="standort"
        submitLabel={isReviewed ? t('submitForReview') : isNew ? t('createLocation') : t('save')}
      />
    </div>
  );
}
