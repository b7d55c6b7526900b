// The public iCal feed (RFC 5545) of events, written with ical-generator. Times in UTC ("Z"), so
// that no VTIMEZONE is needed and every client shows them in its own zone; the UID is the event's
// id (stable across edits), SEQUENCE its version, STATUS CANCELLED for a cancelled event. Pure.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { PublicEvent } from '@/lib/data/events/public';

export function eventsCalendar({ events, name, baseUrl, locale, ttlSeconds = 3600 }: { events: PublicEvent[]; name: string; baseUrl: string; locale: string; ttlSeconds?: number }): string {
  const calendar = ical({
    name,
    prodId: { company: 'Netzwerk Integration Stendal', product: 'Veranstaltungen', language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: ttlSeconds,
    url: `${baseUrl}/${locale}/veranstaltungen`,
  });
  for (const event of events) {
    const url = `${baseUrl}/${locale}/veranstaltungen/${event.slug}`;
    const place = event.place ? [event.place.name, event.place.street, [event.place.postalCode, event.place.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null;
    const description = [event.description.value, `${event.organizer.name}`, url].filter(Boolean).join('\n\n');
    calendar.createEvent({
      id: `${event.id}@netzwerk-integration-stendal`,
      sequence: event.version - 1,
      start: new Date(event.startsAt),
      // Without an end: two hours, a usual length for an evening (RFC 5545 would make it zero-length).
      end: new Date(event.endsAt ?? new Date(new Date(event.startsAt).getTime() + 2 * 3_600_000).toISOString()),
      stamp: new Date(event.updatedAt),
      lastModified: new Date(event.updatedAt),
      summary: event.title.value,
      description,
      location: place ?? event.onlineUrl ?? null,
      url,
      status: event.isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: event.topics.map((topic) => ({ name: topic.label })),
    });
  }
  return calendar.toString();
}
