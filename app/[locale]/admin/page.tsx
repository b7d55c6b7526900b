import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { listRecentAuditEntries } from '@/lib/data/audit';
import { getDashboard } from '@/lib/data/dashboard';
import { dateFormat, dateTimeFormat, STATUS_LABELS } from './page-utils';

export const metadata: Metadata = { title: 'Verwaltung' };

export default async function DashboardPage() {
  const actor = await requirePageUser('/de/admin');
  const [dashboard, recent] = await Promise.all([getDashboard({ actor }), listRecentAuditEntries({ actor, limit: 10 })]);
  return (
    <div>
      <h1 className="admin-h1">Übersicht</h1>
      <p className="mb-4">Angemeldet als {actor.name} ({actor.role === 'ADMIN' ? 'Koordination' : 'Partner'}).</p>
      <section aria-labelledby="zahlen">
        <h2 id="zahlen" className="admin-h2">Einträge</h2>
        <ul className="flex flex-wrap gap-6">
          {Object.entries(dashboard.counts).map(([status, count]) => (
            <li key={status}>
              <Link href={`/de/admin/organisationen?status=${status}`} className="admin-link">
                {STATUS_LABELS[status]}: {count}
              </Link>
            </li>
          ))}
          <li>
            <Link href="/de/admin/organisationen?isOutdated=1" className="admin-link">Prüfung überfällig: {dashboard.overdueCount}</Link>
          </li>
        </ul>
      </section>
      <section aria-labelledby="ueberfaellig">
        <h2 id="ueberfaellig" className="admin-h2">Überfällig zur Prüfung</h2>
        {dashboard.overdue.length ? (
          <ul className="list-disc ps-6">
            {dashboard.overdue.map((org) => (
              <li key={org.id}>
                <Link href={`/de/admin/organisationen/${org.id}`} className="admin-link">{org.name}</Link> – zuletzt geprüft: {org.lastVerifiedAt ? dateFormat.format(org.lastVerifiedAt) : 'nie'}
              </li>
            ))}
          </ul>
        ) : (
          <p>Keine.</p>
        )}
      </section>
      <section aria-labelledby="vorschlaege">
        <h2 id="vorschlaege" className="admin-h2">Offene Änderungsvorschläge</h2>
        {dashboard.pendingChanges.length ? (
          <ul className="list-disc ps-6">
            {dashboard.pendingChanges.map((change) => (
              <li key={change.id}>
                {change.organization.name} – {change.createdBy?.name ?? 'unbekannt'}, {dateTimeFormat.format(change.createdAt)}
              </li>
            ))}
          </ul>
        ) : (
          <p>Keine.</p>
        )}
      </section>
      <section aria-labelledby="meldungen">
        <h2 id="meldungen" className="admin-h2">Neueste Hinweise von Besucherinnen und Besuchern</h2>
        {dashboard.feedback.length ? (
          <ul className="list-disc ps-6">
            {dashboard.feedback.map((item) => (
              <li key={item.id}>
                {item.organization ? `${item.organization.name}: ` : ''}
                {item.message.slice(0, 200)} ({dateTimeFormat.format(item.createdAt)})
              </li>
            ))}
          </ul>
        ) : (
          <p>Keine offenen Hinweise.</p>
        )}
      </section>
      <section aria-labelledby="aenderungen">
        <h2 id="aenderungen" className="admin-h2">Letzte Änderungen</h2>
        {recent.length ? (
          <ul className="list-disc ps-6">
            {recent.map((entry) => (
              <li key={entry.id}>
                {dateTimeFormat.format(entry.createdAt)} · {entry.actorName} · {entry.entityType} {entry.action}
                {entry.organizationId ? (
                  <>
                    {' '}
                    · <Link href={`/de/admin/organisationen/${entry.organizationId}/verlauf`} className="admin-link">Verlauf</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Noch keine Änderungen.</p>
        )}
      </section>
      {actor.role === 'ADMIN' ? (
        <section aria-labelledby="ohne-treffer">
          <h2 id="ohne-treffer" className="admin-h2">Suchen ohne Treffer (90 Tage)</h2>
          {dashboard.zeroResultSearches.length ? (
            <ul className="list-disc ps-6">
              {dashboard.zeroResultSearches.map((row) => (
                <li key={row.query}>
                  „{row.query}“ – {row.count}×
                </li>
              ))}
            </ul>
          ) : (
            <p>Keine.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
