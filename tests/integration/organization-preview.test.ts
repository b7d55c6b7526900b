// The preview of an unpublished entry and of a pending proposal (issue 9, point 5): the public page's
// own read with the public rules below the organization, only its status left out; proposals laid
// over the record they change; only for coordinators and the entry's partners.
import { beforeEach, describe, expect, it } from 'vitest';
import { proposeChange } from '@/lib/data/change-requests/propose';
import { getOrganizationPreview } from '@/lib/data/organization-preview';
import { getPublicOrganizationPage } from '@/lib/data/organizations';
import { createContactPerson, createOrganization, createService } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';
import { expectCode } from './helpers/server-actions.ts';

const db = getTestDb();

beforeEach(async () => {
  await resetDb();
});

async function draftEntry() {
  const org = await createOrganization({ name: 'Neue Beratung (Beispiel)', slug: 'neue-beratung', status: 'DRAFT', isTrusted: false, phone: '03931 60-7000' });
  const service = await createService({ organizationId: org.id, name: 'Sprechstunde (Beispiel)' });
  await createService({ organizationId: org.id, name: 'Gelöschtes Angebot (Beispiel)', deletedAt: new Date() });
  const publicContact = await createContactPerson({ organizationId: org.id, role: 'Beratung (Beispiel)', visibility: 'PUBLIC', consentGivenAt: new Date(), consentScope: 'Name und Telefon' });
  await createContactPerson({ organizationId: org.id, role: 'Intern (Beispiel)', visibility: 'NETWORK_INTERNAL' });
  await createContactPerson({ organizationId: org.id, role: 'Ohne Einwilligung (Beispiel)', visibility: 'PUBLIC' });
  return { org, service, publicContact };
}

describe('preview of an entry', () => {
  it('shows a draft to coordinators and its partners as the public page will show it', async () => {
    const { org, service, publicContact } = await draftEntry();
    expect(await getPublicOrganizationPage({ slug: org.slug, locale: 'de' })).toBeNull();
    for (const actor of [await createAdminActor(), await createPartnerActor([org.id])]) {
      const preview = await getOrganizationPreview({ actor, id: org.id, locale: 'de' });
      expect(preview?.organization.name.value).toBe('Neue Beratung (Beispiel)');
      expect(preview?.organization.services.map((s) => s.id)).toEqual([service.id]);
      // Exactly the public rules below the organization: no internal contact, none without consent.
      expect(preview?.organization.contacts.map((c) => c.id)).toEqual([publicContact.id]);
      expect(preview?.proposal).toBeNull();
    }
  });

  it('refuses anonymous visitors and partners of other entries, and deleted entries', async () => {
    const { org } = await draftEntry();
    const other = await createOrganization({ name: 'Andere (Beispiel)' });
    await expectCode(getOrganizationPreview({ actor: null, id: org.id, locale: 'de' }), 'UNAUTHENTICATED');
    expect(await getOrganizationPreview({ actor: await createPartnerActor([other.id]), id: org.id, locale: 'de' })).toBeNull();
    await db.organization.update({ where: { id: org.id }, data: { deletedAt: new Date() } });
    expect(await getOrganizationPreview({ actor: await createAdminActor(), id: org.id, locale: 'de' })).toBeNull();
  });

  it('lays a pending proposal over the record it changes, for the organization and for a service', async () => {
    const { org, service } = await draftEntry();
    const partner = await createPartnerActor([org.id]);
    const orgProposal = await proposeChange({
      actor: partner,
      organizationId: org.id,
      entityType: 'Organization',
      action: 'UPDATE',
      baseVersion: 1,
      input: { name: 'Beratung am Markt (Beispiel)', phone: '03931 60-7001', description: 'Neu: **offene** Sprechstunde' },
    });
    const serviceProposal = await proposeChange({
      actor: partner,
      organizationId: org.id,
      entityType: 'Service',
      action: 'UPDATE',
      entityId: service.id,
      baseVersion: 1,
      input: { name: 'Offene Sprechstunde (Beispiel)', appointmentRequired: 'on', status: 'TEMPORARILY_CLOSED' },
    });
    const admin = await createAdminActor();
    const withOrg = await getOrganizationPreview({ actor: admin, id: org.id, locale: 'de', proposalId: orgProposal.id });
    expect(withOrg?.proposal).toMatchObject({ id: orgProposal.id, entityType: 'Organization' });
    expect(withOrg?.organization).toMatchObject({ name: { value: 'Beratung am Markt (Beispiel)' }, phone: '03931 60-7001', description: { value: 'Neu: **offene** Sprechstunde' } });
    const withService = await getOrganizationPreview({ actor: partner, id: org.id, locale: 'de', proposalId: serviceProposal.id });
    expect(withService?.organization.name.value).toBe('Neue Beratung (Beispiel)');
    expect(withService?.organization.services[0]).toMatchObject({ name: { value: 'Offene Sprechstunde (Beispiel)' }, appointmentRequired: true, isTemporarilyClosed: true });
    // Nothing was written, and the proposal of another entry is not found here.
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe('Neue Beratung (Beispiel)');
    const other = await createOrganization({ name: 'Andere (Beispiel)' });
    expect(await getOrganizationPreview({ actor: admin, id: other.id, locale: 'de', proposalId: orgProposal.id })).toBeNull();
  });
});
