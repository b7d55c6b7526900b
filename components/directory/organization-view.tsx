// The actor page's body: the public page (app/[locale]/(public)/akteure/[slug]) and the preview
// of a draft or a pending proposal (app/[locale]/vorschau/[id]) render the same view, so
// that the preview shows exactly what the public page will. Server component.
import { getFormatter, getTranslations } from 'next-intl/server';
import { ContactCard } from '@/components/directory/contact-card';
import { JsonLd, organizationJsonLd } from '@/components/directory/json-ld';
import { LocalizedBlock, langProps } from '@/components/directory/localized';
import { OpenStatus } from '@/components/directory/open-status';
import { OpeningHours } from '@/components/directory/opening-hours';
import { EmailAddress, PhoneNumber, WebAddress } from '@/components/ui/contact-values';
import { Icon } from '@/components/ui/icons';
import type { ReactNode } from 'react';
import type { PublicOrganizationPage } from '@/lib/data/organizations';
import { getLanguageNames } from '@/lib/data/taxonomy-public';
import { getEnv } from '@/lib/env';
import { ageRange } from '@/lib/format/age';
import { toTelHref } from '@/lib/format/phone';
import { Link } from '@/lib/i18n/navigation';
import { postalAddress, routeLinks } from '@/lib/map/routes';
import { LocationMap } from './location-map';

const linkClass = 'inline-flex min-h-11 max-w-full items-center text-brand-800 underline';
const h2Class = 'text-2xl font-semibold text-brand-900';

// `isPreview`: not public yet, so no JSON-LD, and no links to the entry's public sub-pages.
// `activities`: the entry's projects and events (issue 14), given by the public page.
export async function OrganizationView({
  organization,
  locale,
  isPreview = false,
  activities = null,
}: {
  organization: PublicOrganizationPage;
  locale: string;
  isPreview?: boolean;
  activities?: ReactNode;
}) {
  const [t, th, tp, tn, format, languageNames] = await Promise.all([
    getTranslations('Organization'),
    getTranslations('Hours'),
    getTranslations('PrintPage'),
    getTranslations('Nearby'),
    getFormatter(),
    getLanguageNames({ locale }),
  ]);
  const env = getEnv();
  const url = `${env.APP_URL}/${locale}/akteure/${organization.slug}`;
  // Places with coordinates go on the map; a place without a name is named by its address.
  const mapPlaces = organization.locations.flatMap((location) =>
    location.latitude !== null && location.longitude !== null
      ? [
          {
            id: location.id,
            label: location.name ?? postalAddress(location) ?? organization.name.value,
            address: postalAddress(location),
            latitude: location.latitude,
            longitude: location.longitude,
          },
        ]
      : [],
  );
  const languageList = (codes: string[]) => codes.map((code) => languageNames[code]?.name ?? code).join(', ');
  const hasContactData =
    organization.contacts.length > 0 || organization.email || organization.phone || organization.website;
  const orgLanguages = organization.languages.map((l) => l.languageCode);

  return (
    <article className="space-y-8">
      {isPreview ? null : <JsonLd data={organizationJsonLd(organization, url)} />}
      <p className="print:hidden">
        <Link href="/akteure" className={linkClass}>
          <Icon name="ArrowLeft" className="me-1 size-5 rtl:rotate-180" />
          {t('backToDirectory')}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900" {...langProps(organization.name, locale)}>
          {organization.name.value}
        </h1>
        {organization.category ? <p className="text-slate-700">{organization.category.label}</p> : null}
        {organization.parent ? (
          <p>
            {t('partOf')}:{' '}
            <Link href={`/akteure/${organization.parent.slug}`} className={linkClass} lang="de">
              {organization.parent.name}
            </Link>
          </p>
        ) : null}
        <OpenStatus schedules={organization.schedules} exceptions={organization.exceptions} />
      </header>
      <LocalizedBlock text={organization.description} />
      {organization.topics.length > 0 ? (
        <p>
          <span className="font-semibold">{t('topics')}:</span>{' '}
          {organization.topics.map((topic, index) => (
            <span key={topic.slug}>
              {index > 0 ? ', ' : null}
              <Link href={`/akteure?thema=${topic.slug}`} className={linkClass}>
                {topic.label}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      {orgLanguages.length > 0 ? (
        <p>
          <span className="font-semibold">{t('languagesSpoken')}:</span> {languageList(orgLanguages)}
        </p>
      ) : null}

      <section aria-labelledby="contact-title" className="space-y-3">
        <h2 id="contact-title" className={h2Class}>
          {t('contact')}
        </h2>
        {!hasContactData ? <p>{t('noContactData')}</p> : null}
        <dl className="grid grid-cols-1 sm:grid-cols-[auto_1fr] sm:items-center sm:gap-x-3">
          {organization.phone ? (
            <>
              <dt className="text-slate-700">{t('phone')}</dt>
              <dd>
                <a href={toTelHref(organization.phone)} className={linkClass}>
                  <PhoneNumber value={organization.phone} />
                </a>
              </dd>
            </>
          ) : null}
          {organization.email ? (
            <>
              <dt className="text-slate-700">{t('email')}</dt>
              <dd>
                <a href={`mailto:${organization.email}`} className={linkClass}>
                  <EmailAddress value={organization.email} />
                </a>
              </dd>
            </>
          ) : null}
          {organization.website ? (
            <>
              <dt className="text-slate-700">{t('website')}</dt>
              <dd>
                {/* The address is the link text: print shows it, not the href a second time. */}
                <a href={organization.website} className={`${linkClass} print-url-shown`} rel="noopener">
                  <WebAddress url={organization.website} />
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        {organization.contacts.length > 0 ? (
          <>
            <h3 className="text-xl font-semibold">{t('contacts')}</h3>
            <ul className="grid gap-4 sm:grid-cols-2">
              {organization.contacts.map((contact) => (
                <ContactCard
                  key={contact.id}
                  contact={contact}
                  languageNames={languageNames}
                  hours={organization.schedules.filter((slot) => slot.contactPersonId === contact.id)}
                  vcardHref={isPreview ? undefined : `/${locale}/akteure/${organization.slug}/vcard/${contact.id}`}
                />
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {/* The organization's own hours; a contact person's are shown with the person. */}
      {organization.schedules.some((slot) => !slot.contactPersonId) || organization.exceptions.length > 0 ? (
        <section aria-labelledby="hours-title" className="space-y-3">
          <h2 id="hours-title" className={h2Class}>
            {th('title')}
          </h2>
          <OpeningHours organization={organization} locale={locale} />
        </section>
      ) : null}

      {organization.services.length > 0 ? (
        <section aria-labelledby="services-title" className="space-y-3">
          <h2 id="services-title" className={h2Class}>
            {t('services')}
          </h2>
          <ul className="space-y-3">
            {organization.services.map((service) => {
              const age = ageRange(service.minAge, service.maxAge);
              return (
                <li key={service.id} className="space-y-2 rounded-lg border border-slate-300 p-4">
                  <h3 className="text-lg font-semibold" {...langProps(service.name, locale)}>
                    {service.name.value}
                  </h3>
                  {service.isTemporarilyClosed ? (
                    <p className="font-semibold text-red-800">
                      <Icon name="TriangleAlert" className="me-1 inline size-5 align-[-0.2em]" />
                      {t('temporarilyClosed')}
                      {service.alertText ? <span {...langProps(service.alertText, locale)}>: {service.alertText.value}</span> : null}
                    </p>
                  ) : service.alertText ? (
                    <p className="font-semibold" {...langProps(service.alertText, locale)}>
                      {service.alertText.value}
                    </p>
                  ) : null}
                  {service.targetGroups.length > 0 || age ? (
                    <p>
                      <span className="font-semibold">{t('targetGroups')}:</span>{' '}
                      {[...service.targetGroups.map((g) => g.label), ...(age ? [t(age.key, age.values)] : [])].join(', ')}
                    </p>
                  ) : null}
                  <LocalizedBlock text={service.description} />
                  <dl className="space-y-1">
                    {service.appointmentRequired || service.howToApply ? (
                      <div>
                        <dt className="font-semibold">{t('howToApply')}</dt>
                        <dd>
                          {service.appointmentRequired ? <span>{t('appointmentRequired')}. </span> : null}
                          {service.howToApply ? <span {...langProps(service.howToApply, locale)}>{service.howToApply.value}</span> : null}
                        </dd>
                      </div>
                    ) : null}
                    {service.eligibility ? (
                      <div>
                        <dt className="font-semibold">{t('eligibility')}</dt>
                        <dd {...langProps(service.eligibility, locale)}>{service.eligibility.value}</dd>
                      </div>
                    ) : null}
                    {service.cost ? (
                      <div>
                        <dt className="font-semibold">{t('cost')}</dt>
                        <dd {...langProps(service.cost, locale)}>{service.cost.value}</dd>
                      </div>
                    ) : null}
                    {service.languages.length > 0 ? (
                      <div>
                        <dt className="font-semibold">{t('languagesSpoken')}</dt>
                        <dd>{languageList(service.languages.map((l) => l.languageCode))}</dd>
                      </div>
                    ) : null}
                  </dl>
                  {service.interpretationOffered ? <p>{t('interpretation')}</p> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {organization.locations.some((location) => location.street || location.city || location.latitude !== null) ? (
        <section aria-labelledby="locations-title" className="space-y-3">
          <h2 id="locations-title" className={h2Class}>
            {t('locations')}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {organization.locations.map((location) => (
              <li key={location.id} className="space-y-1 rounded-lg border border-slate-300 p-4">
                <address className="not-italic" lang="de" dir="ltr">
                  {location.name ? <span className="block font-semibold">{location.name}</span> : null}
                  {location.street ? <span className="block">{location.street}</span> : null}
                  <span className="block">{[location.postalCode, location.city].filter(Boolean).join(' ')}</span>
                </address>
                {location.wheelchairAccessible !== null ? (
                  <p className="flex items-center gap-1.5">
                    <Icon name={location.wheelchairAccessible ? 'Accessibility' : 'TriangleAlert'} className="size-5" />
                    {location.wheelchairAccessible ? t('wheelchairYes') : t('wheelchairNo')}
                  </p>
                ) : null}
                {location.accessibilityNote ? (
                  <p className="text-sm" {...langProps(location.accessibilityNote, locale)}>
                    {location.accessibilityNote.value}
                  </p>
                ) : null}
                {location.transportNote ? (
                  <p className="text-sm">
                    <span className="font-semibold">{t('transport')}:</span>{' '}
                    <span {...langProps(location.transportNote, locale)}>{location.transportNote.value}</span>
                  </p>
                ) : null}
                <RouteLinks location={location} title={tn('routeTitle')} appLabel={tn('routeApp')} osmLabel={tn('routeOsm')} />
              </li>
            ))}
          </ul>
          {mapPlaces.length > 0 ? (
            <LocationMap
              places={mapPlaces}
              tileUrl={env.MAP_TILE_URL}
              attribution={{ text: env.MAP_TILE_ATTRIBUTION, url: env.MAP_TILE_ATTRIBUTION_URL }}
              labels={{
                show: tn('showMap'),
                hide: tn('hideMap'),
                loading: tn('mapLoading'),
                privacy: tn('mapPrivacy', { host: tileHost(env.MAP_TILE_URL) }),
                region: tn('mapLabel', { name: organization.name.value }),
                hint: tn('mapHint'),
                zoomIn: tn('zoomIn'),
                zoomOut: tn('zoomOut'),
                closePopup: tn('closePopup'),
                error: tn('mapError'),
              }}
            />
          ) : null}
        </section>
      ) : null}

      {activities}

      {/* On paper: where the current version of this page is. */}
      <p className="hidden print:block" data-print-url>
        {tp('pageUrl')} <WebAddress url={url} full />
      </p>
      <footer className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 pt-4 text-sm text-slate-700">
        <p>
          {organization.lastVerifiedAt
            ? t('lastVerified', { date: format.dateTime(new Date(organization.lastVerifiedAt), { dateStyle: 'long' }) })
            : t('notVerified')}
        </p>
        {isPreview ? null : (
          <Link href={`/akteure/${organization.slug}/fehler-melden`} className={`${linkClass} print:hidden`}>
            {t('reportMistake')}
          </Link>
        )}
      </footer>
    </article>
  );
}

function tileHost(template: string): string {
  return new URL(template.replaceAll('{s}', 'a')).hostname.replace(/^a\./, '');
}

// Per place: the visitor's map app (geo: URI) and OpenStreetMap's directions, plain links. The
// place's name or address follows for screen readers, so that links of several places differ.
function RouteLinks({
  location,
  title,
  appLabel,
  osmLabel,
}: {
  location: PublicOrganizationPage['locations'][number];
  title: string;
  appLabel: string;
  osmLabel: string;
}) {
  const links = routeLinks(location);
  if (!links) return null;
  const place = location.name ?? postalAddress(location) ?? '';
  return (
    <div className="pt-1 print:hidden" data-route-links>
      <p className="font-semibold">{title}</p>
      <ul className="flex flex-wrap gap-x-4">
        <li>
          <a href={links.geo} className={linkClass} data-route="geo">
            {appLabel}
            <span className="sr-only" lang="de"> ({place})</span>
          </a>
        </li>
        <li>
          <a href={links.osm} className={linkClass} rel="noopener" data-route="osm">
            {osmLabel}
            <span className="sr-only" lang="de"> ({place})</span>
          </a>
        </li>
      </ul>
    </div>
  );
}
