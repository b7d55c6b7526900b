// Consultation hours of a contact person (issue 9): stored with the languages of the slot and a
// booking link, shown with the person on the actor page, counted by "open now" and hidden with the
// person (the GDPR visibility rule of lib/data/visibility.ts reaches the person's hours).
import { beforeEach, describe, expect, it } from 'vitest';
import { listOpenOrganizationIds } from '@/lib/data/opening-hours';
import { getPublicOrganizationPage } from '@/lib/data/organizations';
import { createSchedule } from '@/lib/data/schedules';
import { getOpenStatus } from '@/lib/schedule/open-status';
import { createContactPerson, createLanguage, createOrganization } from '../factories/index.ts';
import { berlinInstant } from '../fixtures/opening-hours-cases.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor } from './helpers/admin-actors.ts';

const db = getTestDb();
const consent = { visibility: 'PUBLIC' as const, consentGivenAt: new Date('2026-01-05T10:00:00Z'), consentScope: 'Veröffentlichung (Beispiel)' };
// A Tuesday without a public holiday, and Reformationstag (also a Tuesday).
const TUESDAY = '2028-11-07';
const REFORMATIONSTAG = '2028-10-31';

beforeEach(async () => {
  await resetDb();
  await createLanguage({ code: 'ar' });
});

async function organizationWithContactHours() {
  const admin = await createAdminActor();
  const org = await createOrganization();
  const contact = await createContactPerson({ organizationId: org.id, ...consent });
  await createSchedule({
    actor: admin,
    organizationId: org.id,
    input: { contactPersonId: contact.id, weekday: '2', opensAt: '09:00', closesAt: '12:00', languageCodes: ['ar'], appointmentOnly: 'on', bookingUrl: 'https://example.org/termin' },
  });
  return { admin, org, contact };
}

describe('hours of a contact person', () => {
  it('are stored with their languages and booking link, shown with the person and counted as open', async () => {
    const { org, contact } = await organizationWithContactHours();
    const page = (await getPublicOrganizationPage({ slug: org.slug, locale: 'de' }))!;
    expect(page.schedules).toEqual([
      expect.objectContaining({ contactPersonId: contact.id, weekday: 2, opensAt: 540, closesAt: 720, languageCodes: ['ar'], appointmentOnly: true, bookingUrl: 'https://example.org/termin' }),
    ]);
    const now = berlinInstant(TUESDAY, '10:00');
    expect(getOpenStatus(page.schedules, page.exceptions, now).kind).toBe('open');
    expect(await listOpenOrganizationIds({ now })).toContain(org.id);
    // A public holiday closes them like every regular slot.
    const holiday = berlinInstant(REFORMATIONSTAG, '10:00');
    expect(getOpenStatus(page.schedules, page.exceptions, holiday).kind).toBe('closed');
    expect(await listOpenOrganizationIds({ now: holiday })).not.toContain(org.id);
  });

  it.each([
    ['internal', { visibility: 'NETWORK_INTERNAL' as const }],
    ['without consent', { consentGivenAt: null }],
    ['consent withdrawn', { consentWithdrawnAt: new Date() }],
    ['deleted', { deletedAt: new Date() }],
  ])('disappear with a hidden person (%s), from the page and from "open now"', async (_state, hidden) => {
    const { org, contact } = await organizationWithContactHours();
    await db.contactPerson.update({ where: { id: contact.id }, data: hidden });
    const page = (await getPublicOrganizationPage({ slug: org.slug, locale: 'de' }))!;
    expect(page.schedules).toEqual([]);
    expect(JSON.stringify(page)).not.toContain('example.org/termin');
    expect(await listOpenOrganizationIds({ now: berlinInstant(TUESDAY, '10:00') })).not.toContain(org.id);
  });

  it('refuse a person of another organization, unknown languages and a booking link without "nur mit Termin"', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization();
    const stranger = await createContactPerson({ ...consent });
    const base = { weekday: '2', opensAt: '09:00', closesAt: '12:00' };
    await expect(createSchedule({ actor: admin, organizationId: org.id, input: { ...base, contactPersonId: stranger.id } })).rejects.toMatchObject({
      details: { fieldErrors: { contactPersonId: [expect.any(String)] } },
    });
    await expect(createSchedule({ actor: admin, organizationId: org.id, input: { ...base, languageCodes: ['qq'] } })).rejects.toMatchObject({
      details: { fieldErrors: { languageCodes: [expect.any(String)] } },
    });
    await expect(createSchedule({ actor: admin, organizationId: org.id, input: { ...base, bookingUrl: 'https://example.org/termin' } })).rejects.toMatchObject({
      details: { fieldErrors: { bookingUrl: [expect.any(String)] } },
    });
    expect(await db.schedule.count({ where: { organizationId: org.id } })).toBe(0);
  });
});
