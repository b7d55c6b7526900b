import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { listRecentAuditEntries } from '@/lib/data/audit-log';
import { getDashboard, SEARCH_REPORT_DAYS } from '@/lib/data/dashboard';
import { adminFormats, getAdminLocale, adminTranslator } from '@/lib/i18n/admin';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale(), 'Dashboard')('metaTitle') };
}

export default async function DashboardPage() {
  const actor = await requirePageUser('/de/admin');
  const [dashboard, recent] = await Promise.all([getDashboard({ actor }), listRecentAuditEntries({ actor, limit: 10 })]);
  // Each section and link shows for the permission its page checks (the pages refuse the rest).
  const canReadSearches = can(actor, 'searchLog.read');
  const contentLinks = (
    [
      ['/de/admin/seiten', 'pages', 'page.edit'],
      ['/de/admin/kategorien', 'taxonomy', 'taxonomy.edit'],
      ['/de/admin/sprachen', 'languages', 'language.edit'],
      ['/de/admin/aktualitaet', 'freshness', 'verification.sendReminders'],
      ['/de/admin/suchanfragen', 'searches', 'searchLog.read'],
      ['/de/admin/jahresbericht', 'yearlyReport', 'report.read'],
    ] as const
  ).filter(([, , permission]) => can(actor, permission));
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Dashboard');
  const status = adminTranslator(locale, 'Status');
  const entity = adminTranslator(locale, 'Entities');
  const action = adminTranslator(locale, 'AuditActions');
  const entityLabel = (type: string) => (entity.has(type as never) ? entity(type as never) : type);
  const actionLabel = (name: string) => (action.has(name as never) ? action(name as never) : name);
  const { date: dateFormat, dateTime: dateTimeFormat } = adminFormats(locale);
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4">
        {t('signedInAs', { name: actor.name, role: actor.role === 'ADMIN' ? t('roleCoordinator') : t('rolePartner') })}
      </p>
      <section aria-labelledby="zahlen">
        <h2 id="zahlen" className="admin-h2">{t('entries')}</h2>
        <ul className="flex flex-wrap gap-6">
          {Object.entries(dashboard.counts).map(([key, count]) => (
            <li key={key}>
              <Link href={`/de/admin/organisationen?status=${key}`} className="admin-link">
                {status(key as 'DRAFT')}: {count}
              </Link>
            </li>
          ))}
          <li>
            <Link href="/de/admin/aktualitaet" className="admin-link">
              {t('overdueCount', { count: dashboard.overdueCount })}
            </Link>
          </li>
          <li>
            <Link href="/de/admin/meldungen" className="admin-link">
              {t('openFeedbackCount', { count: dashboard.openFeedbackCount })}
            </Link>
          </li>
          <li>
            {can(actor, 'organization.propose') ? (
              <Link href="/de/admin/aenderungen" className="admin-link">
                {t('pendingChangesCount', { count: dashboard.pendingChangesCount })}
              </Link>
            ) : (
              <>{t('pendingChangesCount', { count: dashboard.pendingChangesCount })}</>
            )}
          </li>
        </ul>
      </section>
      <section aria-labelledby="ueberfaellig">
        <h2 id="ueberfaellig" className="admin-h2">{t('overdueHeading', { count: dashboard.overdueCount })}</h2>
        {dashboard.overdue.length ? (
          <>
            <ul className="list-disc ps-6">
              {dashboard.overdue.map((org) => (
                <li key={org.id}>
                  <Link href={`/de/admin/organisationen/${org.id}`} className="admin-link">
                    {org.name}
                  </Link>{' '}
                  – {t('lastVerified', { date: org.lastVerifiedAt ? dateFormat.format(org.lastVerifiedAt) : t('never') })}{' '}
                  {org.lastReminderAt ? dateFormat.format(org.lastReminderAt) : t('noReminder')}
                </li>
              ))}
            </ul>
            <p className="mt-2">
              <Link href="/de/admin/aktualitaet" className="admin-link">
                {t('allOverdue')}
              </Link>
            </p>
          </>
        ) : (
          <p>{t('none')}</p>
        )}
      </section>
      <section aria-labelledby="vorschlaege">
        <h2 id="vorschlaege" className="admin-h2">{t('pendingHeading', { count: dashboard.pendingChangesCount })}</h2>
        {dashboard.pendingChanges.length ? (
          <ul className="list-disc ps-6">
            {dashboard.pendingChanges.map((change) => (
              <li key={change.id}>
                {change.organization.name} – {entityLabel(change.entityType)}, {t('pendingBy', { name: change.createdBy?.name ?? t('unknownPerson') })}{' '}
                {dateTimeFormat.format(change.createdAt)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('none')}</p>
        )}
      </section>
      <section aria-labelledby="meldungen">
        <h2 id="meldungen" className="admin-h2">{t('feedbackHeading', { count: dashboard.openFeedbackCount })}</h2>
        {dashboard.feedback.length ? (
          <>
            <ul className="list-disc ps-6">
              {dashboard.feedback.map((item) => (
                <li key={item.id}>
                  {item.organization ? `${item.organization.name}: ` : ''}
                  {item.message.length > 200 ? `${item.message.slice(0, 200)} …` : item.message} ({dateTimeFormat.format(item.createdAt)})
                </li>
              ))}
            </ul>
            <p className="mt-2">
              <Link href="/de/admin/meldungen" className="admin-link">
                {t('allFeedback')}
              </Link>
            </p>
          </>
        ) : (
          <p>{t('noOpenFeedback')}</p>
        )}
      </section>
      <section aria-labelledby="aenderungen">
        <h2 id="aenderungen" className="admin-h2">{t('recentHeading')}</h2>
        {recent.length ? (
          <ul className="list-disc ps-6">
            {recent.map((entry) => (
              <li key={entry.id}>
                {dateTimeFormat.format(entry.createdAt)} · {entry.actorName} · {entityLabel(entry.entityType)}{' '}
                {actionLabel(entry.action)}
                {entry.organizationId ? (
                  <>
                    {' '}
                    ·{' '}
                    <Link href={`/de/admin/organisationen/${entry.organizationId}/verlauf`} className="admin-link">
                      {t('history')}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('noChanges')}</p>
        )}
      </section>
      {canReadSearches ? (
        <section aria-labelledby="ohne-treffer">
          <h2 id="ohne-treffer" className="admin-h2">{t('searchesHeading', { days: SEARCH_REPORT_DAYS })}</h2>
          {dashboard.zeroResultSearches.length ? (
            <ul className="list-disc ps-6">
              {dashboard.zeroResultSearches.map((row) => (
                <li key={row.query}>
                  „{row.query}“ – {row.count}×
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('none')}</p>
          )}
          <p className="mt-2">
            <Link href="/de/admin/suchanfragen" className="admin-link">
              {t('allSearches')}
            </Link>
          </p>
        </section>
      ) : null}
      {contentLinks.length ? (
        <section aria-labelledby="inhalte">
          <h2 id="inhalte" className="admin-h2">{t('contentHeading')}</h2>
          <ul className="flex flex-wrap gap-6">
            {contentLinks.map(([href, label]) => (
              <li key={href}>
                <Link href={href} className="admin-link">
                  {t(label)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
