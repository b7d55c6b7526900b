import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { requirePageUser } from '@/lib/auth/session';
import { listTrash } from '@/lib/data/admin-organizations';
import { dateTimeFormat, orNotFound } from '../page-utils';
import { restoreOrganizationAction, setChildDeletedAction } from '../organisationen/actions';

export const metadata: Metadata = { title: 'Papierkorb' };

export default async function TrashPage() {
  const actor = await requirePageUser('/de/admin/papierkorb');
  const trash = await orNotFound(listTrash({ actor }));
  const empty = !trash.organizations.length && !trash.services.length && !trash.locations.length && !trash.contacts.length;
  return (
    <div>
      <h1 className="admin-h1">Papierkorb</h1>
      {empty ? <p>Der Papierkorb ist leer.</p> : null}
      {trash.organizations.length ? (
        <>
          <h2 className="admin-h2">Einträge</h2>
          <ul className="space-y-2">
            {trash.organizations.map((org) => (
              <li key={org.id} className="flex flex-wrap items-center gap-3">
                <Link href={`/de/admin/organisationen/${org.id}`} className="admin-link">{org.name}</Link>
                <span>gelöscht {dateTimeFormat.format(org.deletedAt!)}</span>
                <ActionButton action={restoreOrganizationAction.bind(null, org.id)} label={`${org.name} wiederherstellen`} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {(
        [
          ['Angebote', 'service', trash.services.map((s) => ({ id: s.id, label: s.name, org: s.organization.name, deletedAt: s.deletedAt! }))],
          ['Standorte', 'location', trash.locations.map((l) => ({ id: l.id, label: [l.name, l.city].filter(Boolean).join(', ') || 'Standort', org: l.organization.name, deletedAt: l.deletedAt! }))],
          ['Kontaktpersonen', 'contact', trash.contacts.map((c) => ({ id: c.id, label: c.name ? `${c.role} (${c.name})` : c.role, org: c.organization.name, deletedAt: c.deletedAt! }))],
        ] as const
      ).map(([title, kind, rows]) =>
        rows.length ? (
          <section key={kind}>
            <h2 className="admin-h2">{title}</h2>
            <ul className="space-y-2">
              {rows.map((row) => (
                <li key={row.id} className="flex flex-wrap items-center gap-3">
                  <span>{row.label} – {row.org}, gelöscht {dateTimeFormat.format(row.deletedAt)}</span>
                  <ActionButton action={setChildDeletedAction.bind(null, kind, row.id, false)} label={`${row.label} wiederherstellen`} />
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </div>
  );
}
