import type { Metadata } from 'next';
import Link from 'next/link';
import { eventFields, type ProjectEventT } from '@/components/admin/project-event-fields';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { editsDirectly, getAdminEvent, listProjectEventOptions } from '@/lib/data/projects/admin';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound, type AdminPageProps } from '../../page-utils';
import { deleteEventAction, updateEventAction } from '../../projekte/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('ProjectsEvents'))('editEvent') };
}

// Coordinators save directly; partners' saves become a proposal for review.
export default async function EditEventPage({ params, searchParams }: AdminPageProps<{ id: string }>) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/veranstaltungen/${id}`);
  const [record, options] = await Promise.all([orNotFound(getAdminEvent({ actor, id })), orNotFound(listProjectEventOptions({ actor }))]);
  const t = adminTranslator(await getAdminLocale(), 'ProjectsEvents');
  const direct = editsDirectly(actor, 'event');
  return (
    <div>
      <p>
        <Link href="/de/admin/veranstaltungen" className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">{t('editEvent')}</h1>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}
        {search.vorgeschlagen ? <p className="alert-success mb-4">{t('proposed')}</p> : null}
      </div>
      {record.isPublished ? (
        <p className="mb-4">
          <a href={`/de/veranstaltungen/${record.slug}`} className="admin-link">
            {t('publicPage')}
          </a>
        </p>
      ) : null}
      {direct ? (
        // The translations are entered on the page of the organization that organizes it.
        <p className="mb-4">
          <Link href={`/de/admin/organisationen/${record.organizerId}/uebersetzungen#eintrag-${record.id}`} className="admin-link">
            {t('translationsLink')}
          </Link>
        </p>
      ) : null}
      {direct ? null : <p className="mb-4 max-w-3xl">{t('proposeIntro')}</p>}
      <EntityForm
        action={updateEventAction.bind(null, record.id)}
        fields={eventFields({ ...options, isCoordinator: direct, pt: t as unknown as ProjectEventT })}
        initialValues={record.values}
        hidden={{ version: String(record.version) }}
        formId="veranstaltungen"
      />
      {direct ? (
        <div className="mt-8">
          <ActionButton action={deleteEventAction.bind(null, record.id)} label={t('delete')} variant="danger" confirm={t('deleteConfirm')} />
        </div>
      ) : null}
    </div>
  );
}
