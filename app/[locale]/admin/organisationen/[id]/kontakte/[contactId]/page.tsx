import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { contactFields } from '@/components/admin/field-specs';
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
import { getAdminContact } from '@/lib/data/contacts';
import { listLanguageOptions } from '@/lib/data/taxonomy';
import { orNotFound } from '../../../../page-utils';
import { saveContactAction } from '../../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale(), 'Organization')('contactTitle') };
}

export default async function ContactPage({ params }: { params: Promise<{ id: string; contactId: string }> }) {
  const { id, contactId } = await params;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/kontakte/${contactId}`);
  const isNew = contactId === 'neu';
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const isReviewed = !can(actor, 'organization.update', org) && can(actor, 'organization.propose', org);
  const contact = isNew ? null : await orNotFound(getAdminContact({ actor, id: contactId }));
  if (contact && contact.organizationId !== id) notFound();
  const languages = await listLanguageOptions({ actor });
  const services = org.services.filter((s) => !s.deletedAt).map((s) => ({ value: s.id, label: s.name }));
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Organization');
  // A partner's own pending proposal for this contact: shown, marked on the fields, amended by saving again.
  const ownPending = isReviewed && contact ? await getOwnPendingProposal({ actor, locale, entityType: 'ContactPerson', entityId: contactId }) : null;
  return (
    <div>
      <p><Link href={`/de/admin/organisationen/${id}`} className="admin-link">{t('backTo', { name: org.name })}</Link></p>
      <h1 className="admin-h1">{isNew ? t('newContact') : contact!.role}</h1>
      {isReviewed ? <ReviewNotice /> : null}
      {ownPending ? <PendingProposal locale={locale} proposal={ownPending} organizationId={id} /> : null}
      <p className="mb-4">{t('contactPrivacyNote')}</p>
      {isNew ? null : (
        <p className="mb-4">
          <Link href={`/de/admin/organisationen/${id}/kontakte/${contactId}/datenschutz`} className="admin-link">{t('contactPrivacyLink')}</Link>
        </p>
      )}
      <EntityForm
        action={saveContactAction.bind(null, id, isNew ? null : contactId)}
        fields={markPendingFields(locale, contactFields({ services, languages }, adminTranslator(locale, 'Fields')), ownPending)}
        initialValues={contact ? { ...toFormValues(contact), ...ownPending?.values } : { visibility: 'NETWORK_INTERNAL', consent: 'none', sortOrder: '0' }}
        hidden={contact ? { version: String(contact.version) } : {}}
        fieldLabels={fieldLabels(locale, 'ContactPerson')}
        formId="kontakt"
        submitLabel={isReviewed ? t('submitForReview') : isNew ? t('createContact') : t('save')}
      />
    </div>
  );
}
