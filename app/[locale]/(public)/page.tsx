import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CoordinationContacts } from '@/components/directory/coordination-contacts';
import { PageSection } from '@/components/directory/page-content';
import { SearchForm } from '@/components/search/search-form';
import { TopicIcon } from '@/components/ui/icons';
import { getCoordinationOffice } from '@/lib/data/organizations';
import { getPage } from '@/lib/data/pages';
import { getTopicOptions } from '@/lib/data/taxonomy-public';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';
import { parseDirectoryQuery } from '@/lib/search/query';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Meta' });
  return { description: t('homeDescription'), alternates: localeAlternates('/', locale) };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Home');
  const [goal, office, topics] = await Promise.all([
    getPage({ slug: 'ziel', locale }),
    getCoordinationOffice({ locale }),
    getTopicOptions({ locale }),
  ]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title" className="space-y-4">
        <h1 id="home-title" className="text-3xl font-bold text-brand-900">
          {t('title')}
        </h1>
        <p className="text-lg">{t('intro')}</p>
        <SearchForm locale={locale} query={parseDirectoryQuery({})} showFilters={false} />
      </section>

      <section aria-labelledby="topics-title" className="space-y-3">
        <h2 id="topics-title" className="text-2xl font-semibold text-brand-900">
          {t('topicsTitle')}
        </h2>
        <p>{t('topicsIntro')}</p>
        <ul className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2 md:grid-cols-3">
          {topics.map((topic) => (
            <li key={topic.value}>
              <Link
                href={`/akteure?thema=${topic.value}`}
                className="flex min-h-14 items-center gap-3 rounded-lg border-2 border-brand-100 bg-brand-50 px-4 font-semibold text-brand-900 hover:border-brand-700"
              >
                <TopicIcon slug={topic.value} className="size-6 text-brand-700" />
                <span>{topic.label}</span>
              </Link>
            </li>
          ))}
        </ul>
        <p>
          <Link href="/akteure" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
            {t('toDirectory')}
          </Link>
        </p>
      </section>

      {office ? (
        <section aria-labelledby="office-title" className="space-y-3">
          <h2 id="office-title" className="text-2xl font-semibold text-brand-900">
            {t('coordinationOffice')}
          </h2>
          <p>{t('coordinationOfficeIntro')}</p>
          <CoordinationContacts office={office} locale={locale} />
        </section>
      ) : null}

      {goal ? (
        <div className="space-y-3">
          <PageSection page={goal} />
          <p>
            <Link href="/netzwerk" className="inline-flex min-h-11 items-center text-brand-800 underline">
              {t('moreAboutNetwork')}
            </Link>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="guide-title" className="space-y-2">
        <h2 id="guide-title" className="text-2xl font-semibold text-brand-900">
          {t('guideTitle')}
        </h2>
        <p>{t('guideText')}</p>
        <Link href="/wegweiser" className="inline-flex min-h-11 items-center text-brand-800 underline">
          {t('guideLink')}
        </Link>
      </section>
    </div>
  );
}
