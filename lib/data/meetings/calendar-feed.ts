// The personal calendar feed: a secret URL per user listing the meetings they are invited to (by
// organization or as a contact). Only the token's SHA-256 is stored; the token is shown once when
// made. Making a new one replaces the old (the old URL stops working); revoking removes it.
import 'server-only';
import { db } from '@/lib/db';
import { createToken, hashToken, isWellFormedToken } from '@/lib/auth/tokens';
import { appUrl } from '@/lib/mail/send';
import { buildFeedIcs } from '@/lib/meetings/ics';
import type { Actor } from '@/lib/permissions';
import { assertActor } from '../access';
import { writeAudit } from '../audit';
import { icsOptions, meetingMailSelect, meetingReadWhere, toIcsMeeting } from './shared';

function calendarFeedUrl(token: string): string {
  return appUrl(`/api/kalender/${token}`);
}

export async function getCalendarFeedStatus({ actor }: { actor: Actor | null }): Promise<{ createdAt: Date | null }> {
  assertActor(actor);
  meetingReadWhere(actor);
  const row = await db.calendarFeed.findUnique({ where: { userId: actor.id }, select: { createdAt: true } });
  return { createdAt: row?.createdAt ?? null };
}

export async function createCalendarFeed({ actor }: { actor: Actor | null }): Promise<{ url: string }> {
  assertActor(actor);
  meetingReadWhere(actor);
  const { token, tokenHash } = createToken();
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.upsert({ where: { userId: actor.id }, create: { userId: actor.id, tokenHash }, update: { tokenHash, createdAt: new Date() } });
    await writeAudit(tx, { actor, action: 'CREATE', entityType: 'CalendarFeed', entityId: actor.id });
  });
  return { url: calendarFeedUrl(token) };
}

export async function revokeCalendarFeed({ actor }: { actor: Actor | null }): Promise<void> {
  assertActor(actor);
  await db.$transaction(async (tx) => {
    const removed = await tx.calendarFeed.deleteMany({ where: { userId: actor.id } });
    if (removed.count) await writeAudit(tx, { actor, action: 'DELETE', entityType: 'CalendarFeed', entityId: actor.id });
  });
}

// The feed's body for a token, or null (unknown, revoked, or the account is inactive). The
// meetings are read with the owner's current rights, so a lost membership drops them at once.
export async function renderCalendarFeed({ token }: { token: string }): Promise<string | null> {
  if (!isWellFormedToken(token)) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { user: { select: { id: true, name: true, email: true, role: true, isActive: true, memberships: { select: { organizationId: true } } } } },
  });
  if (!feed || !feed.user.isActive) return null;
  const owner: Actor = { id: feed.user.id, name: feed.user.name, email: feed.user.email, role: feed.user.role, organizationIds: feed.user.memberships.map((m) => m.organizationId) };
  const since = new Date(Date.now() - 180 * 86_400_000);
  const meetings = await db.meeting.findMany({ where: { AND: [meetingReadWhere(owner), { endsAt: { gte: since } }] }, orderBy: { startsAt: 'asc' }, select: meetingMailSelect });
  return buildFeedIcs(meetings.map(toIcsMeeting), { ...icsOptions(), name: 'Netzwerk Integration Stendal – Treffen' });
}
