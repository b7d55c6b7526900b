import type { Metadata } from 'next';
import { DuplicateWarning } from '@/components/admin/duplicate-warning';
import { organizationFields } from '@/components/admin/field-specs';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listOrganizationOptions } from '@/lib/data/admin-organizations';
import { listTermOptions } from '@/lib/data/taxonomy';
import { adminTranslator, getAdminLocale, type AdminT } from '@/lib/i18n/admin';
import { fieldLabels } from '@/lib/i18n/field-labels';
import { can } from '@/lib/permissions';
import { notFound } from 'next/navigation';
import { createOrganizationAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale(), 'Organizations')('newTitle') };
}

const duplicateTexts = (t: AdminT<'Duplicates'>) => ({ heading: t('heading'), name: t('name'), address: t('address'), newWindow: t('newWindow') });

export default async function NewOrganizationPage() {
  const actor = await requirePageUser('/de/admin/organisationen/neu');
  if (!can(actor, 'organization.create')) notFound();
  const [terms, organizations] = await Promise.all([listTermOptions({ actor }), listOrganizationOptions({ actor })]);
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Organizations');
  return (
    <div>
      <h1 className="admin-h1">{t('newTitle')}</h1>
      <p className="mb-4">{t('newIntro')}</p>
      <DuplicateWarning inputId="form-name" texts={duplicateTexts(adminTranslator(locale, 'Duplicates'))} />
      <EntityForm
        action={createOrganizationAction}
        fields={organizationFields({ categories: terms.categories, topics: terms.topics, targetGroups: terms.targetGroups, organizations: organizations.map((o) => ({ value: o.id, label: o.name })) }, adminTranslator(locale, 'Fields'))}
        initialValues={{ reviewIntervalMonths: '12', sortOrder: '0' }}
        fieldLabels={fieldLabels(locale, 'Organization')}
        submitLabel={t('create')}
      />
    </div>
  );
}
