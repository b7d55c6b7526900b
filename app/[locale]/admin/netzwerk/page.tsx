import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/session';
import { listNetworkMembers } from '@/lib/data/meetings/list-network-members';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../page-utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Meetings'))('Network.title') };
}

// Network members with their network-internal contacts: signed-in members only (never public).
export default async function NetworkMembersPage() {
  const actor = await requirePageUser('/de/admin/netzwerk');
  const members = await orNotFound(listNetworkMembers({ actor }));
  const t = adminTranslator(await getAdminLocale(), 'Meetings');
  return (
    <div>
      <h1 className="admin-h1">{t('Network.title')}</h1>
      <p className="mb-4 max-w-3xl">{t('Network.intro')}</p>
      {members.length ? (
        <ul className="space-y-4">
          {members.map((org) => (
            <li key={org.id} className="rounded border border-slate-300 p-3">
              <h2 className="text-lg font-semibold">{org.name}</h2>
              {org.email || org.phone ? (
                <p>
                  {org.email ? (
                    <a href={`mailto:${org.email}`} className="admin-link break-all">
                      {org.email}
                    </a>
                  ) : null}
                  {org.email && org.phone ? ' · ' : ''}
                  {org.phone ? <a href={`tel:${org.phone.replace(/[^\d+]/g, '')}`} className="admin-link">{org.phone}</a> : null}
                </p>
              ) : null}
              {org.contacts.length ? (
                <ul className="mt-2 space-y-1">
                  {org.contacts.map((c) => (
                    <li key={c.id}>
                      {c.name ? <strong>{c.name}</strong> : null}
                      {c.name ? ', ' : ''}
                      {c.role}
                      {c.visibility === 'NETWORK_INTERNAL' ? ` (${t('Network.internal')})` : ''}
                      {c.email ? (
                        <>
                          {' · '}
                          <a href={`mailto:${c.email}`} className="admin-link break-all">
                            {c.email}
                          </a>
                        </>
                      ) : null}
                      {c.phone ? ` · ${c.phone}` : ''}
                      {c.mobile ? ` · ${c.mobile}` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2">{t('Network.noContacts')}</p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('Network.none')}</p>
      )}
    </div>
  );
}
