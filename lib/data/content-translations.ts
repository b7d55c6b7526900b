// Translations of an organization's content (names, descriptions, notes; the projects it leads and
// the events it organizes) per locale, for the admin area. German is the source: each translation stores the hash of the German text it was made from
// (sourceHash), so "outdated" is computed on read and needs no hook into the German save functions.
// Saving needs the same permission as editing the entity directly ('organization.update'):
// coordinators, and partners of trusted organizations. Partners of other organizations propose
// changes for review, which do not cover translations yet: they are refused with a clear message.
import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TranslatableEntity } from '@/lib/generated/prisma/client';
import { can, type Actor } from '@/lib/permissions';
import {
  TRANSLATABLE_FIELDS,
  TRANSLATION_LOCALES,
  translatableEntitySchema,
  translationInputSchema,
  translationLocaleSchema,
  type TranslatableEntityType,
  type TranslationLocale,
} from '@/lib/schemas/content-translation';
import { organizationScope } from './access';
import { writeAudit, type FieldChanges } from './audit';
import { assertUuid, inTransaction, parseInput } from './versioning';

// The history's presenter (lib/audit/present.ts) names these rows by the same word.
const TRANSLATION_AUDIT_ENTITY = 'Translation';

const UNTRUSTED_PARTNER_MESSAGE =
  'Übersetzungen dieses Eintrags kann nur die Koordinierungsstelle ändern: Ihre Änderungen werden vor der Veröffentlichung geprüft, und diese Prüfung gibt es für Übersetzungen noch nicht. Bitte schicken Sie die Übersetzung an die Koordinierungsstelle.';

// Hash of the German text a translation was made from.
/** @internal Exported for its unit test. */
export function sourceHashOf(german: string): string {
  return createHash('sha256').update(german, 'utf8').digest('hex');
}

type TranslationState = 'missing' | 'upToDate' | 'outdated';

interface FieldTranslation {
  value: string;
  state: TranslationState;
}

interface TranslatableField {
  name: string;
  label: string;
  maxLength: number;
  isLong: boolean;
  // '' when the German field is empty (then only an old translation is listed, to be removed).
  german: string;
  translations: Record<TranslationLocale, FieldTranslation>;
}

interface TranslatableItem {
  type: TranslatableEntityType;
  id: string;
  // The record's name, role or address (null: a location without any); a weekly slot is named by
  // its day and hours, which the page words in the admin's language.
  title: string | null;
  slot?: { weekday: number; opensAt: number; closesAt: number };
  fields: TranslatableField[];
}

export interface ContentTranslations {
  organization: { id: string; name: string; isTrusted: boolean; deletedAt: Date | null };
  // Whether the caller may save (coordinators, partners of trusted organizations; not in the trash).
  canEdit: boolean;
  items: TranslatableItem[];
  // Per locale: how many fields are missing or outdated.
  summary: Record<TranslationLocale, { missing: number; outdated: number }>;
}

interface StoredTranslation {
  entityId: string;
  field: string;
  locale: string;
  value: string;
  status: 'UP_TO_DATE' | 'OUTDATED';
  sourceHash: string | null;
}

function stateOf(stored: StoredTranslation | undefined, german: string): TranslationState {
  if (!stored || !stored.value.trim()) return 'missing';
  if (stored.status === 'OUTDATED' || !german || stored.sourceHash !== sourceHashOf(german)) return 'outdated';
  return 'upToDate';
}

// Every translatable field of the organization and of its services, locations, contacts,
// schedules, led projects and organized events (not deleted), with the German text and the state of each language. A field appears
// when it has German text or an (orphaned) translation.
export async function getContentTranslations({ actor, organizationId }: { actor: Actor | null; organizationId: string }): Promise<ContentTranslations> {
  const scope = organizationScope(actor, 'organization.read');
  assertUuid(organizationId);
  const org = await db.organization.findFirst({
    where: { AND: [{ id: organizationId }, scope] },
    select: {
      id: true,
      name: true,
      description: true,
      isTrusted: true,
      deletedAt: true,
      services: {
        where: { deletedAt: null },
        orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        select: { id: true, name: true, description: true, eligibility: true, cost: true, howToApply: true, alertText: true },
      },
      locations: {
        where: { deletedAt: null },
        orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, name: true, street: true, city: true, accessibilityNote: true, transportNote: true },
      },
      contacts: { where: { deletedAt: null }, orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }], select: { id: true, role: true } },
      schedules: {
        where: { AND: [{ OR: [{ serviceId: null }, { service: { deletedAt: null } }] }, { OR: [{ locationId: null }, { location: { deletedAt: null } }] }] },
        orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }],
        select: { id: true, weekday: true, opensAt: true, closesAt: true, note: true },
      },
      ledProjects: {
        where: { deletedAt: null },
        orderBy: [{ startsOn: { sort: 'desc', nulls: 'last' } }, { title: 'asc' }],
        select: { id: true, title: true, summary: true, funding: true, results: true },
      },
      organizedEvents: {
        where: { deletedAt: null },
        orderBy: [{ startsAt: 'desc' }, { title: 'asc' }],
        select: { id: true, title: true, description: true, cost: true, registrationInfo: true },
      },
    },
  });
  if (!org) throw new AppError('NOT_FOUND');

  type Source = Omit<TranslatableItem, 'fields'> & { values: Record<string, string | null> };
  const sources: Source[] = [
    { type: 'ORGANIZATION', id: org.id, title: org.name, values: { name: org.name, description: org.description } },
    ...org.services.map((s): Source => ({ type: 'SERVICE', id: s.id, title: s.name, values: s })),
    ...org.locations.map(
      (l): Source => ({ type: 'LOCATION', id: l.id, title: [l.name, l.street, l.city].filter(Boolean).join(', ') || null, values: l }),
    ),
    ...org.contacts.map((c): Source => ({ type: 'CONTACT_PERSON', id: c.id, title: c.role, values: c })),
    ...org.schedules.map(
      (s): Source => ({
        type: 'SCHEDULE',
        id: s.id,
        title: null,
        slot: { weekday: s.weekday, opensAt: s.opensAt, closesAt: s.closesAt },
        values: { note: s.note },
      }),
    ),
    ...org.ledProjects.map((p): Source => ({ type: 'PROJECT', id: p.id, title: p.title, values: p })),
    ...org.organizedEvents.map((e): Source => ({ type: 'EVENT', id: e.id, title: e.title, values: e })),
  ];
  const stored = await db.translation.findMany({
    where: {
      locale: { in: [...TRANSLATION_LOCALES] },
      OR: entityFilters(sources),
    },
    select: { entityId: true, field: true, locale: true, value: true, status: true, sourceHash: true },
  });
  const byKey = new Map(stored.map((row) => [`${row.entityId}:${row.field}:${row.locale}`, row]));
  const summary = Object.fromEntries(TRANSLATION_LOCALES.map((locale) => [locale, { missing: 0, outdated: 0 }])) as ContentTranslations['summary'];

  const items: TranslatableItem[] = [];
  for (const source of sources) {
    const fields: TranslatableField[] = [];
    for (const spec of TRANSLATABLE_FIELDS[source.type]) {
      const german = source.values[spec.name]?.trim() ? (source.values[spec.name] as string) : '';
      const translations = Object.fromEntries(
        TRANSLATION_LOCALES.map((locale) => {
          const row = byKey.get(`${source.id}:${spec.name}:${locale}`);
          return [locale, { value: row?.value ?? '', state: stateOf(row, german) }];
        }),
      ) as Record<TranslationLocale, FieldTranslation>;
      const hasTranslation = TRANSLATION_LOCALES.some((locale) => translations[locale].state !== 'missing');
      if (!german && !hasTranslation) continue;
      for (const locale of TRANSLATION_LOCALES) {
        if (german && translations[locale].state === 'missing') summary[locale].missing += 1;
        if (translations[locale].state === 'outdated') summary[locale].outdated += 1;
      }
      fields.push({ ...spec, german, translations });
    }
    if (fields.length) items.push({ type: source.type, id: source.id, title: source.title, slot: source.slot, fields });
  }
  return {
    organization: { id: org.id, name: org.name, isTrusted: org.isTrusted, deletedAt: org.deletedAt },
    canEdit: !org.deletedAt && can(actor, 'organization.update', org),
    items,
    summary,
  };
}

function entityFilters(sources: { type: TranslatableEntityType; id: string }[]) {
  const ids = new Map<TranslatableEntityType, string[]>();
  for (const source of sources) ids.set(source.type, [...(ids.get(source.type) ?? []), source.id]);
  return [...ids.entries()].map(([entityType, entityIds]) => ({ entityType: entityType as TranslatableEntity, entityId: { in: entityIds } }));
}

// The German text of each translatable field of one entity under the organization; null when the
// entity is not there (deleted, or under another organization).
async function loadGerman(
  tx: Parameters<Parameters<typeof inTransaction>[0]>[0],
  entityType: TranslatableEntityType,
  entityId: string,
  organizationId: string,
): Promise<Record<string, string | null> | null> {
  switch (entityType) {
    case 'ORGANIZATION':
      return entityId === organizationId
        ? tx.organization.findUnique({ where: { id: entityId }, select: { name: true, description: true } })
        : null;
    case 'SERVICE':
      return tx.service.findFirst({
        where: { id: entityId, organizationId, deletedAt: null },
        select: { name: true, description: true, eligibility: true, cost: true, howToApply: true, alertText: true },
      });
    case 'LOCATION':
      return tx.location.findFirst({ where: { id: entityId, organizationId, deletedAt: null }, select: { accessibilityNote: true, transportNote: true } });
    case 'CONTACT_PERSON':
      return tx.contactPerson.findFirst({ where: { id: entityId, organizationId, deletedAt: null }, select: { role: true } });
    case 'SCHEDULE':
      return tx.schedule.findFirst({ where: { id: entityId, organizationId }, select: { note: true } });
    case 'PROJECT':
      return tx.project.findFirst({
        where: { id: entityId, leadOrganizationId: organizationId, deletedAt: null },
        select: { title: true, summary: true, funding: true, results: true },
      });
    case 'EVENT':
      return tx.event.findFirst({
        where: { id: entityId, organizerId: organizationId, deletedAt: null },
        select: { title: true, description: true, cost: true, registrationInfo: true },
      });
  }
}

// Saves the translations of one entity into one language (several fields at once). A given field
// with an empty value removes its translation; fields not given stay as they are. Every saved
// translation records the hash of the current German text (up to date). One audit row per save.
export async function saveContentTranslations({
  actor,
  organizationId,
  entityType,
  entityId,
  locale,
  input,
}: {
  actor: Actor | null;
  organizationId: string;
  entityType: string;
  entityId: string;
  locale: string;
  input: unknown;
}): Promise<{ changed: number }> {
  const scope = organizationScope(actor, 'organization.update');
  assertUuid(organizationId);
  assertUuid(entityId);
  const type = translatableEntitySchema.safeParse(entityType);
  const language = translationLocaleSchema.safeParse(locale);
  if (!type.success || !language.success) throw new AppError('NOT_FOUND');
  const data = parseInput(translationInputSchema(type.data), input) as Record<string, string | undefined>;

  return inTransaction(async (tx) => {
    // Permission is part of the query: an organization outside the caller's scope is not found.
    const org = await tx.organization.findFirst({ where: { AND: [{ id: organizationId, deletedAt: null }, scope] }, select: { id: true } });
    if (!org) {
      // A partner of this (untrusted) organization may see it but not edit it directly.
      const ownUntrusted = await tx.organization.count({
        where: { AND: [{ id: organizationId, deletedAt: null }, organizationScope(actor, 'organization.propose')] },
      });
      if (ownUntrusted) throw new AppError('FORBIDDEN', UNTRUSTED_PARTNER_MESSAGE);
      throw new AppError('NOT_FOUND');
    }
    const german = await loadGerman(tx, type.data, entityId, organizationId);
    if (!german) throw new AppError('NOT_FOUND');

    const names = TRANSLATABLE_FIELDS[type.data].map((spec) => spec.name).filter((name) => data[name] !== undefined);
    const existing = await tx.translation.findMany({
      where: { entityType: type.data, entityId, locale: language.data, field: { in: names } },
      select: { field: true, value: true, status: true, sourceHash: true },
    });
    const before = new Map(existing.map((row) => [row.field, row]));

    const fieldErrors: Record<string, string[]> = {};
    for (const name of names) {
      if (data[name] && !german[name]?.trim()) fieldErrors[name] = ['Zu diesem Feld gibt es keinen deutschen Text. Bitte lassen Sie es leer.'];
    }
    if (Object.keys(fieldErrors).length) throw new AppError('VALIDATION', undefined, { fieldErrors });

    const changes: FieldChanges = {};
    for (const name of names) {
      const value = data[name] ?? '';
      const old = before.get(name);
      const key = `${name}.${language.data}`;
      if (!value) {
        if (!old) continue;
        await tx.translation.delete({
          where: { entityType_entityId_field_locale: { entityType: type.data, entityId, field: name, locale: language.data } },
        });
        changes[key] = { before: old.value, after: null };
        continue;
      }
      const hash = sourceHashOf(german[name] as string);
      const wasCurrent = old && old.status === 'UP_TO_DATE' && old.sourceHash === hash;
      if (old && old.value === value && wasCurrent) continue;
      await tx.translation.upsert({
        where: { entityType_entityId_field_locale: { entityType: type.data, entityId, field: name, locale: language.data } },
        create: { entityType: type.data, entityId, field: name, locale: language.data, value, sourceHash: hash, status: 'UP_TO_DATE', updatedById: actor!.id },
        update: { value, sourceHash: hash, status: 'UP_TO_DATE', updatedById: actor!.id },
      });
      if (!old || old.value !== value) changes[key] = { before: old?.value ?? null, after: value };
      // Saved unchanged: the translation was checked against the new German text.
      else changes[`${key}.status`] = { before: 'veraltet', after: 'aktuell' };
    }
    const changed = Object.keys(changes).length;
    if (changed) {
      await writeAudit(tx, {
        actor: actor!,
        action: 'UPDATE',
        entityType: TRANSLATION_AUDIT_ENTITY,
        entityId,
        organizationId,
        changes,
      });
    }
    return { changed };
  });
}
