import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { requirePageUser } from '@/lib/auth/session';
import { getCopyPreview } from '@/lib/data/organization-copy/copy-organization';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../../../page-utils';
import { copyOrganizationAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('CopyEntry'))('title') };
}

export default async function CopyOrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/kopieren`);
  const preview = await orNotFound(getCopyPreview({ actor, id }));
  const t = adminTranslator(await getAdminLocale(), 'CopyEntry');
  return (
    <div className="max-w-3xl">
      <p>
        <Link href={`/de/admin/organisationen/${id}`} className="admin-link">
          {t('back', { name: preview.name })}
        </Link>
      </p>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-3">{t('intro', { name: preview.name })}</p>
      <ul className="mb-3 list-disc ps-6">
        <li>{t('services', { count: preview.services })}</li>
        <li>{t('locations', { count: preview.locations })}</li>
        <li>{t('schedules', { count: preview.schedules })}</li>
        <li>{t('functionalContacts', { count: preview.functionalContacts })}</li>
      </ul>
      <p className="mb-4">{t('personalContacts', { count: preview.personalContacts })}</p>
      <ActionButton action={copyOrganizationAction.bind(null, id)} label={t('confirm')} variant="primary" />
    </div>
  );
}
