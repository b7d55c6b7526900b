// Admin chrome only: navigation. No auth checks here — every page and every action checks itself;
// the user is read only to show coordinators and partners the navigation that fits their role.
import './admin.css';
import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { AdminI18n } from '@/components/admin/admin-i18n';
import { getCurrentUser } from '@/lib/auth/session';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { scopeOf, type Permission } from '@/lib/permissions';

// Signed-in or personal pages are rendered per request and never enter the full-route cache.
export const dynamic = 'force-dynamic';

interface NavItem {
  href: string;
  label: 'dashboard' | 'organizations' | 'changes' | 'feedback' | 'freshness' | 'trash' | 'users' | 'pages' | 'signLanguage' | 'categories' | 'languages' | 'searches' | 'yearlyReport' | 'outbox' | 'account' | 'lists' | 'import' | 'export' | 'vocabulary' | 'meetings' | 'network' | 'navProjects' | 'navEvents';
  // Shown when the user has this permission at all (partners: for their own organizations);
  // null: to every signed-in user.
  permission: Permission | null;
}

const NAV: NavItem[] = [
  { href: '/de/admin', label: 'dashboard', permission: 'dashboard.read' },
  { href: '/de/admin/organisationen', label: 'organizations', permission: 'organization.read' },
  { href: '/de/admin/aenderungen', label: 'changes', permission: 'organization.propose' },
  { href: '/de/admin/meldungen', label: 'feedback', permission: 'feedback.read' },
  // Issue 14: partners see their organizations' projects and events and propose new ones.
  { href: '/de/admin/projekte', label: 'navProjects', permission: 'organization.propose' },
  { href: '/de/admin/veranstaltungen', label: 'navEvents', permission: 'organization.propose' },
  { href: '/de/admin/aktualitaet', label: 'freshness', permission: 'dashboard.read' },
  { href: '/de/admin/papierkorb', label: 'trash', permission: 'organization.delete' },
  { href: '/de/admin/benutzer', label: 'users', permission: 'user.manage' },
  { href: '/de/admin/seiten', label: 'pages', permission: 'page.edit' },
  { href: '/de/admin/gebaerdensprache', label: 'signLanguage', permission: 'page.edit' },
  { href: '/de/admin/kategorien', label: 'categories', permission: 'taxonomy.edit' },
  { href: '/de/admin/sprachen', label: 'languages', permission: 'language.edit' },
  { href: '/de/admin/suchanfragen', label: 'searches', permission: 'searchLog.read' },
  { href: '/de/admin/jahresbericht', label: 'yearlyReport', permission: 'report.read' },
  { href: '/de/admin/suchwortschatz', label: 'vocabulary', permission: 'vocabulary.edit' },
  { href: '/de/admin/postausgang', label: 'outbox', permission: 'outbox.read' },
  { href: '/de/admin/verteiler', label: 'lists', permission: 'distributionList.manage' },
  { href: '/de/admin/import', label: 'import', permission: 'directory.import' },
  { href: '/de/admin/export', label: 'export', permission: 'directory.export' },
  { href: '/de/admin/treffen', label: 'meetings', permission: 'meeting.read' },
  { href: '/de/admin/netzwerk', label: 'network', permission: 'network.readMembers' },
  { href: '/de/admin/konto', label: 'account', permission: null },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const items = user ? NAV.filter((item) => item.permission === null || scopeOf(user, item.permission) !== 'none') : [];
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Nav');
  const tpe = adminTranslator(locale, 'ProjectsEvents');
  const label = (item: NavItem) => (item.label === 'navProjects' || item.label === 'navEvents' ? tpe(item.label) : t(item.label));
  // The root layout sets <html lang> from the URL (de); an English admin's content says so here.
  // next-intl's client provider lives here and in (auth), not in the root layout: public pages
  // pass strings as props and stay free of its client runtime.
  return (
    <NextIntlClientProvider>
    <AdminI18n locale={locale}>
    <div className="space-y-6" lang={locale === 'de' ? undefined : locale}>
      {user ? (
        <nav aria-label={t('label')} className="flex flex-wrap items-center gap-2 border-b border-slate-300 pb-3 print:hidden">
          {items.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="inline-flex min-h-11 items-center rounded px-3 text-brand-800 underline-offset-4 hover:underline"
            >
              {label(item)}
            </Link>
          ))}
          <span className="ms-auto text-sm text-slate-700">{user.name}</span>
          <Link href="/de/abmelden" className="inline-flex min-h-11 items-center rounded px-3 text-brand-800 hover:underline">
            {t('signOut')}
          </Link>
        </nav>
      ) : null}
      {children}
    </div>
    </AdminI18n>
    </NextIntlClientProvider>
  );
}
