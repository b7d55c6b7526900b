import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { getHsdsOrganization, listHsdsOrganizations } from '@/lib/data/hsds';
import { hsdsPage, mapOrganizationToHsds } from '@/lib/hsds/map';
import {
  createContactPerson,
  createLanguage,
  createLanguageOffer,
  createLocation,
  createOrganization,
  createSchedule,
  createService,
  createTaxonomyTerm,
} from '../factories';

const BASE_URL = 'https://netzwerk.example.org';

function loadValidator() {
  // The HSDS files add their own keywords (constraints, datapackage_metadata): strict mode off.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync('data/hsds-3.0/organization.json', 'utf8'));
  return ajv.compile(schema);
}

describe('HSDS 3.0 export', () => {
  const validate = loadValidator();
  let orgId: string;

  beforeAll(async () => {
    const topic = await createTaxonomyTerm({ kind: 'TOPIC', slug: 'beratung-hsds', label: 'Beratung' });
    const org = await createOrganization({
      name: 'Beratungszentrum (Beispiel)',
      shortName: 'BZ',
      phone: '03931 00-0000',
      website: 'https://beratung.example.org',
      topics: { create: [{ termId: topic.id }] },
    });
    orgId = org.id;
    const location = await createLocation({ organizationId: org.id, wheelchairAccessible: true });
    const service = await createService({
      organizationId: org.id,
      name: 'Migrationsberatung (Beispiel)',
      minAge: 27,
      status: 'TEMPORARILY_CLOSED',
      alertText: 'Im August geschlossen.',
      locations: { create: [{ organizationId: org.id, locationId: location.id }] },
    });
    await createLanguage({ code: 'ar', nameDe: 'Arabisch', nameNative: 'العربية' });
    await createLanguageOffer({ organizationId: org.id, serviceId: service.id, languageCode: 'ar', note: 'dienstags' });
    await createSchedule({ organizationId: org.id, serviceId: service.id, weekday: 2, opensAt: 540, closesAt: 720 });
    await createContactPerson({
      organizationId: org.id,
      role: 'Öffentliche Beratung (Beispiel)',
      phone: '03931 00-0001',
      visibility: 'PUBLIC',
      consentGivenAt: new Date(),
    });
    await createContactPerson({ organizationId: org.id, role: 'Interne Leitung (Beispiel)', visibility: 'NETWORK_INTERNAL' });
    await createContactPerson({
      organizationId: org.id,
      role: 'Widerrufen (Beispiel)',
      visibility: 'PUBLIC',
      consentGivenAt: new Date(),
      consentWithdrawnAt: new Date(),
    });
    await createService({ organizationId: org.id, name: 'Gelöschtes Angebot (Beispiel)', deletedAt: new Date() });
    await createOrganization({ name: 'Entwurf (Beispiel)', status: 'DRAFT' });
    await createOrganization({ name: 'Archiviert (Beispiel)', status: 'ARCHIVED' });
    await createOrganization({ name: 'Im Papierkorb (Beispiel)', deletedAt: new Date() });
  });

  it('produces organizations that validate against the HSDS 3.0 schema', async () => {
    const source = await getHsdsOrganization({ id: orgId });
    expect(source).not.toBeNull();
    const hsds = mapOrganizationToHsds(source!, { baseUrl: BASE_URL });
    const isValid = validate(hsds);
    expect(validate.errors ?? []).toEqual([]);
    expect(isValid).toBe(true);
    expect(hsds.services?.[0]).toMatchObject({
      name: 'Migrationsberatung (Beispiel)',
      status: 'temporarily closed',
      minimum_age: 27,
      alert: 'Im August geschlossen.',
      languages: [expect.objectContaining({ code: 'ar', note: 'dienstags' })],
      schedules: [expect.objectContaining({ byday: 'TU', opens_at: '09:00', closes_at: '12:00', freq: 'WEEKLY' })],
    });
    expect(hsds.locations?.[0].addresses?.[0]).toMatchObject({ city: 'Stendal', country: 'DE' });
    expect(hsds.phones?.[0].number).toBe('03931 00-0000');
  });

  it('exports only public contacts and active records', async () => {
    const hsds = mapOrganizationToHsds((await getHsdsOrganization({ id: orgId }))!, { baseUrl: BASE_URL });
    const text = JSON.stringify(hsds);
    expect(text).toContain('Öffentliche Beratung (Beispiel)');
    expect(text).not.toContain('Interne Leitung');
    expect(text).not.toContain('Widerrufen');
    expect(text).not.toContain('Gelöschtes Angebot');
  });

  it('lists published organizations only, paged', async () => {
    const { total, organizations } = await listHsdsOrganizations({ page: 1, perPage: 100 });
    const names = organizations.map((org) => org.name);
    expect(names).toContain('Beratungszentrum (Beispiel)');
    expect(names).not.toContain('Entwurf (Beispiel)');
    expect(names).not.toContain('Archiviert (Beispiel)');
    expect(names).not.toContain('Im Papierkorb (Beispiel)');
    expect(total).toBe(organizations.length);
    const page = hsdsPage(organizations.map((org) => mapOrganizationToHsds(org, { baseUrl: BASE_URL })), {
      total,
      page: 1,
      size: 100,
    });
    expect(page).toMatchObject({ total_items: total, page_number: 1, first_page: true, last_page: true, empty: false });
    for (const item of page.contents) expect(validate(item)).toBe(true);
  });

  it('keeps derived ids stable between exports', async () => {
    const source = (await getHsdsOrganization({ id: orgId }))!;
    const first = mapOrganizationToHsds(source, { baseUrl: BASE_URL });
    const second = mapOrganizationToHsds(source, { baseUrl: BASE_URL });
    expect(first.phones?.[0].id).toBe(second.phones?.[0].id);
    expect(first.phones?.[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
