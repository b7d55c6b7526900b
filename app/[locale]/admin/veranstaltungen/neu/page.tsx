import type { Metadata } from 'next';
import Link from 'next/link';
import { eventFields, type ProjectEventT } from '@/components/admin/project-event-fields';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { editsDirectly, listProjectEventOptions } from '@/lib/data/projects/admin';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../../page-utils';
import { createEventAction } from '../../projekte/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('ProjectsEvents'))('newEvent') };
}

// Coordinators create directly; partners propose (reviewed, public only after approval).
export default async function NewEventPage() {
  const actor = await requirePageUser('/de/admin/veranstaltungen/neu');
  const options = await orNotFound(listProjectEventOptions({ actor }));
  const t = adminTranslator(await getAdminLocale(), 'ProjectsEvents');
  const direct = editsDirectly(actor, 'event');
  const own = actor.organizationIds[0] ?? '';
  return (
    <div>
      <p>
        <Link href="/de/admin/veranstaltungen" className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">{direct ? t('newEvent') : t('proposeEvent')}</h1>
      {direct ? null : <p className="mb-4 max-w-3xl">{t('proposeIntro')}</p>}
      <EntityForm
        action={createEventAction}
        fields={eventFields({ ...options, isCoordinator: direct, pt: t as unknown as ProjectEventT })}
        initialValues={{ organizerId: direct ? '' : own }}
        submitLabel={direct ? undefined : t('proposeEvent')}
        formId="veranstaltungen"
      />
    </div>
  );
}
