'use client';
// Shown when a page fails; no error details reach the visitor. A plain link home: after an error
// the router's state is not to be trusted.
import { useParams } from 'next/navigation';
import { useClientMessages } from '@/components/i18n/client-messages';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useClientMessages('Error');
  const { locale } = useParams<{ locale: string }>();
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
      <p>{t('text')}</p>
      <div className="flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800">
          {t('retry')}
        </button>
        <a href={`/${locale ?? 'de'}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
          {t('toHome')}
        </a>
      </div>
    </div>
  );
}
