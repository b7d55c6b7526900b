// The preview of an entry before it is public, or with a partner's pending proposal
// (?vorschlag=<id>): the public actor page's own view (components/directory/organization-view.tsx)
// fed by lib/data/organization-preview.ts, which admits only coordinators and the entry's partners.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { OrganizationView } from '@/components/directory/organization-view';
import { requirePageUser } from '@/lib/auth/session';
import { getOrganizationPreview } from '@/lib/data/organization-preview';
import { isAppError } from '@/lib/errors';

// Signed-in or personal pages are rendered per request and never enter the full-route cache.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Preview' });
  return { title: t('title'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

export default async function PreviewPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const search = await searchParams;
  const proposalId = typeof search.vorschlag === 'string' ? search.vorschlag : null;
  const actor = await requirePageUser(`/${locale}/vorschau/${id}${proposalId ? `?vorschlag=${encodeURIComponent(proposalId)}` : ''}`);
  // Unknown ids, other organizations' entries and proposals all look the same: not found.
  const preview = await getOrganizationPreview({ actor, id, locale, proposalId }).catch((error: unknown) => {
    if (isAppError(error) && ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION'].includes(error.code)) return null;
    throw error;
  });
  if (!preview) notFound();
  const t = await getTranslations('Preview');
  return (
    <div className="space-y-6">
      <aside role="note" className="rounded border-2 border-amber-700 bg-amber-50 p-4 text-amber-950 print:hidden" data-preview>
        <p className="font-semibold">{t('intro')}</p>
        {preview.proposal ? <p className="mt-1">{t('proposal')}</p> : null}
        <p className="mt-2">
          <a href={preview.proposal ? `/de/admin/aenderungen/${preview.proposal.id}` : `/de/admin/organisationen/${id}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
            {t('back')}
          </a>
        </p>
      </aside>
      <OrganizationView organization={preview.organization} locale={locale} isPreview />
    </div>
  );
}
