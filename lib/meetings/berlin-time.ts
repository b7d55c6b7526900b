// Meeting times are entered and shown in Europe/Berlin and stored in UTC. Pure, so that the
// daylight-saving edges are unit-tested: a wall time that does not exist (the spring gap) is
// refused; one that exists twice (the autumn hour) means the first, summer-time instant.
const MEETING_TIME_ZONE = 'Europe/Berlin';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

// "YYYY-MM-DDTHH:MM" as a Berlin wall clock shows the instant (the value of <input type=datetime-local>).
export function toBerlinLocal(instant: Date): string {
  const p = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

// The instant a Berlin wall time names, or null when it does not exist (malformed or in the gap).
export function fromBerlinLocal(value: string): Date | null {
  const match = LOCAL.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  // Berlin is UTC+1 or UTC+2: try the summer offset first so that the repeated autumn hour
  // resolves to its first occurrence.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (toBerlinLocal(candidate) === value) return candidate;
  }
  return null;
}

const display = new Intl.DateTimeFormat('de-DE', { timeZone: MEETING_TIME_ZONE, dateStyle: 'full', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat('de-DE', { timeZone: MEETING_TIME_ZONE, timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('de-DE', { timeZone: MEETING_TIME_ZONE, dateStyle: 'medium' });

// "Mittwoch, 1. Juli 2026 um 18:00 – 20:00 Uhr" (German, Berlin time); the end's date is named
// only when it differs.
export function formatMeetingTime(startsAt: Date, endsAt: Date): string {
  const sameDay = toBerlinLocal(startsAt).slice(0, 10) === toBerlinLocal(endsAt).slice(0, 10);
  return sameDay ? `${display.format(startsAt)} – ${timeOnly.format(endsAt)} Uhr` : `${display.format(startsAt)} Uhr – ${display.format(endsAt)} Uhr`;
}

export function formatBerlinDate(value: Date): string {
  return dateOnly.format(value);
}

// The Berlin calendar day "YYYY-MM-DD" of an instant.
export function berlinDay(instant: Date): string {
  return toBerlinLocal(instant).slice(0, 10);
}
