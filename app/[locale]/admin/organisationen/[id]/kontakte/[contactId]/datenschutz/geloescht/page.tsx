import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../../../../../../page-utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Privacy'))('erasedTitle') };
}

export default async function ContactErasedPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; contactId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id, contactId } = await params;
  const { hinweis } = await searchParams;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/kontakte/${contactId}/datenschutz/geloescht`);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const t = await getAdminT('Privacy');
  return (
    <div>
      <h1 className="admin-h1">{t('erasedTitle')}</h1>
      <p role="status" className="alert-success mb-4">
        {t('erasedNotice')}
      </p>
      {hinweis === 'organisation' ? <p className="alert-error mb-4">{t('remainingNotice')}</p> : null}
      <p>
        <Link href={`/de/admin/organisationen/${id}#kontakte`} className="admin-link">
          {t('backTo', { name: org.name })}
        </Link>
      </p>
    </div>
  );
}
