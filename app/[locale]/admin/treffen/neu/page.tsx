import type { Metadata } from 'next';
import Link from 'next/link';
import { meetingFields } from '@/components/admin/meeting-fields';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listMeetingOptions } from '@/lib/data/meetings/list-meeting-options';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../../page-utils';
import { createMeetingAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Meetings'))('newTitle') };
}

export default async function NewMeetingPage() {
  const actor = await requirePageUser('/de/admin/treffen/neu');
  const options = await orNotFound(listMeetingOptions({ actor }));
  const t = adminTranslator(await getAdminLocale(), 'Meetings');
  return (
    <div>
      <p>
        <Link href="/de/admin/treffen" className="admin-link">
          {t('backToList')}
        </Link>
      </p>
      <h1 className="admin-h1">{t('newTitle')}</h1>
      <EntityForm action={createMeetingAction} fields={meetingFields(t, options.locations)} initialValues={{ kind: 'NETWORK_MEETING' }} submitLabel={t('create')} formId="treffen" />
    </div>
  );
}
