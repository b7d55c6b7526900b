// Idempotent seed: creates what is missing and never changes what exists, so a second run changes
// nothing and edits made since the first run survive every start.
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type TaxonomyKind } from '../lib/generated/prisma/client.ts';
import { hashPassword } from '../lib/auth/password.ts';
import { seedSearchVocabulary } from './seed-vocabulary.ts';
import { EXPIRE_ALL_SQL } from '../scripts/db/expire-caches.ts';
import { countyTowns } from './seed-data/county-towns.ts';
import { categories, languages, organizations, pages, pageTranslations, targetGroups, topics, type TermSeed } from './seed-data.ts';

export interface SeedOptions {
  url: string;
  adminEmail?: string;
  adminPassword?: string;
  log?: (line: string) => void;
}

export interface SeedResult {
  createdOrganizations: number;
  // Set only when the first admin account was created with a generated password.
  generatedAdminPassword?: string;
  adminEmail?: string;
}

const SOURCE_CONSENT_SCOPE =
  'Öffentliche Nennung mit Name, Telefon und E-Mail wie auf der Website des Landkreises Stendal veröffentlicht';

async function seedTerms(db: PrismaClient, kind: TaxonomyKind, terms: TermSeed[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [index, term] of terms.entries()) {
    const row = await db.taxonomyTerm.upsert({
      where: { kind_slug: { kind, slug: term.slug } },
      update: {},
      create: { kind, slug: term.slug, label: term.label, labels: term.labels, sortOrder: index },
    });
    ids.set(term.slug, row.id);
  }
  return ids;
}

async function seedOrganizations(db: PrismaClient): Promise<number> {
  const categoryIds = await seedTerms(db, 'CATEGORY', categories);
  const topicIds = await seedTerms(db, 'TOPIC', topics);
  const targetGroupIds = await seedTerms(db, 'TARGET_GROUP', targetGroups);
  const pick = (ids: Map<string, string>, slugs: string[]) =>
    slugs.map((slug) => {
      const id = ids.get(slug);
      if (!id) throw new Error(`Seed: unknown term ${slug}`);
      return id;
    });

  let created = 0;
  for (const [index, org] of organizations.entries()) {
    const existing = await db.organization.findUnique({ where: { slug: org.slug }, select: { id: true } });
    if (existing) continue;
    const now = new Date();
    await db.$transaction(async (tx) => {
      const row = await tx.organization.create({
        data: {
          slug: org.slug,
          name: org.name,
          shortName: org.shortName,
          description: org.description,
          categoryId: categoryIds.get(org.category),
          email: org.email,
          status: 'PUBLISHED',
          isCoordinationOffice: org.isCoordinationOffice ?? false,
          sortOrder: index,
          topics: { create: pick(topicIds, org.topics).map((termId) => ({ termId })) },
        },
      });
      if (org.city) {
        await tx.location.create({ data: { organizationId: row.id, city: org.city, municipality: org.city } });
      }
      for (const [contactIndex, contact] of (org.contacts ?? []).entries()) {
        await tx.contactPerson.create({
          data: {
            organizationId: row.id,
            role: contact.role,
            name: contact.name,
            phone: contact.phone,
            email: contact.email,
            visibility: 'PUBLIC',
            consentGivenAt: now,
            consentScope: SOURCE_CONSENT_SCOPE,
            sortOrder: contactIndex,
          },
        });
      }
      for (const [serviceIndex, service] of (org.services ?? []).entries()) {
        await tx.service.create({
          data: {
            organizationId: row.id,
            name: service.name,
            description: service.description,
            minAge: service.minAge,
            maxAge: service.maxAge,
            sortOrder: serviceIndex,
            terms: {
              create: [...pick(topicIds, service.topics), ...pick(targetGroupIds, service.targetGroups)].map(
                (termId) => ({ termId }),
              ),
            },
          },
        });
      }
    });
    created++;
  }
  return created;
}

async function seedAdmin(db: PrismaClient, options: SeedOptions): Promise<Partial<SeedResult>> {
  const hasAdmin = await db.user.count({ where: { role: 'ADMIN' } });
  if (hasAdmin) return {};
  const email = (options.adminEmail ?? 'admin@example.org').trim().toLowerCase();
  const generated = options.adminPassword ? undefined : randomBytes(15).toString('base64url');
  const password = options.adminPassword ?? generated!;
  await db.user.create({
    data: {
      email,
      name: 'Administration',
      role: 'ADMIN',
      passwordHash: await hashPassword(password),
    },
  });
  return { adminEmail: email, generatedAdminPassword: generated };
}

export async function seedDatabase(options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.url, max: 2 }) });
  try {
    for (const [index, language] of languages.entries()) {
      await db.language.upsert({
        where: { code: language.code },
        update: {},
        create: { ...language, sortOrder: index },
      });
    }
    for (const page of [...pages.map((page) => ({ ...page, locale: 'de' })), ...pageTranslations]) {
      await db.page.upsert({
        where: { slug_locale: { slug: page.slug, locale: page.locale } },
        update: {},
        create: { slug: page.slug, locale: page.locale, title: page.title, body: page.body },
      });
    }
    // Facts that nobody edits in the app: a corrected centre in the seed file corrects the row.
    for (const town of countyTowns) {
      await db.countyTown.upsert({ where: { slug: town.slug }, update: town, create: town });
    }
    const createdOrganizations = await seedOrganizations(db);
    if (createdOrganizations) log(`Seed: ${createdOrganizations} Netzwerkakteure angelegt.`);
    const createdConcepts = await seedSearchVocabulary(db);
    if (createdConcepts) log(`Seed: ${createdConcepts} Begriffe des Suchwortschatzes angelegt.`);
    const admin = await seedAdmin(db, options);
    if (admin.adminEmail) {
      log(`Seed: Admin-Konto ${admin.adminEmail} angelegt.`);
      if (admin.generatedAdminPassword) {
        log(`Seed: Erzeugtes Passwort (wird nur jetzt angezeigt): ${admin.generatedAdminPassword}`);
      }
    }
    // Running app instances must not keep showing what the seed replaced (lib/cache.ts).
    await db.$executeRawUnsafe(EXPIRE_ALL_SQL);
    return { createdOrganizations, ...admin };
  } finally {
    await db.$disconnect();
  }
}

// `npm run db:seed` (or `prisma db seed`): uses DATABASE_URL.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL fehlt. Starten Sie die App mit `npm run dev`, das legt die Datenbank an.');
    process.exit(1);
  }
  seedDatabase({
    url,
    adminEmail: process.env.ADMIN_EMAIL,
    adminPassword: process.env.ADMIN_PASSWORD,
    log: (line) => console.log(line),
  }).catch((error) => {
    console.error(`Seed fehlgeschlagen: ${(error as Error).message}`);
    process.exit(1);
  });
}
