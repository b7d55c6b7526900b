// Admin chrome only: navigation. No auth checks here — every page and every action checks itself;
// the user is read only to show coordinators and partners the navigation that fits their role.
import './admin.css';
import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/session';
import { scopeOf, type Permission } from '@/lib/permissions';

interface NavItem {
  href: string;
  label: string;
  // Shown when the user has this permission at all (partners: for their own organizations).
  permission: Permission;
}

const NAV: NavItem[] = [
  { href: '/de/admin', label: 'Übersicht', permission: 'dashboard.read' },
  { href: '/de/admin/organisationen', label: 'Einträge', permission: 'organization.read' },
  { href: '/de/admin/aenderungen', label: 'Änderungen', permission: 'organization.propose' },
  { href: '/de/admin/meldungen', label: 'Meldungen', permission: 'feedback.read' },
  { href: '/de/admin/aktualitaet', label: 'Aktualität', permission: 'dashboard.read' },
  { href: '/de/admin/papierkorb', label: 'Papierkorb', permission: 'organization.delete' },
  { href: '/de/admin/benutzer', label: 'Benutzer', permission: 'user.manage' },
  { href: '/de/admin/seiten', label: 'Seiten', permission: 'page.edit' },
  { href: '/de/admin/kategorien', label: 'Kategorien', permission: 'taxonomy.edit' },
  { href: '/de/admin/sprachen', label: 'Sprachen', permission: 'language.edit' },
  { href: '/de/admin/suchanfragen', label: 'Suchen ohne Treffer', permission: 'searchLog.read' },
  { href: '/de/admin/postausgang', label: 'Postausgang', permission: 'outbox.read' },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const items = user ? NAV.filter((item) => scopeOf(user, item.permission) !== 'none') : [];
  return (
    <div className="space-y-6">
      {user ? (
        <nav aria-label="Verwaltung" className="flex flex-wrap items-center gap-2 border-b border-slate-300 pb-3">
          {items.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="inline-flex min-h-11 items-center rounded px-3 text-brand-800 underline-offset-4 hover:underline"
            >
              {item.label}
            </Link>
          ))}
          <span className="ms-auto text-sm text-slate-700">{user.name}</span>
          <Link href="/de/abmelden" className="inline-flex min-h-11 items-center rounded px-3 text-brand-800 hover:underline">
            Abmelden
          </Link>
        </nav>
      ) : null}
      {children}
    </div>
  );
}
