import type { Metadata } from 'next';
import { organizationFields } from '@/components/admin/field-specs';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listOrganizationOptions } from '@/lib/data/admin-organizations';
import { listTermOptions } from '@/lib/data/taxonomy';
import { ORGANIZATION_FIELD_LABELS } from '@/lib/data/admin-organizations';
import { can } from '@/lib/permissions';
import { notFound } from 'next/navigation';
import { createOrganizationAction } from '../actions';

export const metadata: Metadata = { title: 'Neuer Eintrag' };

export default async function NewOrganizationPage() {
  const actor = await requirePageUser('/de/admin/organisationen/neu');
  if (!can(actor, 'organization.create')) notFound();
  const [terms, organizations] = await Promise.all([listTermOptions({ actor }), listOrganizationOptions({ actor })]);
  return (
    <div>
      <h1 className="admin-h1">Neuer Eintrag</h1>
      <p className="mb-4">Neue Einträge sind zunächst Entwürfe und erst nach dem Veröffentlichen öffentlich sichtbar.</p>
      <EntityForm
        action={createOrganizationAction}
        fields={organizationFields({ categories: terms.categories, topics: [...terms.topics, ...terms.targetGroups], organizations: organizations.map((o) => ({ value: o.id, label: o.name })) })}
        initialValues={{ reviewIntervalMonths: '12', sortOrder: '0' }}
        fieldLabels={ORGANIZATION_FIELD_LABELS}
        submitLabel="Eintrag anlegen"
      />
    </div>
  );
}
