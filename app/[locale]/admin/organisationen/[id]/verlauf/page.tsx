import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { listOrganizationHistory } from '@/lib/data/audit';
import { FIELD_LABELS, isRestorableField } from '@/lib/data/history';
import { can } from '@/lib/permissions';
import { dateTimeFormat, orNotFound } from '../../../page-utils';
import { restoreFieldAction } from '../../actions';

export const metadata: Metadata = { title: 'Verlauf' };

const ACTION_LABELS: Record<string, string> = {
  CREATE: 'angelegt',
  UPDATE: 'geändert',
  DELETE: 'gelöscht',
  RESTORE: 'wiederhergestellt',
  PUBLISH: 'veröffentlicht',
  UNPUBLISH: 'auf Entwurf gesetzt',
  ARCHIVE: 'archiviert',
  VERIFY: 'als aktuell bestätigt',
  APPROVE: 'Vorschlag angenommen',
  REJECT: 'Vorschlag abgelehnt',
  ERASE: 'personenbezogene Daten gelöscht',
};
const ENTITY_LABELS: Record<string, string> = {
  Organization: 'Eintrag',
  Service: 'Angebot',
  Location: 'Standort',
  ContactPerson: 'Kontaktperson',
  Schedule: 'Sprechzeit',
  ScheduleException: 'Ausnahme',
  Invitation: 'Einladung',
  ChangeRequest: 'Änderungsvorschlag',
};
// Fields outside the entities' own label maps (trusted flag, change requests).
const EXTRA_LABELS: Record<string, string> = {
  isTrusted: 'Vertrauenswürdig (Änderungen ohne Prüfung)',
  status: 'Stand',
  entityType: 'Betrifft',
  action: 'Art',
  reviewComment: 'Kommentar',
  isEdited: 'Vor dem Übernehmen bearbeitet',
  revokedAt: 'Widerrufen am',
};
const CHANGE_REQUEST_ACTIONS: Record<string, string> = { CREATE: 'eingereicht', UPDATE: 'geändert', APPROVE: 'angenommen', REJECT: 'abgelehnt' };

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(leer)';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(leer)';
  return String(value);
}

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/verlauf`);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const history = await orNotFound(listOrganizationHistory({ actor, organizationId: id }));
  const canRestore = can(actor, 'audit.restore');
  const versions = new Map<string, number>([
    [org.id, org.version],
    ...org.services.map((s) => [s.id, s.version] as [string, number]),
    ...org.locations.map((l) => [l.id, l.version] as [string, number]),
    ...org.contacts.map((c) => [c.id, c.version] as [string, number]),
  ]);
  return (
    <div>
      <p><Link href={`/de/admin/organisationen/${id}`} className="admin-link">Zurück zu {org.name}</Link></p>
      <h1 className="admin-h1">Verlauf: {org.name}</h1>
      <div role="status">{search.wiederhergestellt ? <p className="alert-success mb-4">Der frühere Wert wurde wiederhergestellt.</p> : null}</div>
      <ol className="space-y-4">
        {history.map((entry) => {
          const changes = Object.entries(entry.changes).filter(([field]) => field !== 'version');
          return (
            <li key={entry.id} className="rounded border border-slate-300 p-3">
              <p>
                <strong>{dateTimeFormat.format(entry.createdAt)}</strong> · {entry.actorName} · {ENTITY_LABELS[entry.entityType] ?? entry.entityType}{' '}
                {(entry.entityType === 'ChangeRequest' ? CHANGE_REQUEST_ACTIONS[entry.action] : entry.entityType === 'Invitation' && entry.action === 'DELETE' ? 'widerrufen' : null) ??
                  ACTION_LABELS[entry.action] ??
                  entry.action}
                {entry.entityType === 'ChangeRequest' ? (
                  <>
                    {' '}
                    · <Link href={`/de/admin/aenderungen/${entry.entityId}`} className="admin-link">Vorschlag ansehen</Link>
                  </>
                ) : null}
              </p>
              {changes.length ? (
                <table className="admin-table mt-2">
                  <caption className="sr-only">Geänderte Felder</caption>
                  <thead>
                    <tr>
                      <th scope="col">Feld</th>
                      <th scope="col">Vorher</th>
                      <th scope="col">Nachher</th>
                      {canRestore && entry.action === 'UPDATE' ? <th scope="col"><span className="sr-only">Aktion</span></th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map(([field, change]) => {
                      const label = FIELD_LABELS[entry.entityType]?.[field] ?? EXTRA_LABELS[field] ?? field;
                      const version = versions.get(entry.entityId);
                      return (
                        <tr key={field}>
                          <td>{label}</td>
                          <td><del className="text-red-800">{show(change.before)}</del></td>
                          <td><ins className="text-green-800">{show(change.after)}</ins></td>
                          {canRestore && entry.action === 'UPDATE' ? (
                            <td>
                              {isRestorableField(entry.entityType, field) && version ? (
                                <ActionButton action={restoreFieldAction} label={`${label}: früheren Wert wiederherstellen`} hidden={{ auditId: entry.id, field, version: String(version) }} />
                              ) : null}
                            </td>
                          ) : null}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
