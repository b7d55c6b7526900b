import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { meetingReadWhere, placeLine, meetingPlaceSelect } from './shared';

export interface MeetingListItem {
  id: string;
  title: string;
  kind: 'NETWORK_MEETING' | 'WORKING_GROUP' | 'ROUND_TABLE' | 'OTHER';
  startsAt: Date;
  endsAt: Date;
  status: 'PLANNED' | 'CANCELLED' | 'HELD';
  place: string | null;
  hasPublishedMinutes: boolean;
}

// Upcoming first (soonest at the top), then past ones (latest first).
export async function listMeetings({ actor }: { actor: Actor | null }): Promise<{ upcoming: MeetingListItem[]; past: MeetingListItem[] }> {
  const where = meetingReadWhere(actor);
  const rows = await db.meeting.findMany({
    where,
    orderBy: { startsAt: 'asc' },
    select: { id: true, title: true, kind: true, startsAt: true, endsAt: true, status: true, minutesPublishedAt: true, ...meetingPlaceSelect },
  });
  const now = new Date();
  const items = rows.map((row) => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    place: placeLine(row) ?? (row.onlineUrl ? 'online' : null),
    hasPublishedMinutes: Boolean(row.minutesPublishedAt),
  }));
  return { upcoming: items.filter((m) => m.endsAt > now), past: items.filter((m) => m.endsAt <= now).reverse() };
}
