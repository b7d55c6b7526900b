// Times of meetings, events and the yearly report: entered and shown as wall-clock time in
// Europe/Berlin, stored as UTC instants. Pure (Intl only), so the daylight-saving edges are unit-tested.
const TIME_ZONE = 'Europe/Berlin';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function berlinParts(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes Berlin is ahead of UTC at the instant (60 in winter, 120 in summer). */
function berlinOffsetMinutes(instant: Date): number {
  const p = berlinParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-12-10T18:00" (Berlin wall clock) to the UTC instant; null when malformed, not a real date,
 * or in the spring gap (a wall time that does not exist). A time that exists twice (the autumn
 * hour) means its first, summer-time instant. The one conversion for meetings, events and reports.
 */
export function berlinLocalToUtc(local: string): Date | null {
  const m = LOCAL_RE.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Berlin is UTC+2 or UTC+1: the summer offset first, so that the repeated autumn hour resolves
  // to its first occurrence; the round trip refuses impossible dates and the gap.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (utcToBerlinLocal(candidate) === local) return candidate;
  }
  return null;
}

/** The instant as "YYYY-MM-DDTHH:MM" in Berlin (the value of a datetime-local field). */
export function utcToBerlinLocal(instant: Date): string {
  const p = berlinParts(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** ISO 8601 with Berlin's offset, "2026-12-10T18:00:00+01:00" (schema.org startDate). */
export function berlinIso(instant: Date): string {
  const offset = berlinOffsetMinutes(instant);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${utcToBerlinLocal(instant)}:00${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** The Berlin calendar month "YYYY-MM" of the instant. */
export function berlinMonth(instant: Date): string {
  return utcToBerlinLocal(instant).slice(0, 7);
}
