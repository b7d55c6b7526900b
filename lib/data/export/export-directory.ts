// The directory for coordinators as tables: organizations, services, locations, contacts and
// hours, filtered like the admin list. Contacts: only those the public sees, unless
// network-internal ones are asked for; never a contact whose consent is withdrawn. Every export
// is audited (who, when, which filter, which tables, how many rows).
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { validationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import type { OrganizationListQuery } from '@/lib/schemas/organization';
import { EXPORT_TABLES, type ExportTable } from '@/lib/schemas/import';
import { KEYWORD_LOCALES, readKeywords } from '@/lib/schemas/keywords';
import { requireScopeAll } from '../access';
import { adminOrganizationWhere } from '../admin-organizations';
import { writeAudit } from '../audit';
import { EXPORT_HEADER_ROWS } from '@/lib/import/fields';
import { formatMinutes } from '@/lib/schedule/open-status';
import { publicContactWhere } from '../visibility';

type Cell = string | number | boolean | null;
export interface ExportSheet {
  table: ExportTable;
  header: string[];
  rows: Cell[][];
}

// The export file is German, like its headers (for Excel in the county office).
const WEEKDAYS = ['', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

// The export's header rows are the ones the import recognises (lib/import/fields.ts), so that an
// edited export can be imported again; hours are not imported.
const EXPORT_HEADERS: Record<ExportTable, string[]> = {
  ...EXPORT_HEADER_ROWS,
  hours: ['Organisation', 'Organisations-ID', 'Angebot', 'Standort', 'Wochentag', 'Von', 'Bis', 'Nur mit Termin', 'Gültig ab', 'Gültig bis', 'Hinweis', 'Kontakt'],
};

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export async function exportDirectory({
  actor,
  query = {},
  tables,
  includeInternal = false,
  format,
}: {
  actor: Actor | null;
  query?: OrganizationListQuery;
  tables: ExportTable[];
  includeInternal?: boolean;
  format: 'csv' | 'xlsx';
}): Promise<ExportSheet[]> {
  const coordinator = requireScopeAll(actor, 'directory.export');
  const chosen = EXPORT_TABLES.filter((table) => tables.includes(table));
  if (!chosen.length) throw validationError({ tables: ['Bitte wählen Sie mindestens eine Tabelle.'] });
  if (format === 'csv' && chosen.length !== 1) throw validationError({ tables: ['Für CSV bitte genau eine Tabelle wählen (oder XLSX für mehrere).'] });
  const { where } = await adminOrganizationWhere({}, query);
  const organizations = await db.organization.findMany({
    where,
    orderBy: { name: 'asc' },
    select: {
      id: true,
      externalId: true,
      slug: true,
      name: true,
      shortName: true,
      status: true,
      description: true,
      website: true,
      email: true,
      phone: true,
      lastVerifiedAt: true,
      updatedAt: true,
      keywords: true,
      category: { select: { label: true } },
      topics: { select: { term: { select: { label: true } } } },
    },
  });
  const ids = organizations.map((o) => o.id);
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const inOrgs = { organizationId: { in: ids } };
  // "Public" here is the contact's own rule: the export also lists contacts of draft entries.
  const { organization: _organizationRule, ...publicContactFields } = publicContactWhere;
  const contactWhere: Prisma.ContactPersonWhereInput = includeInternal ? { deletedAt: null, consentWithdrawnAt: null } : publicContactFields;
  const sheets: ExportSheet[] = [];
  for (const table of chosen) {
    let rows: Cell[][] = [];
    if (table === 'organizations') {
      rows = organizations.map((o) => {
        const keywords = readKeywords(o.keywords);
        return [
          ...[o.id, o.externalId, o.slug, o.name, o.shortName, o.category?.label ?? null, o.topics.map((t) => t.term.label).join(', '), o.status, o.description, o.website, o.email, o.phone],
          ...[day(o.lastVerifiedAt), day(o.updatedAt)],
          // Suchbegriffe per language, as the import reads them back (comma-separated).
          ...KEYWORD_LOCALES.map((locale) => keywords[locale]?.join(', ') || null),
        ];
      });
    }
    if (table === 'services') {
      const services = await db.service.findMany({
        where: { ...inOrgs, deletedAt: null },
        orderBy: [{ organization: { name: 'asc' } }, { sortOrder: 'asc' }, { name: 'asc' }],
        select: {
          id: true,
          organizationId: true,
          name: true,
          description: true,
          minAge: true,
          maxAge: true,
          cost: true,
          howToApply: true,
          appointmentRequired: true,
          interpretationOffered: true,
          status: true,
          terms: { select: { term: { select: { label: true } } } },
          languageOffers: { where: { contactPersonId: null }, select: { language: { select: { nameDe: true } } } },
          locations: { where: { location: { deletedAt: null } }, select: { location: { select: { name: true, city: true } } } },
        },
      });
      rows = services.map((s) => [
        names.get(s.organizationId) ?? '',
        s.organizationId,
        s.id,
        s.name,
        s.description,
        s.terms.map((t) => t.term.label).join(', '),
        [...new Set(s.languageOffers.map((l) => l.language.nameDe))].join(', '),
        s.minAge,
        s.maxAge,
        s.cost,
        s.howToApply,
        s.appointmentRequired,
        s.interpretationOffered,
        s.status === 'ACTIVE' ? 'aktiv' : 'vorübergehend geschlossen',
        s.locations.map((l) => [l.location.name, l.location.city].filter(Boolean).join(', ')).join('; '),
      ]);
    }
    if (table === 'locations') {
      const locations = await db.location.findMany({ where: { ...inOrgs, deletedAt: null }, orderBy: [{ organization: { name: 'asc' } }, { sortOrder: 'asc' }] });
      rows = locations.map((l) => [
        names.get(l.organizationId) ?? '',
        l.organizationId,
        l.id,
        l.name,
        l.street,
        l.postalCode,
        l.city,
        l.municipality,
        l.wheelchairAccessible === null ? null : l.wheelchairAccessible,
        l.accessibilityNote,
        l.transportNote,
      ]);
    }
    if (table === 'contacts') {
      const contacts = await db.contactPerson.findMany({
        where: { AND: [inOrgs, contactWhere] },
        orderBy: [{ organization: { name: 'asc' } }, { sortOrder: 'asc' }, { role: 'asc' }],
        select: {
          id: true,
          organizationId: true,
          role: true,
          name: true,
          email: true,
          phone: true,
          mobile: true,
          visibility: true,
          consentGivenAt: true,
          service: { select: { name: true } },
          languageOffers: { select: { language: { select: { nameDe: true } } } },
        },
      });
      rows = contacts.map((c) => [
        names.get(c.organizationId) ?? '',
        c.organizationId,
        c.id,
        c.role,
        c.name,
        c.email,
        c.phone,
        c.mobile,
        c.visibility === 'PUBLIC' ? 'öffentlich' : 'netzwerkintern',
        c.languageOffers.map((l) => l.language.nameDe).join(', '),
        day(c.consentGivenAt),
        c.service?.name ?? null,
      ]);
    }
    if (table === 'hours') {
      const schedules = await db.schedule.findMany({
        // A contact person's own hours follow the contact's rule: they name the person.
        where: {
          ...inOrgs,
          OR: [{ serviceId: null }, { service: { is: { deletedAt: null } } }],
          AND: [{ OR: [{ locationId: null }, { location: { is: { deletedAt: null } } }] }, { OR: [{ contactPersonId: null }, { contactPerson: { is: contactWhere } }] }],
        },
        orderBy: [{ organization: { name: 'asc' } }, { weekday: 'asc' }, { opensAt: 'asc' }],
        select: { organizationId: true, weekday: true, opensAt: true, closesAt: true, appointmentOnly: true, validFrom: true, validTo: true, note: true, service: { select: { name: true } }, location: { select: { name: true, city: true } }, contactPerson: { select: { role: true, name: true } } },
      });
      rows = schedules.map((s) => [
        names.get(s.organizationId) ?? '',
        s.organizationId,
        s.service?.name ?? null,
        s.location ? [s.location.name, s.location.city].filter(Boolean).join(', ') : null,
        WEEKDAYS[s.weekday],
        formatMinutes(s.opensAt),
        formatMinutes(s.closesAt),
        s.appointmentOnly,
        day(s.validFrom),
        day(s.validTo),
        s.note,
        s.contactPerson ? [s.contactPerson.name, s.contactPerson.role].filter(Boolean).join(', ') : null,
      ]);
    }
    sheets.push({ table, header: EXPORT_HEADERS[table], rows });
  }
  await writeAudit(db, {
    actor: coordinator,
    action: 'EXPORT',
    entityType: 'Export',
    entityId: randomUUID(),
    changes: {
      format: { before: null, after: format },
      tables: { before: null, after: chosen },
      filter: { before: null, after: JSON.parse(JSON.stringify(query)) },
      includeInternal: { before: null, after: includeInternal },
      rows: { before: null, after: Object.fromEntries(sheets.map((s) => [s.table, s.rows.length])) },
    },
  });
  return sheets;
}
