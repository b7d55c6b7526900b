// The current values of the record a request is about: for the version check and the diff.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { db } from '@/lib/db';
import type { ChangeEntityType } from '@/lib/schemas/change-request';
import { keywordFieldValues } from '@/lib/schemas/keywords';
import { consentState } from '@/lib/schemas/organization';

export interface CurrentRecord {
  // null for records without versions (weekly slots, exceptions).
  version: number | null;
  values: Record<string, unknown>;
}

type Client = Prisma.TransactionClient | typeof db;

const codes = (offers: { languageCode: string }[]) => [...new Set(offers.map((offer) => offer.languageCode))];

export async function loadCurrent(client: Client, entityType: ChangeEntityType, id: string, organizationId: string): Promise<CurrentRecord | null> {
  const where = { id, organizationId };
  switch (entityType) {
    case 'Organization': {
      const row = await client.organization.findFirst({
        where: { id: organizationId, deletedAt: null },
        select: {
          name: true, shortName: true, description: true, categoryId: true, parentId: true, website: true, email: true, phone: true,
          isCoordinationOffice: true, reviewIntervalMonths: true, sortOrder: true, version: true, topics: { select: { termId: true } }, keywords: true,
        },
      });
      if (!row || id !== organizationId) return null;
      const { topics, version, keywords, ...values } = row;
      return { version, values: { ...values, topicIds: topics.map((t) => t.termId), ...keywordFieldValues(keywords) } };
    }
    case 'Service': {
      const row = await client.service.findFirst({
        where: { ...where, deletedAt: null },
        select: {
          name: true, description: true, minAge: true, maxAge: true, eligibility: true, cost: true, howToApply: true,
          appointmentRequired: true, interpretationOffered: true, status: true, alertText: true, sortOrder: true, version: true,
          terms: { select: { termId: true } },
          locations: { select: { locationId: true } },
          languageOffers: { where: { contactPersonId: null }, select: { languageCode: true } },
        },
      });
      if (!row) return null;
      const { terms, locations, languageOffers, version, ...values } = row;
      return { version, values: { ...values, termIds: terms.map((t) => t.termId), locationIds: locations.map((l) => l.locationId), languageCodes: codes(languageOffers) } };
    }
    case 'Location': {
      const row = await client.location.findFirst({
        where: { ...where, deletedAt: null },
        select: {
          name: true, street: true, postalCode: true, city: true, municipality: true, latitude: true, longitude: true,
          wheelchairAccessible: true, accessibilityNote: true, transportNote: true, sortOrder: true, version: true,
        },
      });
      if (!row) return null;
      const { version, ...values } = row;
      return { version, values };
    }
    case 'ContactPerson': {
      const row = await client.contactPerson.findFirst({
        where: { ...where, deletedAt: null },
        select: {
          serviceId: true, role: true, name: true, email: true, phone: true, mobile: true, visibility: true, consentGivenAt: true,
          consentScope: true, consentWithdrawnAt: true, sortOrder: true, version: true, languageOffers: { select: { languageCode: true } },
        },
      });
      if (!row) return null;
      const { languageOffers, version, consentGivenAt, consentWithdrawnAt, ...values } = row;
      return { version, values: { ...values, consent: consentState({ consentGivenAt, consentWithdrawnAt }), languageCodes: codes(languageOffers) } };
    }
    case 'Schedule': {
      const row = await client.schedule.findFirst({
        where,
        select: { serviceId: true, locationId: true, weekday: true, opensAt: true, closesAt: true, appointmentOnly: true, validFrom: true, validTo: true, note: true },
      });
      return row ? { version: null, values: row } : null;
    }
    case 'Project': {
      // A project belongs to its lead organization and to each partner organization.
      const row = await client.project.findFirst({
        where: { id, deletedAt: null, OR: [{ leadOrganizationId: organizationId }, { partners: { some: { organizationId } } }] },
        select: {
          title: true, summary: true, leadOrganizationId: true, startsOn: true, endsOn: true, status: true, funding: true, results: true,
          contactPersonId: true, version: true, partners: { select: { organizationId: true } }, terms: { select: { termId: true } },
        },
      });
      if (!row) return null;
      const { partners, terms, version, ...values } = row;
      return { version, values: { ...values, partnerOrganizationIds: partners.map((p) => p.organizationId), termIds: terms.map((t) => t.termId) } };
    }
    case 'Event': {
      const row = await client.event.findFirst({
        where: { id, organizerId: organizationId, deletedAt: null },
        select: {
          title: true, description: true, startsAt: true, endsAt: true, organizerId: true, locationId: true, placeName: true, placeAddress: true,
          town: true, onlineUrl: true, languageCodes: true, isFree: true, cost: true, registrationRequired: true, registrationInfo: true,
          registrationUrl: true, registrationUntil: true, isCancelled: true, version: true, terms: { select: { termId: true } },
        },
      });
      if (!row) return null;
      const { terms, version, ...values } = row;
      return { version, values: { ...values, termIds: terms.map((t) => t.termId) } };
    }
    case 'ScheduleException': {
      const row = await client.scheduleException.findFirst({
        where,
        select: { locationId: true, startsOn: true, endsOn: true, isClosed: true, opensAt: true, closesAt: true, note: true },
      });
      return row ? { version: null, values: row } : null;
    }
  }
}
