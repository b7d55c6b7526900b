// Reminders the day before (`npm run reminders`): every invitee of a planned meeting that starts
// tomorrow (Berlin calendar day) who has not answered "no" gets one reminder. Each invitee is
// claimed with a conditional update before the mail goes out, so repeated or parallel runs never
// remind anybody twice.
import 'server-only';
import { db } from '@/lib/db';
import { berlinLocalToUtc } from '@/lib/format/berlin-time';
import { berlinDay } from '@/lib/meetings/berlin-time';
import { mailInvitees } from './shared';

function tomorrowRange(now: Date): { from: Date; to: Date } {
  const today = berlinDay(now);
  const day = new Date(`${today}T12:00:00Z`);
  const next = (offset: number) => new Date(day.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return { from: berlinLocalToUtc(`${next(1)}T00:00`)!, to: berlinLocalToUtc(`${next(2)}T00:00`)! };
}

export async function sendMeetingReminders({ now = new Date() }: { actor: 'system'; now?: Date }): Promise<{ meetings: number; sent: number; failed: number }> {
  const { from, to } = tomorrowRange(now);
  const meetings = await db.meeting.findMany({ where: { status: 'PLANNED', startsAt: { gte: from, lt: to } }, select: { id: true } });
  const result = { meetings: 0, sent: 0, failed: 0 };
  for (const meeting of meetings) {
    const candidates = await db.meetingInvitee.findMany({
      where: { meetingId: meeting.id, remindedAt: null, sentSequence: { not: null }, OR: [{ answer: null }, { answer: { not: 'NO' } }] },
      select: { id: true },
    });
    const claimed: string[] = [];
    for (const candidate of candidates) {
      const won = await db.meetingInvitee.updateMany({ where: { id: candidate.id, remindedAt: null }, data: { remindedAt: new Date() } });
      if (won.count === 1) claimed.push(candidate.id);
    }
    if (!claimed.length) continue;
    result.meetings += 1;
    const mailing = await mailInvitees({ meetingId: meeting.id, inviteeIds: claimed, kind: 'REMINDER', senderName: 'Koordinierungsstelle' });
    result.sent += mailing.sent;
    result.failed += mailing.failed;
  }
  return result;
}
