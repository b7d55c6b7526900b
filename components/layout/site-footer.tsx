import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('Layout');
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">{t('footerNote')}</div>
    </footer>
  );
}
