import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { entityFields } from '@/components/admin/field-specs';
import type { ProjectEventT } from '@/components/admin/project-event-fields';
import { listProjectEventOptions } from '@/lib/data/projects/admin';
import { EntityForm } from '@/components/forms/entity-form';
import type { FieldSpec } from '@/components/forms/form-state';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization, listOrganizationOptions } from '@/lib/data/admin-organizations';
import { getChangeRequest } from '@/lib/data/change-requests/get';
import { listLanguageOptions, listTermOptions } from '@/lib/data/taxonomy';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { fieldLabels } from '@/lib/i18n/field-labels';
import type { Actor } from '@/lib/permissions';
import type { ChangeEntityType } from '@/lib/schemas/change-request';
import { orNotFound } from '../../../page-utils';
import { approveEditedChangeRequestAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('ChangeRequests'))('editTitle') };
}

// The same fields as the entity's own edit page, so that the coordinator edits the proposal
// exactly like a direct edit.
async function fieldsFor(actor: Actor, entityType: ChangeEntityType, organizationId: string): Promise<FieldSpec[]> {
  const locale = await getAdminLocale();
  if (entityType === 'Project' || entityType === 'Event') {
    // Not below one entry: the same choices as the project and event forms.
    const options = await listProjectEventOptions({ actor });
    return entityFields(entityType, { ...options, isCoordinator: false, pt: adminTranslator(locale, 'ProjectsEvents') as unknown as ProjectEventT });
  }
  const t = adminTranslator(locale, 'Fields');
  const [org, terms, languages, organizations] = await Promise.all([
    getAdminOrganization({ actor, id: organizationId }),
    listTermOptions({ actor }),
    listLanguageOptions({ actor }),
    listOrganizationOptions({ actor }),
  ]);
  const services = org.services.filter((s) => !s.deletedAt).map((s) => ({ value: s.id, label: s.name }));
  const locations = org.locations.filter((l) => !l.deletedAt).map((l) => ({ value: l.id, label: [l.name, l.city].filter(Boolean).join(', ') || adminTranslator(locale, 'ChangeRequests')('location') }));
  const contacts = org.contacts.filter((c) => !c.deletedAt).map((c) => ({ value: c.id, label: c.name ? `${c.name} (${c.role})` : c.role }));
  return entityFields(entityType, {
    categories: terms.categories,
    topics: terms.topics,
    targetGroups: terms.targetGroups,
    organizations: organizations.filter((o) => o.id !== organizationId).map((o) => ({ value: o.id, label: o.name })),
    services,
    locations,
    contacts,
    languages,
    // A proposal never carries the coordinator-only fields; showing them would reset them.
    isCoordinator: false,
  }, t);
}

export default async function EditChangeRequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const actor = await requirePageUser(`/de/admin/aenderungen/${requestId}/bearbeiten`);
  const locale = await getAdminLocale();
  const request = await orNotFound(getChangeRequest({ actor, id: requestId, locale }));
  if (!request.canReview || request.action === 'DELETE' || request.isMissing) notFound();
  const fields = await fieldsFor(actor, request.entityType, request.organizationId);
  const t = adminTranslator(locale, 'ChangeRequests');
  return (
    <div>
      <p>
        <Link href={`/de/admin/aenderungen/${request.id}`} className="admin-link">{t('backToProposal')}</Link>
      </p>
      <h1 className="admin-h1">{t('editHeading', { subject: request.subject })}</h1>
      <p className="mb-4">
        {t('editIntro', { name: request.createdByName ?? t('unknown'), organization: request.organizationName })}
        {request.isStale ? t('editStale') : ''}
      </p>
      <EntityForm
        action={approveEditedChangeRequestAction.bind(null, request.id)}
        fields={[
          ...fields,
          { name: 'reviewComment', label: t('approveComment'), type: 'textarea', hint: t('editCommentHint') },
        ]}
        initialValues={request.formValues}
        hidden={request.currentVersion !== null ? { version: String(request.currentVersion) } : {}}
        fieldLabels={fieldLabels(locale, request.entityType)}
        formId="vorschlag"
        submitLabel={t('approve')}
      />
    </div>
  );
}
