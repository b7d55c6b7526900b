// Records with sensible defaults for tests. Values are clearly synthetic: names end in
// "(Beispiel)", e-mail addresses are under example.org. Every factory takes overrides (unchecked
// create input: plain foreign-key ids) and optionally the client to use.
import { randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { getTestDb } from '../setup/db.ts';

let counter = 0;
// Unique within a run and across parallel files: a counter plus a random suffix.
function uniqueSuffix(): string {
  counter += 1;
  return `${counter}-${randomBytes(3).toString('hex')}`;
}

type Overrides<T> = Partial<T>;

export async function createOrganization(
  overrides: Overrides<Prisma.OrganizationUncheckedCreateInput> = {},
  db: PrismaClient = getTestDb(),
) {
  const suffix = uniqueSuffix();
  return db.organization.create({
    data: {
      slug: `traeger-${suffix}`,
      name: `Träger ${suffix} (Beispiel)`,
      email: `traeger-${suffix}@example.org`,
      status: 'PUBLISHED',
      ...overrides,
    },
  });
}

export async function createService(
  overrides: Overrides<Prisma.ServiceUncheckedCreateInput> = {},
  db: PrismaClient = getTestDb(),
) {
  const organizationId = overrides.organizationId ?? (await createOrganization({}, db)).id;
  return db.service.create({
    data: { name: `Angebot ${uniqueSuffix()} (Beispiel)`, ...overrides, organizationId },
  });
}

export async function createLocation(
  overrides: Overrides<Prisma.LocationUncheckedCreateInput> = {},
  db: PrismaClient = getTestDb(),
) {
  const organizationId = overrides.organizationId ?? (await createOrganization({}, db)).id;
  return db.location.create({
    data: {
      name: `Standort ${uniqueSuffix()} (Beispiel)`,
      street: 'Beispielstraße 1',
      postalCode: '39576',
      city: 'Stendal',
      municipality: 'Stendal',
      ...overrides,
      organizationId,
    },
  });
}

export async function createContactPerson(
  overrides: Overrides<Prisma.ContactPersonUncheckedCreateInput> = {},
  db: PrismaClient = getTestDb(),
) {
  const organizationId = overrides.organizationId ?? (await createOrganization({}, db)).id;
  const suffix = uniqueSuffix();
  return db.contactPerson.create({
    data: {
      role: `Beratung ${suffix} (Beispiel)`,
      email: `kontakt-${suffix}@example.org`,
      ...overrides,
      organizationId,
    },
  });
}

// Languages are keyed by their ISO code, so this one upserts: calling it twice with the same code
// returns the same row instead of failing.
export async function createLanguage(
  overrides: Overrides<Prisma.LanguageCreateInput> = {},
  db: PrismaClient = getTestDb(),
) {
  const data = { code: 'ar', nameDe: 'Arabisch', nameNative: 'العربية', ...overrides };
  return db.language.upsert({ where: { code: data.code }, create: data, update: {} });
}

export async function createLanguageOffer(
  overrides: Overrides<Prisma.LanguageOfferUncheckedCreateInput> = {},
  db: PrismaClient = getTestDb(),
) {
  const organizationId = overrides.organizationId ?? (await createOrganization({}, db)).id;
  const languageCode = overrides.languageCode ?? (await createLanguage({}, db)).code;
  return db.languageOffer.create({ data: { ...overrides, organizationId, languageCode } });
}

export async function createSchedule(
  overrides: Overrides<Prisma.ScheduleUncheckedCreateInput> = {},
  db: PrismaClient = getTestDb(),
) {
  const organizationId = overrides.organizationId ?? (await createOrganization({}, db)).id;
  // Tuesday 9:00 to 12:00.
  return db.schedule.create({
    data: { weekday: 2, opensAt: 9 * 60, closesAt: 12 * 60, ...overrides, organizationId },
  });
}

export async function createTaxonomyTerm(
  overrides: Overrides<Prisma.TaxonomyTermUncheckedCreateInput> = {},
  db: PrismaClient = getTestDb(),
) {
  const suffix = uniqueSuffix();
  return db.taxonomyTerm.create({
    data: { kind: 'TOPIC', slug: `thema-${suffix}`, label: `Thema ${suffix} (Beispiel)`, ...overrides },
  });
}

export async function createUser(
  { password, ...overrides }: Overrides<Prisma.UserUncheckedCreateInput> & { password?: string } = {},
  db: PrismaClient = getTestDb(),
) {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      email: `nutzer-${suffix}@example.org`,
      name: `Nutzerin ${suffix} (Beispiel)`,
      role: 'PARTNER',
      passwordHash: password ? await hashPassword(password) : null,
      ...overrides,
    },
  });
}
