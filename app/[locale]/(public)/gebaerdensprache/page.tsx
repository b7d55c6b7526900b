// BITV 2.0 §4: the site explained in German Sign Language. The video and its transcript come from
// the admin area (/de/admin/gebaerdensprache); until one is uploaded the page says that it is
// being prepared and points to Leichte Sprache and the coordination office (the header shows
// the link only once the video exists).
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { EmailAddress } from '@/components/ui/contact-values';
import { getCoordinationOffice } from '@/lib/data/organizations';
import { getSignLanguageVideo } from '@/lib/data/sign-language';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'SignLanguage' });
  return { title: t('title'), description: t('description'), alternates: localeAlternates('/gebaerdensprache', locale) };
}

const linkClass = 'inline-flex min-h-11 max-w-full items-center text-brand-800 underline';

export default async function SignLanguagePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, te, video] = await Promise.all([getTranslations('SignLanguage'), getTranslations('EasyLanguage'), getSignLanguageVideo()]);
  if (!video) {
    const office = await getCoordinationOffice({ locale });
    return (
      <div className="max-w-2xl space-y-4" data-sign-video="coming">
        <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
        <h2 className="text-2xl font-semibold text-brand-900">{t('comingTitle')}</h2>
        <p className="text-lg">{t('coming')}</p>
        <p>
          {t('comingEasy')}{' '}
          <Link href="/leichte-sprache" className={linkClass}>
            {te('title')}
          </Link>
        </p>
        {office?.email ? (
          <p>
            {t('comingContact')}{' '}
            <a href={`mailto:${office.email}`} className={linkClass}>
              <EmailAddress value={office.email} />
            </a>
          </p>
        ) : null}
      </div>
    );
  }
  const src = `/api/gebaerdensprache/${video.id}`;
  const format = await getFormatter();
  const size = `${format.number(video.size / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;
  const paragraphs = video.transcript.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);
  return (
    <div className="max-w-3xl space-y-6" data-sign-video="available">
      <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
      <p className="text-lg">{t('intro')}</p>
      <figure className="space-y-2 print:hidden">
        {/* preload="metadata": the player fetches the first bytes only (a range request); the
            video itself loads when the visitor presses play. */}
        <video controls preload="metadata" playsInline className="w-full rounded-lg border border-slate-300 bg-black" aria-label={t('videoLabel')}>
          <source src={src} type={video.mimeType} />
          <p>
            {t('noVideoSupport')}{' '}
            <a href={src} download className={linkClass}>
              {t('download', { size })}
            </a>
          </p>
        </video>
        <figcaption>
          <a href={src} download className={linkClass}>
            {t('download', { size })}
          </a>
        </figcaption>
      </figure>
      <section aria-labelledby="transcript-title" className="space-y-3">
        <h2 id="transcript-title" className="text-2xl font-semibold text-brand-900">
          {t('transcriptTitle')}
        </h2>
        {locale !== 'de' ? <p className="text-sm text-slate-700 italic">{t('transcriptInGerman')}</p> : null}
        <div lang="de" dir="ltr" className="space-y-3 leading-relaxed" data-transcript>
          {paragraphs.map((paragraph, index) => (
            <p key={index} className="whitespace-pre-line">
              {paragraph}
            </p>
          ))}
        </div>
      </section>
    </div>
  );
}
