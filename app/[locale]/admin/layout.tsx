// Admin chrome only: navigation. No auth checks here — every page and every action checks itself.
import './admin.css';
import Link from 'next/link';

const NAV = [
  { href: '/de/admin', label: 'Übersicht' },
  { href: '/de/admin/organisationen', label: 'Einträge' },
  { href: '/de/admin/papierkorb', label: 'Papierkorb' },
  { href: '/de/admin/benutzer', label: 'Benutzer' },
  { href: '/de/admin/postausgang', label: 'Postausgang' },
];

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <nav aria-label="Verwaltung" className="flex flex-wrap items-center gap-2 border-b border-slate-300 pb-3">
        {NAV.map((item) => (
          <Link key={item.href} href={item.href} className="inline-flex min-h-11 items-center rounded px-3 text-brand-800 underline-offset-4 hover:underline">
            {item.label}
          </Link>
        ))}
        <Link href="/de/abmelden" className="ms-auto inline-flex min-h-11 items-center rounded px-3 text-brand-800 hover:underline">
          Abmelden
        </Link>
      </nav>
      {children}
    </div>
  );
}
