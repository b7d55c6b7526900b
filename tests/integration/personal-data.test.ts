import { beforeEach, describe, expect, it } from 'vitest';
import { getPublicOrganizationPage } from '@/lib/data/organizations';
import { eraseContactPerson, exportContactPersonData, withdrawConsent } from '@/lib/data/personal-data';
import type { Actor } from '@/lib/permissions';
import { createContactPerson, createLanguageOffer, createOrganization, createUser } from '../factories';
import { getTestDb, resetDb } from '../setup/db';

async function actors(orgId: string) {
  const user = await createUser({ role: 'ADMIN' });
  const admin: Actor = { id: user.id, name: 'Koordinatorin (Beispiel)', email: user.email, role: 'ADMIN', organizationIds: [] };
  const ownPartner: Actor = { id: user.id, name: 'Partner (Beispiel)', email: user.email, role: 'PARTNER', organizationIds: [orgId] };
  const otherPartner: Actor = { ...ownPartner, organizationIds: ['00000000-0000-4000-8000-000000000000'] };
  return { admin, ownPartner, otherPartner };
}

async function publicContacts(slug: string) {
  const page = await getPublicOrganizationPage({ slug, locale: 'de' });
  return { contacts: (page?.contacts ?? []).map((contact) => ({ id: contact.id })) };
}

async function publicPerson() {
  const org = await createOrganization();
  const contact = await createContactPerson({
    organizationId: org.id,
    name: 'Erika Beispiel',
    role: 'Beratung (Beispiel)',
    email: 'erika@example.org',
    visibility: 'PUBLIC',
    consentGivenAt: new Date(),
  });
  return { org, contact };
}

describe('personal data of contact persons', () => {
  beforeEach(resetDb);

  it('hides a person from public pages as soon as consent is withdrawn', async () => {
    const { org, contact } = await publicPerson();
    const { ownPartner, otherPartner } = await actors(org.id);
    expect((await publicContacts(org.slug)).contacts.map((c) => c.id)).toEqual([contact.id]);

    await expect(withdrawConsent({ actor: otherPartner, contactId: contact.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(withdrawConsent({ actor: null, contactId: contact.id })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await publicContacts(org.slug)).contacts).toHaveLength(1);

    await withdrawConsent({ actor: ownPartner, contactId: contact.id });
    expect((await publicContacts(org.slug)).contacts).toEqual([]);
    expect(await getTestDb().auditLog.count({ where: { entityId: contact.id } })).toBe(1);
  });

  it('exports everything stored about a person, for coordinators only', async () => {
    const { org, contact } = await publicPerson();
    const { admin, ownPartner } = await actors(org.id);
    await createLanguageOffer({ organizationId: org.id, contactPersonId: contact.id });
    await expect(exportContactPersonData({ actor: ownPartner, contactId: contact.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const data = await exportContactPersonData({ actor: admin, contactId: contact.id });
    expect(data.contactPerson).toMatchObject({ name: 'Erika Beispiel', email: 'erika@example.org' });
    expect(data.contactPerson.languageOffers).toEqual([expect.objectContaining({ languageCode: 'ar' })]);
    expect(JSON.parse(JSON.stringify(data))).toBeTruthy();
  });

  it('erases a person and keeps only the fact of the erasure', async () => {
    const { org, contact } = await publicPerson();
    const { admin, ownPartner } = await actors(org.id);
    await getTestDb().auditLog.create({
      data: {
        actorName: 'Vorher',
        action: 'UPDATE',
        entityType: 'ContactPerson',
        entityId: contact.id,
        organizationId: org.id,
        changes: { email: { before: 'alt@example.org', after: 'erika@example.org' } },
      },
    });
    await expect(eraseContactPerson({ actor: ownPartner, contactId: contact.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await eraseContactPerson({ actor: admin, contactId: contact.id });
    expect(await getTestDb().contactPerson.findUnique({ where: { id: contact.id } })).toBeNull();
    const log = await getTestDb().auditLog.findMany({ where: { entityId: contact.id }, orderBy: { id: 'asc' } });
    expect(log.map((row) => row.action)).toEqual(['UPDATE', 'ERASE']);
    const text = JSON.stringify(log.map((row) => row.changes));
    expect(text).not.toContain('erika@example.org');
    expect(text).not.toContain('alt@example.org');
    // Outside an erasure the audit log stays immutable.
    await expect(
      getTestDb().auditLog.update({ where: { id: log[0].id }, data: { changes: { tampered: true } } }),
    ).rejects.toThrow();
  });
});
