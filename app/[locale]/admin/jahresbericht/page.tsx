// The yearly report for the funder (issue 14 point 5): key figures, tables with bar charts, the
// counting rules, a year picker (GET, so a report has a URL) and the CSV download. Coordinators
// only (lib/data/reports/yearly-report.ts); printable on A4 (report.css).
import './report.css';
import type { Metadata } from 'next';
import { BarChart } from '@/components/admin/bar-chart';
import { requirePageUser } from '@/lib/auth/session';
import { getReportYearRange, getYearlyReport } from '@/lib/data/reports/yearly-report';
import { isAppError } from '@/lib/errors';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { buildReportTables, type ReportSection, type ReportT } from '@/lib/reports/yearly-tables';
import { orNotFound, type AdminPageProps } from '../page-utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('YearlyReport'))('metaTitle') };
}

const SECTIONS: { section: ReportSection; heading: string }[] = [
  { section: 'overview', heading: 'sectionOverview' },
  { section: 'meetings', heading: 'sectionMeetings' },
  { section: 'projects', heading: 'sectionProjects' },
  { section: 'events', heading: 'sectionEvents' },
  { section: 'searches', heading: 'sectionSearches' },
];

const METHODS = ['methodMeetings', 'methodTasks', 'methodProjects', 'methodEvents', 'methodEntries', 'methodSearches'];

export default async function YearlyReportPage({ searchParams }: AdminPageProps<Record<string, never>>) {
  const actor = await requirePageUser('/de/admin/jahresbericht');
  const search = await searchParams;
  const now = new Date();
  const range = await orNotFound(getReportYearRange({ actor, now }));
  const currentYear = range.last - 1;
  const requested = search.jahr ?? String(currentYear);
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'YearlyReport');
  const tr = t as unknown as ReportT;
  let report: Awaited<ReturnType<typeof getYearlyReport>> | null = null;
  let error: string | null = null;
  try {
    report = await getYearlyReport({ actor, year: requested, now });
  } catch (caught) {
    if (!isAppError(caught) || caught.code !== 'VALIDATION') return orNotFound(Promise.reject(caught));
    error = t('invalidYear');
  }
  const tables = report ? buildReportTables(report, tr, locale) : [];
  const { dateTime } = adminFormats(locale);
  return (
    <div className="yearly-report">
      <h1 className="admin-h1">{report ? t('title', { year: report.year }) : t('metaTitle')}</h1>
      <p className="mb-4 print:hidden">{t('intro')}</p>
      <form method="get" action="/de/admin/jahresbericht" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="field">
          <label htmlFor="jahr" className="field-label">
            {t('yearLabel')}
          </label>
          <input
            id="jahr"
            name="jahr"
            type="number"
            inputMode="numeric"
            min={range.first}
            max={range.last}
            defaultValue={requested}
            required
            className="input w-32"
            aria-describedby={error ? 'jahr-fehler jahr-hinweis' : 'jahr-hinweis'}
            aria-invalid={error ? true : undefined}
          />
          <span id="jahr-hinweis" className="field-hint">
            {t('yearHint', { first: range.first, last: range.last })}
          </span>
          {error ? (
            <span id="jahr-fehler" className="field-error" role="alert">
              {error} {t('yearHint', { first: range.first, last: range.last })}
            </span>
          ) : null}
        </div>
        <button type="submit" className="btn-primary">
          {t('show')}
        </button>
        {report ? (
          <a href={`/de/admin/jahresbericht/csv?jahr=${report.year}`} className="btn-secondary" download>
            {t('download', { year: report.year })}
          </a>
        ) : null}
      </form>
      {report ? (
        <>
          <p className="mb-6">{t('period', { year: report.year, date: dateTime.format(now) })}</p>
          {SECTIONS.map(({ section, heading }) => (
            <section key={section} aria-labelledby={`abschnitt-${section}`} className="report-section">
              <h2 id={`abschnitt-${section}`} className="admin-h2">
                {t(heading as 'sectionOverview')}
              </h2>
              {tables
                .filter((table) => table.section === section)
                .map((table) => {
                  const chart = table.chartColumn !== undefined && table.rows.length > 0;
                  return (
                    <figure key={table.id} id={table.id} className={`report-figure${table.rows.length <= 12 ? ' report-keep' : ''}`}>
                      {chart ? (
                        <BarChart
                          title={table.caption}
                          description={t('chartDescription', { caption: table.caption })}
                          bars={table.rows.map((row) => ({ label: String(row[0]), value: Number(row[table.chartColumn!]) }))}
                        />
                      ) : null}
                      {table.rows.length ? (
                        <div className="report-table-wrap" tabIndex={0} role="region" aria-label={table.caption}>
                          <table className="admin-table">
                            <caption>{table.caption}</caption>
                            <thead>
                              <tr>
                                {table.columns.map((column, index) => (
                                  <th key={column} scope="col" className={index > 0 && typeof table.rows[0]?.[index] === 'number' ? 'num' : undefined}>
                                    {column}
                                  </th>
                                ))}
                              </tr>
                            </thead>
                            <tbody>
                              {table.rows.map((row, rowIndex) => (
                                <tr key={rowIndex}>
                                  {row.map((value, index) =>
                                    index === 0 ? (
                                      <th key={index} scope="row" className="font-normal">
                                        {value}
                                      </th>
                                    ) : (
                                      <td key={index} className={typeof value === 'number' ? 'num' : undefined}>
                                        {value}
                                      </td>
                                    ),
                                  )}
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      ) : (
                        <>
                          <h3 className="font-semibold">{table.caption}</h3>
                          <p>{t('empty')}</p>
                        </>
                      )}
                    </figure>
                  );
                })}
            </section>
          ))}
          <section aria-labelledby="abschnitt-methoden" className="report-section report-methods">
            <h2 id="abschnitt-methoden" className="admin-h2">
              {t('sectionMethods')}
            </h2>
            <ul className="list-disc ps-6">
              {METHODS.map((key) => (
                <li key={key}>{t(key as 'methodMeetings')}</li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}
