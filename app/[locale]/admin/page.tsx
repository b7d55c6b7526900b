import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { listRecentAuditEntries } from '@/lib/data/audit';
import { getDashboard, SEARCH_REPORT_DAYS } from '@/lib/data/dashboard';
import { can } from '@/lib/permissions';
import { dateFormat, dateTimeFormat, STATUS_LABELS } from './page-utils';

export const metadata: Metadata = { title: 'Verwaltung' };

const ENTITY_LABELS: Record<string, string> = {
  Organization: 'Eintrag',
  Service: 'Angebot',
  Location: 'Standort',
  ContactPerson: 'Kontaktperson',
  Schedule: 'Sprechzeit',
  ScheduleException: 'Ausnahme',
  ChangeRequest: 'Änderungsvorschlag',
  Feedback: 'Meldung',
  Page: 'Seite',
  TaxonomyTerm: 'Begriff',
  Language: 'Sprache',
  User: 'Benutzer*in',
  Invitation: 'Einladung',
};

const ACTION_LABELS: Record<string, string> = {
  CREATE: 'angelegt',
  UPDATE: 'geändert',
  DELETE: 'gelöscht',
  RESTORE: 'wiederhergestellt',
  PUBLISH: 'veröffentlicht',
  UNPUBLISH: 'zurückgezogen',
  ARCHIVE: 'archiviert',
  VERIFY: 'geprüft',
  APPROVE: 'angenommen',
  REJECT: 'abgelehnt',
  ERASE: 'endgültig gelöscht',
  LOGIN: 'angemeldet',
};

export default async function DashboardPage() {
  const actor = await requirePageUser('/de/admin');
  const [dashboard, recent] = await Promise.all([getDashboard({ actor }), listRecentAuditEntries({ actor, limit: 10 })]);
  const isCoordinator = actor.role === 'ADMIN';
  return (
    <div>
      <h1 className="admin-h1">Übersicht</h1>
      <p className="mb-4">
        Angemeldet als {actor.name} ({isCoordinator ? 'Koordination' : 'Partner'}).
      </p>
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
            <Link href="/de/admin/aktualitaet" className="admin-link">
              Prüfung überfällig: {dashboard.overdueCount}
            </Link>
          </li>
          <li>
            <Link href="/de/admin/meldungen" className="admin-link">
              Offene Meldungen: {dashboard.openFeedbackCount}
            </Link>
          </li>
          <li>
            {can(actor, 'organization.propose') ? (
              <Link href="/de/admin/aenderungen" className="admin-link">
                Offene Änderungsvorschläge: {dashboard.pendingChangesCount}
              </Link>
            ) : (
              <>Offene Änderungsvorschläge: {dashboard.pendingChangesCount}</>
            )}
          </li>
        </ul>
      </section>
      <section aria-labelledby="ueberfaellig">
        <h2 id="ueberfaellig" className="admin-h2">Überfällig zur Prüfung ({dashboard.overdueCount})</h2>
        {dashboard.overdue.length ? (
          <>
            <ul className="list-disc ps-6">
              {dashboard.overdue.map((org) => (
                <li key={org.id}>
                  <Link href={`/de/admin/organisationen/${org.id}`} className="admin-link">
                    {org.name}
                  </Link>{' '}
                  – zuletzt geprüft: {org.lastVerifiedAt ? dateFormat.format(org.lastVerifiedAt) : 'nie'}; letzte Erinnerung:{' '}
                  {org.lastReminderAt ? dateFormat.format(org.lastReminderAt) : 'keine'}
                </li>
              ))}
            </ul>
            <p className="mt-2">
              <Link href="/de/admin/aktualitaet" className="admin-link">
                Alle überfälligen Einträge und Erinnerungen
              </Link>
            </p>
          </>
        ) : (
          <p>Keine.</p>
        )}
      </section>
      <section aria-labelledby="vorschlaege">
        <h2 id="vorschlaege" className="admin-h2">Offene Änderungsvorschläge ({dashboard.pendingChangesCount})</h2>
        {dashboard.pendingChanges.length ? (
          <ul className="list-disc ps-6">
            {dashboard.pendingChanges.map((change) => (
              <li key={change.id}>
                {change.organization.name} – {ENTITY_LABELS[change.entityType] ?? change.entityType}, von {change.createdBy?.name ?? 'unbekannt'},{' '}
                {dateTimeFormat.format(change.createdAt)}
              </li>
            ))}
          </ul>
        ) : (
          <p>Keine.</p>
        )}
      </section>
      <section aria-labelledby="meldungen">
        <h2 id="meldungen" className="admin-h2">Neueste Meldungen von Besucher*innen ({dashboard.openFeedbackCount} offen)</h2>
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
                Alle Meldungen
              </Link>
            </p>
          </>
        ) : (
          <p>Keine offenen Meldungen.</p>
        )}
      </section>
      <section aria-labelledby="aenderungen">
        <h2 id="aenderungen" className="admin-h2">Letzte Änderungen</h2>
        {recent.length ? (
          <ul className="list-disc ps-6">
            {recent.map((entry) => (
              <li key={entry.id}>
                {dateTimeFormat.format(entry.createdAt)} · {entry.actorName} · {ENTITY_LABELS[entry.entityType] ?? entry.entityType}{' '}
                {ACTION_LABELS[entry.action] ?? entry.action}
                {entry.organizationId ? (
                  <>
                    {' '}
                    ·{' '}
                    <Link href={`/de/admin/organisationen/${entry.organizationId}/verlauf`} className="admin-link">
                      Verlauf
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Noch keine Änderungen.</p>
        )}
      </section>
      {isCoordinator ? (
        <section aria-labelledby="ohne-treffer">
          <h2 id="ohne-treffer" className="admin-h2">Suchen ohne Treffer ({SEARCH_REPORT_DAYS} Tage)</h2>
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
          <p className="mt-2">
            <Link href="/de/admin/suchanfragen" className="admin-link">
              Alle Suchen ohne Treffer
            </Link>
          </p>
        </section>
      ) : null}
      {isCoordinator ? (
        <section aria-labelledby="inhalte">
          <h2 id="inhalte" className="admin-h2">Inhalte und Listen</h2>
          <ul className="flex flex-wrap gap-6">
            <li>
              <Link href="/de/admin/seiten" className="admin-link">Seiten</Link>
            </li>
            <li>
              <Link href="/de/admin/kategorien" className="admin-link">Kategorien, Themen, Zielgruppen</Link>
            </li>
            <li>
              <Link href="/de/admin/sprachen" className="admin-link">Sprachen</Link>
            </li>
            <li>
              <Link href="/de/admin/aktualitaet" className="admin-link">Aktualität</Link>
            </li>
            <li>
              <Link href="/de/admin/suchanfragen" className="admin-link">Suchen ohne Treffer</Link>
            </li>
          </ul>
        </section>
      ) : null}
    </div>
  );
}
