// schema.org Event JSON-LD for an event page: startDate/endDate with Berlin's offset, a Place with
// PostalAddress or a VirtualLocation, the organizer as Organization, eventStatus, the attendance
// mode, offers when the cost is known (free: price 0). Pure.
import type { PublicEvent } from '@/lib/data/events/public';
import { berlinIso } from '@/lib/format/berlin-time';

export function eventJsonLd(event: PublicEvent, { url, organizerUrl }: { url: string; organizerUrl: string }) {
  const place = event.place
    ? {
        '@type': 'Place',
        name: event.place.name ?? event.place.city ?? event.town ?? '',
        address: {
          '@type': 'PostalAddress',
          ...(event.place.street ? { streetAddress: event.place.street } : {}),
          ...(event.place.postalCode ? { postalCode: event.place.postalCode } : {}),
          ...(event.place.city ?? event.town ? { addressLocality: event.place.city ?? event.town } : {}),
          addressRegion: 'Sachsen-Anhalt',
          addressCountry: 'DE',
        },
      }
    : null;
  const online = event.onlineUrl ? { '@type': 'VirtualLocation', url: event.onlineUrl } : null;
  const locations = [place, online].filter((l) => l !== null);
  const attendanceMode = place && online ? 'MixedEventAttendanceMode' : online ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode';
  const offers =
    event.isFree || event.cost
      ? {
          '@type': 'Offer',
          url,
          ...(event.isFree ? { price: 0, priceCurrency: 'EUR' } : { description: event.cost!.value }),
          availability: 'https://schema.org/InStock',
          ...(event.registration.until ? { validThrough: berlinIso(new Date(event.registration.until)) } : {}),
        }
      : null;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': url,
    url,
    name: event.title.value,
    ...(event.description.value ? { description: event.description.value } : {}),
    startDate: berlinIso(new Date(event.startsAt)),
    ...(event.endsAt ? { endDate: berlinIso(new Date(event.endsAt)) } : {}),
    eventStatus: `https://schema.org/${event.isCancelled ? 'EventCancelled' : 'EventScheduled'}`,
    eventAttendanceMode: `https://schema.org/${attendanceMode}`,
    location: locations.length === 1 ? locations[0] : locations,
    organizer: { '@type': 'Organization', name: event.organizer.name, url: organizerUrl },
    ...(event.languageCodes.length ? { inLanguage: event.languageCodes } : {}),
    ...(event.isFree ? { isAccessibleForFree: true } : {}),
    ...(offers ? { offers } : {}),
  };
}
