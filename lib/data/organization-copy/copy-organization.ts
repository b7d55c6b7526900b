// A new entry as a copy of an existing one, as a starting point for a similar organization: a
// draft with the services, locations, the links between them, hours and coming closures, topics
// and languages. Contact persons with a name are never copied (their consent is for the original
// entry); functional contacts without a name are copied without any consent recorded.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';
import { snapshot, writeAudit } from '../audit';
import { uniqueSlug } from '../admin-organizations';
import { exceptionFieldsSelect, organizationFieldsSelect, scheduleFieldsSelect, serviceFieldsSelect } from '../field-selects';
import { assertUuid, inTransaction } from '../versioning';
import { db } from '@/lib/db';
import { keywordFieldValues, readKeywords } from '@/lib/schemas/keywords';

const sourceSelect = {
  id: true,
  ...organizationFieldsSelect,
  keywords: true,
  topics: { select: { termId: true } },
  services: {
    where: { deletedAt: null },
    select: {
      ...serviceFieldsSelect,
      sortOrder: true,
      terms: { select: { termId: true } },
      languageOffers: { where: { contactPersonId: null }, select: { languageCode: true, note: true, schedule: true } },
    },
  },
  locations: {
    where: { deletedAt: null },
    select: { id: true, name: true, street: true, postalCode: true, city: true, municipality: true, latitude: true, longitude: true, wheelchairAccessible: true, accessibilityNote: true, transportNote: true, sortOrder: true },
  },
  serviceAtLocations: { select: { id: true, serviceId: true, locationId: true, note: true } },
  schedules: { select: { ...scheduleFieldsSelect, serviceAtLocationId: true, note: true } },
  scheduleExceptions: { select: exceptionFieldsSelect },
  contacts: { where: { deletedAt: null }, select: { id: true, name: true, role: true, email: true, phone: true, mobile: true, visibility: true, serviceId: true, sortOrder: true, languageOffers: { select: { languageCode: true } } } },
} as const;

async function loadSource(id: string) {
  const source = await db.organization.findFirst({ where: { id, deletedAt: null }, select: sourceSelect });
  if (!source) throw new AppError('NOT_FOUND');
  return source;
}

// What a copy would take over, for the confirmation page.
export async function getCopyPreview({ actor, id }: { actor: Actor | null; id: string }) {
  requireScopeAll(actor, 'organization.create');
  assertUuid(id);
  const source = await loadSource(id);
  return {
    name: source.name,
    services: source.services.length,
    locations: source.locations.length,
    schedules: source.schedules.length,
    functionalContacts: source.contacts.filter((c) => !c.name).length,
    personalContacts: source.contacts.filter((c) => c.name).length,
  };
}

export async function copyOrganization({ actor, id }: { actor: Actor | null; id: string }): Promise<{ id: string; skippedContacts: number }> {
  const coordinator = requireScopeAll(actor, 'organization.create');
  assertUuid(id);
  const source = await loadSource(id);
  const today = new Date(new Date().toISOString().slice(0, 10));
  return inTransaction(async (tx) => {
    const name = `Kopie von ${source.name}`.slice(0, 200);
    const slug = await uniqueSlug(tx, name);
    const { id: _id, topics, services, locations, serviceAtLocations, schedules, scheduleExceptions, contacts, name: _name, keywords: sourceKeywords, ...scalars } = source;
    const organizationId = randomUUID();
    // The keywords go along (they say what the entry is about), audited per language like an edit.
    const keywords = readKeywords(sourceKeywords);
    const keywordChanges = Object.fromEntries(Object.entries(keywordFieldValues(keywords)).filter(([, words]) => words.length));
    await tx.organization.create({ data: { ...scalars, keywords, id: organizationId, name, slug, status: 'DRAFT', topics: { createMany: { data: topics } } } });
    await writeAudit(tx, {
      actor: coordinator,
      action: 'CREATE',
      entityType: 'Organization',
      entityId: organizationId,
      organizationId,
      changes: { ...snapshot({ ...scalars, name, slug, status: 'DRAFT', topicIds: topics.map((t) => t.termId), ...keywordChanges, copiedFrom: source.id }), version: { before: null, after: 1 } },
    });
    const serviceIds = new Map(services.map((s) => [s.id, randomUUID()]));
    const locationIds = new Map(locations.map((l) => [l.id, randomUUID()]));
    const linkIds = new Map<string, string>();
    for (const { id: oldId, terms, languageOffers, ...service } of services) {
      const newId = serviceIds.get(oldId)!;
      await tx.service.create({ data: { ...service, id: newId, organizationId } });
      if (terms.length) await tx.serviceTerm.createMany({ data: terms.map((t) => ({ serviceId: newId, termId: t.termId })) });
      if (languageOffers.length) await tx.languageOffer.createMany({ data: languageOffers.map((o) => ({ ...o, organizationId, serviceId: newId })) });
      await writeAudit(tx, { actor: coordinator, action: 'CREATE', entityType: 'Service', entityId: newId, organizationId, changes: { ...snapshot(service), version: { before: null, after: 1 } } });
    }
    for (const { id: oldId, ...location } of locations) {
      const newId = locationIds.get(oldId)!;
      await tx.location.create({ data: { ...location, id: newId, organizationId } });
      await writeAudit(tx, { actor: coordinator, action: 'CREATE', entityType: 'Location', entityId: newId, organizationId, changes: { ...snapshot(location), version: { before: null, after: 1 } } });
    }
    for (const link of serviceAtLocations) {
      const serviceId = serviceIds.get(link.serviceId);
      const locationId = locationIds.get(link.locationId);
      if (!serviceId || !locationId) continue;
      const newId = randomUUID();
      linkIds.set(link.id, newId);
      await tx.serviceAtLocation.create({ data: { id: newId, organizationId, serviceId, locationId, note: link.note } });
    }
    // Hours of copied services and locations only (not of ones in the trash).
    const mapped = <T extends string | null>(map: Map<string, string>, value: T) => (value === null ? null : (map.get(value) ?? undefined));
    const hours = schedules
      .map((s) => ({ ...s, serviceId: mapped(serviceIds, s.serviceId), locationId: mapped(locationIds, s.locationId), serviceAtLocationId: mapped(linkIds, s.serviceAtLocationId) }))
      .filter((s) => s.serviceId !== undefined && s.locationId !== undefined && s.serviceAtLocationId !== undefined);
    if (hours.length) await tx.schedule.createMany({ data: hours.map((s) => ({ ...s, organizationId })) as never });
    const closures = scheduleExceptions.filter((e) => e.endsOn >= today).map((e) => ({ ...e, locationId: mapped(locationIds, e.locationId) })).filter((e) => e.locationId !== undefined);
    if (closures.length) await tx.scheduleException.createMany({ data: closures.map((e) => ({ ...e, organizationId })) as never });
    let skippedContacts = 0;
    for (const { id: _contactId, languageOffers, name: personName, serviceId, ...contact } of contacts) {
      if (personName) {
        skippedContacts += 1;
        continue;
      }
      const newId = randomUUID();
      const newServiceId = serviceId ? (serviceIds.get(serviceId) ?? null) : null;
      await tx.contactPerson.create({ data: { ...contact, id: newId, organizationId, serviceId: newServiceId } });
      if (languageOffers.length) await tx.languageOffer.createMany({ data: languageOffers.map((o) => ({ organizationId, contactPersonId: newId, languageCode: o.languageCode })) });
      await writeAudit(tx, { actor: coordinator, action: 'CREATE', entityType: 'ContactPerson', entityId: newId, organizationId, changes: { ...snapshot({ ...contact, serviceId: newServiceId }), version: { before: null, after: 1 } } });
    }
    return { id: organizationId, skippedContacts };
  });
}
