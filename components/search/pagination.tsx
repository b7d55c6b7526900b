import { getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/icons';
import { Link } from '@/lib/i18n/navigation';
import { type DirectoryQuery, toSearchString } from '@/lib/search/query';

const linkClass = 'inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 px-4 font-semibold text-brand-800 hover:bg-brand-50';

export async function Pagination({ query, pageCount }: { query: DirectoryQuery; pageCount: number }) {
  if (pageCount <= 1 && query.page <= 1) return null;
  const t = await getTranslations('Directory');
  const page = Math.min(query.page, Math.max(pageCount, 1));
  return (
    <nav aria-label={t('pagination')} className="flex flex-wrap items-center justify-between gap-3 print:hidden">
      {query.page > 1 ? (
        <Link href={`/akteure${toSearchString(query, { page: page === query.page ? page - 1 : page })}`} className={linkClass} rel="prev">
          <Icon name="ArrowLeft" className="me-1 size-5 rtl:rotate-180" />
          {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      <p aria-current="page">{t('pageOf', { page: query.page, pages: Math.max(pageCount, 1) })}</p>
      {query.page < pageCount ? (
        <Link href={`/akteure${toSearchString(query, { page: query.page + 1 })}`} className={linkClass} rel="next">
          {t('next')}
          <Icon name="ArrowRight" className="ms-1 size-5 rtl:rotate-180" />
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
