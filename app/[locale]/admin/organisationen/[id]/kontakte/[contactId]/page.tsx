import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { contactFields, toFormValues } from '@/components/admin/field-specs';
import { ReviewNotice } from '@/components/admin/change-requests';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { can } from '@/lib/permissions';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { CONTACT_FIELD_LABELS, getAdminContact } from '@/lib/data/contacts';
import { listLanguageOptions } from '@/lib/data/taxonomy';
import { orNotFound } from '../../../../page-utils';
import { saveContactAction } from '../../../actions';

export const metadata: Metadata = { title: 'Kontaktperson' };

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
  return (
    <div>
      <p><Link href={`/de/admin/organisationen/${id}`} className="admin-link">Zurück zu {org.name}</Link></p>
      <h1 className="admin-h1">{isNew ? 'Neue Kontaktperson' : contact!.role}</h1>
      {isReviewed ? <ReviewNotice /> : null}
      <p className="mb-4">Personenbezogene Daten erscheinen nur öffentlich, wenn die Sichtbarkeit „öffentlich“ ist und eine Einwilligung vorliegt.</p>
      {isNew ? null : (
        <p className="mb-4">
          <Link href={`/de/admin/organisationen/${id}/kontakte/${contactId}/datenschutz`} className="admin-link">Datenschutz: Einwilligung widerrufen, Auskunft, Löschung</Link>
        </p>
      )}
      <EntityForm
        action={saveContactAction.bind(null, id, isNew ? null : contactId)}
        fields={contactFields({ services, languages })}
        initialValues={contact ? toFormValues(contact) : { visibility: 'NETWORK_INTERNAL', consent: 'none', sortOrder: '0' }}
        hidden={contact ? { version: String(contact.version) } : {}}
        fieldLabels={CONTACT_FIELD_LABELS}
        formId="kontakt"
        submitLabel={isReviewed ? 'Zur Prüfung einreichen' : isNew ? 'Kontaktperson anlegen' : 'Speichern'}
      />
    </div>
  );
}
