// How meeting times read in German (Europe/Berlin). The conversion between Berlin wall time and
// UTC is lib/format/berlin-time.ts, shared with events and the yearly report.
import { utcToBerlinLocal } from '@/lib/format/berlin-time';

const MEETING_TIME_ZONE = 'Europe/Berlin';

const display = new Intl.DateTimeFormat('de-DE', { timeZone: MEETING_TIME_ZONE, dateStyle: 'full', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat('de-DE', { timeZone: MEETING_TIME_ZONE, timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('de-DE', { timeZone: MEETING_TIME_ZONE, dateStyle: 'medium' });

// "Mittwoch, 1. Juli 2026 um 18:00 – 20:00 Uhr" (German, Berlin time); the end's date is named
// only when it differs.
export function formatMeetingTime(startsAt: Date, endsAt: Date): string {
  const sameDay = utcToBerlinLocal(startsAt).slice(0, 10) === utcToBerlinLocal(endsAt).slice(0, 10);
  return sameDay ? `${display.format(startsAt)} – ${timeOnly.format(endsAt)} Uhr` : `${display.format(startsAt)} Uhr – ${display.format(endsAt)} Uhr`;
}

export function formatBerlinDate(value: Date): string {
  return dateOnly.format(value);
}

// The Berlin calendar day "YYYY-MM-DD" of an instant.
export function berlinDay(instant: Date): string {
  return utcToBerlinLocal(instant).slice(0, 10);
}
