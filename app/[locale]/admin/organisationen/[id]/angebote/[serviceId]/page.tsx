import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { serviceFields } from '@/components/admin/field-specs';
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
import { getAdminService } from '@/lib/data/services';
import { listLanguageOptions, listTermOptions } from '@/lib/data/taxonomy';
import { orNotFound } from '../../../../page-utils';
import { saveServiceAction } from '../../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale(), 'Organization')('serviceTitle') };
}

export default async function ServicePage({ params }: { params: Promise<{ id: string; serviceId: string }> }) {
  const { id, serviceId } = await params;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/angebote/${serviceId}`);
  const isNew = serviceId === 'neu';
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const isReviewed = !can(actor, 'organization.update', org) && can(actor, 'organization.propose', org);
  const service = isNew ? null : await orNotFound(getAdminService({ actor, id: serviceId }));
  if (service && service.organizationId !== id) notFound();
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Organization');
  const [terms, languages, ownPending] = await Promise.all([
    listTermOptions({ actor }),
    listLanguageOptions({ actor }),
    // A partner's own pending proposal for this service: shown, marked on the fields, amended by saving again.
    isReviewed && service ? getOwnPendingProposal({ actor, locale, entityType: 'Service', entityId: serviceId }) : null,
  ]);
  const locations = org.locations.filter((l) => !l.deletedAt).map((l) => ({ value: l.id, label: [l.name, l.city].filter(Boolean).join(', ') || t('location') }));
  return (
    <div>
      <p><Link href={`/de/admin/organisationen/${id}`} className="admin-link">{t('backTo', { name: org.name })}</Link></p>
      <h1 className="admin-h1">{isNew ? t('newService') : service!.name}</h1>
      {isReviewed ? <ReviewNotice /> : null}
      {ownPending ? <PendingProposal locale={locale} proposal={ownPending} organizationId={id} /> : null}
      <EntityForm
        action={saveServiceAction.bind(null, id, isNew ? null : serviceId)}
        fields={markPendingFields(locale, serviceFields({ topics: terms.topics, targetGroups: terms.targetGroups, locations, languages }, adminTranslator(locale, 'Fields')), ownPending)}
        initialValues={service ? { ...toFormValues(service), ...ownPending?.values } : { status: 'ACTIVE', sortOrder: '0' }}
        hidden={service ? { version: String(service.version) } : {}}
        fieldLabels={fieldLabels(locale, 'Service')}
        formId="angebot"
        submitLabel={isReviewed ? t('submitForReview') : isNew ? t('createService') : t('save')}
      />
    </div>
  );
}
