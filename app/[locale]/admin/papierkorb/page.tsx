import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { requirePageUser } from '@/lib/auth/session';
import { listTrash } from '@/lib/data/admin-organizations';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../page-utils';
import { restoreOrganizationAction, setChildDeletedAction } from '../organisationen/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Trash'))('title') };
}

export default async function TrashPage() {
  const actor = await requirePageUser('/de/admin/papierkorb');
  const trash = await orNotFound(listTrash({ actor }));
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Trash');
  const { dateTime: dateTimeFormat } = adminFormats(locale);
  const empty = !trash.organizations.length && !trash.services.length && !trash.locations.length && !trash.contacts.length;
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      {empty ? <p>{t('empty')}</p> : null}
      {trash.organizations.length ? (
        <>
          <h2 className="admin-h2">{t('organizations')}</h2>
          <ul className="space-y-2">
            {trash.organizations.map((org) => (
              <li key={org.id} className="flex flex-wrap items-center gap-3">
                <Link href={`/de/admin/organisationen/${org.id}`} className="admin-link">{org.name}</Link>
                <span>{t('deletedOn', { date: dateTimeFormat.format(org.deletedAt!) })}</span>
                <ActionButton action={restoreOrganizationAction.bind(null, org.id)} label={t('restore', { label: org.name })} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {(
        [
          [t('services'), 'service', trash.services.map((s) => ({ id: s.id, label: s.name, org: s.organization.name, deletedAt: s.deletedAt! }))],
          [t('locations'), 'location', trash.locations.map((l) => ({ id: l.id, label: [l.name, l.city].filter(Boolean).join(', ') || t('location'), org: l.organization.name, deletedAt: l.deletedAt! }))],
          [t('contacts'), 'contact', trash.contacts.map((c) => ({ id: c.id, label: c.name ? `${c.role} (${c.name})` : c.role, org: c.organization.name, deletedAt: c.deletedAt! }))],
        ] as const
      ).map(([title, kind, rows]) =>
        rows.length ? (
          <section key={kind}>
            <h2 className="admin-h2">{title}</h2>
            <ul className="space-y-2">
              {rows.map((row) => (
                <li key={row.id} className="flex flex-wrap items-center gap-3">
                  <span>{t('row', { label: row.label, organization: row.org, date: dateTimeFormat.format(row.deletedAt) })}</span>
                  <ActionButton action={setChildDeletedAction.bind(null, kind, row.id, false)} label={t('restore', { label: row.label })} />
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </div>
  );
}
