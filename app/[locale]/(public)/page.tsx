import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ContactCard } from '@/components/directory/contact-card';
import { Prose } from '@/components/ui/prose';
import { getCoordinationOffice } from '@/lib/data/organizations';
import { getPage } from '@/lib/data/pages';
import { Link } from '@/lib/i18n/navigation';

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Home');
  const [goal, office] = await Promise.all([getPage({ slug: 'ziel', locale }), getCoordinationOffice()]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title" className="space-y-4">
        <h1 id="home-title" className="text-3xl font-bold text-brand-900">
          {t('title')}
        </h1>
        <p className="text-lg">{t('intro')}</p>
        <Link
          href="/akteure"
          className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800"
        >
          {t('toDirectory')}
        </Link>
      </section>
      {goal ? (
        <section aria-labelledby="goal-title" className="space-y-3">
          <h2 id="goal-title" className="text-2xl font-semibold text-brand-900">
            {goal.title}
          </h2>
          <Prose text={goal.body} />
        </section>
      ) : null}
      {office ? (
        <section aria-labelledby="office-title" className="space-y-3">
          <h2 id="office-title" className="text-2xl font-semibold text-brand-900">
            {t('coordinationOffice')}
          </h2>
          <p>{t('coordinationOfficeIntro')}</p>
          {office.email ? (
            <p>
              <a href={`mailto:${office.email}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
                {office.email}
              </a>
            </p>
          ) : null}
          <ul className="grid gap-4 sm:grid-cols-2">
            {office.contacts.map((contact) => (
              <ContactCard key={contact.id} contact={contact} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
