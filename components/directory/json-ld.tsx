// schema.org JSON-LD for an actor page: Organization with ContactPoint, PostalAddress and
// OpeningHoursSpecification. "<" is escaped so that text can never close the script element.
import type { PublicOrganizationPage } from '@/lib/data/organizations';
import { formatMinutes } from '@/lib/schedule/open-status';

const DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function hoursSpecification(schedules: PublicOrganizationPage['schedules']) {
  return schedules.map((schedule) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: `https://schema.org/${DAYS[schedule.weekday]}`,
    opens: formatMinutes(schedule.opensAt),
    closes: formatMinutes(Math.min(schedule.closesAt, 1439)),
    ...(schedule.validFrom ? { validFrom: schedule.validFrom } : {}),
    ...(schedule.validTo ? { validThrough: schedule.validTo } : {}),
  }));
}

// A contact person's own hours belong to their ContactPoint (hoursAvailable), not to the
// organization's opening hours.
export function organizationJsonLd(organization: PublicOrganizationPage, url: string) {
  const ownHours = organization.schedules.filter((schedule) => !schedule.contactPersonId);
  const address = organization.locations.find((l) => l.street || l.city);
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': url,
    url,
    name: organization.name.value,
    ...(organization.shortName ? { alternateName: organization.shortName } : {}),
    ...(organization.description.value ? { description: organization.description.value } : {}),
    ...(organization.website ? { sameAs: [organization.website] } : {}),
    ...(organization.email ? { email: organization.email } : {}),
    ...(organization.phone ? { telephone: organization.phone } : {}),
    ...(address
      ? {
          address: {
            '@type': 'PostalAddress',
            ...(address.street ? { streetAddress: address.street } : {}),
            ...(address.postalCode ? { postalCode: address.postalCode } : {}),
            ...(address.city ? { addressLocality: address.city } : {}),
            addressRegion: 'Sachsen-Anhalt',
            addressCountry: 'DE',
          },
        }
      : {}),
    ...(organization.contacts.length > 0
      ? {
          contactPoint: organization.contacts.map((contact) => ({
            '@type': 'ContactPoint',
            contactType: contact.role.value,
            ...(contact.name ? { name: contact.name } : {}),
            ...(contact.email ? { email: contact.email } : {}),
            ...(contact.phone ? { telephone: contact.phone } : {}),
            ...(contact.languages.length > 0 ? { availableLanguage: contact.languages.map((l) => l.languageCode) } : {}),
            ...(organization.schedules.some((schedule) => schedule.contactPersonId === contact.id)
              ? { hoursAvailable: hoursSpecification(organization.schedules.filter((schedule) => schedule.contactPersonId === contact.id)) }
              : {}),
          })),
        }
      : {}),
    ...(ownHours.length > 0 ? { openingHoursSpecification: hoursSpecification(ownHours) } : {}),
  };
}

export function JsonLd({ data }: { data: unknown }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
