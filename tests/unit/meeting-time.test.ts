// Meeting times: Berlin wall time <-> UTC across both daylight-saving changes, and the ICS writer's
// UID/SEQUENCE/METHOD (parsed back with ical.js).
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { berlinLocalToUtc, utcToBerlinLocal } from '@/lib/format/berlin-time';
import { formatMeetingTime } from '@/lib/meetings/berlin-time';
import { buildInvitationIcs } from '@/lib/meetings/ics';

describe('Berlin wall time', () => {
  it('converts summer and winter times and refuses the spring gap', () => {
    expect(berlinLocalToUtc('2027-07-01T18:00')?.toISOString()).toBe('2027-07-01T16:00:00.000Z');
    expect(berlinLocalToUtc('2027-01-14T09:30')?.toISOString()).toBe('2027-01-14T08:30:00.000Z');
    expect(berlinLocalToUtc('2027-03-28T01:59')?.toISOString()).toBe('2027-03-28T00:59:00.000Z');
    expect(berlinLocalToUtc('2027-03-28T02:30')).toBeNull();
    expect(berlinLocalToUtc('2027-03-28T03:00')?.toISOString()).toBe('2027-03-28T01:00:00.000Z');
    // The repeated autumn hour means its first (summer-time) occurrence.
    expect(berlinLocalToUtc('2027-10-31T02:30')?.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(berlinLocalToUtc('2027-13-01T10:00')).toBeNull();
    expect(berlinLocalToUtc('1.7.2027 18:00')).toBeNull();
    expect(utcToBerlinLocal(new Date('2027-12-31T23:30:00Z'))).toBe('2028-01-01T00:30');
  });

  it('formats a meeting in German', () => {
    expect(formatMeetingTime(new Date('2027-07-01T16:00:00Z'), new Date('2027-07-01T18:00:00Z'))).toBe('Donnerstag, 1. Juli 2027 um 18:00 – 20:00 Uhr');
  });
});

describe('invitation ICS', () => {
  const meeting = {
    id: '7f8d3c1e-0000-4000-8000-000000000001',
    title: 'Netzwerktreffen (Beispiel)',
    description: 'Tagesordnung folgt.',
    startsAt: new Date('2027-01-14T08:30:00Z'),
    endsAt: new Date('2027-01-14T11:00:00Z'),
    place: 'Rathaus Stendal (Beispiel)',
    onlineUrl: null,
    status: 'PLANNED' as const,
    sequence: 3,
    updatedAt: new Date('2026-12-01T10:00:00Z'),
  };
  const options = { organizer: { name: 'Koordinierungsstelle (Beispiel)', email: 'treffen@example.org' }, uidDomain: 'netzwerk.example.org', attendee: { email: 'a@example.org', name: null } };

  it('writes REQUEST with a stable UID and the SEQUENCE; CANCEL when cancelled', () => {
    const request = new ICAL.Component(ICAL.parse(buildInvitationIcs(meeting, options)));
    const event = new ICAL.Event(request.getFirstSubcomponent('vevent')!);
    expect(request.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`meeting-${meeting.id}@netzwerk.example.org`);
    expect(event.sequence).toBe(3);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-01-14T08:30:00.000Z');
    const cancel = new ICAL.Component(ICAL.parse(buildInvitationIcs({ ...meeting, status: 'CANCELLED', sequence: 4 }, options)));
    const cancelled = cancel.getFirstSubcomponent('vevent')!;
    expect(cancel.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(new ICAL.Event(cancelled).uid).toBe(event.uid);
  });
});
