import type { Metadata } from 'next';
import { OrganizationFilterFields } from '@/components/admin/organization-filter-fields';
import { requirePageUser } from '@/lib/auth/session';
import { listTermOptions } from '@/lib/data/taxonomy';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { can } from '@/lib/permissions';
import { exportQuerySchema } from '@/lib/schemas/export';
import { EXPORT_TABLES } from '@/lib/schemas/import';
import { notFound } from 'next/navigation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Export'))('title') };
}

export default async function ExportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser('/de/admin/export');
  if (!can(actor, 'directory.export')) notFound();
  const search = await searchParams;
  const query = exportQuerySchema.parse(search);
  const tables = search.tables === undefined ? [...EXPORT_TABLES] : query.tables;
  const terms = await listTermOptions({ actor });
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Export');
  const status = adminTranslator(locale, 'Status');
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4 max-w-3xl">{t('intro')}</p>
      {search.fehler ? (
        <p role="alert" className="alert-error mb-4">
          {t('tablesError')}
        </p>
      ) : null}
      <form method="get" action="/de/admin/export/datei" className="space-y-6">
        <fieldset className="grid gap-3 sm:grid-cols-3">
          <legend className="field-label mb-2">{t('filterLegend')}</legend>
          <OrganizationFilterFields
            idPrefix="export"
            query={query}
            categories={terms.categories}
            texts={{ search: t('search'), status: t('status'), all: t('all'), category: t('category'), outdated: t('outdated'), pending: t('pending') }}
            statusLabel={(value) => status(value)}
          />
        </fieldset>
        <fieldset>
          <legend className="field-label mb-2">{t('tablesLegend')}</legend>
          <div className="grid gap-1 sm:grid-cols-3">
            {EXPORT_TABLES.map((table) => (
              <div key={table} className="flex items-center gap-2">
                <input id={`export-table-${table}`} type="checkbox" name="tables" value={table} defaultChecked={tables.includes(table)} className="size-5" />
                <label htmlFor={`export-table-${table}`}>{t(`table-${table}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="field-label mb-2">{t('formatLegend')}</legend>
          <div className="flex flex-wrap gap-6">
            <div className="flex items-center gap-2">
              <input id="export-format-xlsx" type="radio" name="format" value="xlsx" defaultChecked={query.format !== 'csv'} className="size-5" />
              <label htmlFor="export-format-xlsx">{t('formatXlsx')}</label>
            </div>
            <div className="flex items-center gap-2">
              <input id="export-format-csv" type="radio" name="format" value="csv" defaultChecked={query.format === 'csv'} className="size-5" />
              <label htmlFor="export-format-csv">{t('formatCsv')}</label>
            </div>
          </div>
        </fieldset>
        <div>
          <div className="flex items-center gap-2">
            <input id="export-internal" type="checkbox" name="includeInternal" value="1" defaultChecked={query.includeInternal} aria-describedby="export-internal-hint" className="size-5" />
            <label htmlFor="export-internal">{t('includeInternal')}</label>
          </div>
          <p id="export-internal-hint" className="field-hint">
            {t('includeInternalHint')}
          </p>
        </div>
        <button type="submit" className="btn-primary">
          {t('download')}
        </button>
      </form>
    </div>
  );
}
