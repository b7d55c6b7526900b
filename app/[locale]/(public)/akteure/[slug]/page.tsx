import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ContactCard } from '@/components/directory/contact-card';
import { Prose } from '@/components/ui/prose';
import { getPublicOrganization } from '@/lib/data/organizations';
import { Link } from '@/lib/i18n/navigation';

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const organization = await getPublicOrganization({ slug });
  return organization ? { title: organization.name, description: organization.description.slice(0, 160) } : {};
}

export default async function OrganizationPage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const organization = await getPublicOrganization({ slug });
  if (!organization) notFound();
  const t = await getTranslations('Organization');
  const format = await getFormatter();
  const ageText = (min: number | null, max: number | null) =>
    min !== null && max !== null
      ? t('ageFromTo', { min, max })
      : min !== null
        ? t('ageFrom', { min })
        : max !== null
          ? t('ageTo', { max })
          : null;
  const hasContactData =
    organization.contacts.length > 0 || organization.email || organization.phone || organization.website;
  return (
    <article className="space-y-8">
      <p>
        <Link href="/akteure" className="inline-flex min-h-11 items-center text-brand-800 underline">
          {t('backToDirectory')}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">{organization.name}</h1>
        {organization.category ? <p className="text-slate-700">{organization.category.label}</p> : null}
      </header>
      <Prose text={organization.description} />

      {organization.services.length > 0 ? (
        <section aria-labelledby="services-title" className="space-y-3">
          <h2 id="services-title" className="text-2xl font-semibold text-brand-900">
            {t('services')}
          </h2>
          <ul className="space-y-3">
            {organization.services.map((service) => (
              <li key={service.id} className="rounded-lg border border-slate-200 p-4">
                <h3 className="text-lg font-semibold">{service.name}</h3>
                {ageText(service.minAge, service.maxAge) ? (
                  <p className="text-sm text-slate-700">{ageText(service.minAge, service.maxAge)}</p>
                ) : null}
                <Prose text={service.description} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {organization.locations.some((location) => location.street || location.city) ? (
        <section aria-labelledby="locations-title" className="space-y-3">
          <h2 id="locations-title" className="text-2xl font-semibold text-brand-900">
            {t('locations')}
          </h2>
          <ul className="space-y-2">
            {organization.locations.map((location) => (
              <li key={location.id}>
                <address className="not-italic">
                  {location.name ? <span className="block font-semibold">{location.name}</span> : null}
                  {location.street ? <span className="block">{location.street}</span> : null}
                  <span className="block">{[location.postalCode, location.city].filter(Boolean).join(' ')}</span>
                </address>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="contact-title" className="space-y-3">
        <h2 id="contact-title" className="text-2xl font-semibold text-brand-900">
          {t('contact')}
        </h2>
        {!hasContactData ? <p>{t('noContactData')}</p> : null}
        {organization.email ? (
          <p>
            {t('email')}:{' '}
            <a href={`mailto:${organization.email}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
              {organization.email}
            </a>
          </p>
        ) : null}
        {organization.contacts.length > 0 ? (
          <ul className="grid gap-4 sm:grid-cols-2" aria-label={t('contacts')}>
            {organization.contacts.map((contact) => (
              <ContactCard key={contact.id} contact={contact} />
            ))}
          </ul>
        ) : null}
      </section>

      <footer className="text-sm text-slate-700">
        {organization.lastVerifiedAt
          ? t('lastVerified', { date: format.dateTime(organization.lastVerifiedAt, { dateStyle: 'long' }) })
          : t('notVerified')}
      </footer>
    </article>
  );
}
