// From the uploaded rows and the column mapping to a plan: per row the validated values (the same
// zod schemas as the admin forms), what will be created or updated (organizations matched by
// external id or slug, their services, locations and contacts by name, address or e-mail), every
// error with row and column, and likely duplicates of existing entries. Used for the preview and,
// inside the import's transaction, once more right before writing.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { importField, normalizeHeader, parseYesNo, splitList, type ImportFieldKey, type ImportMapping } from '@/lib/import/fields';
import { msg } from '@/lib/schemas/common';
import { contactPartialSchema, locationInputSchema, organizationInputSchema, servicePartialSchema } from '@/lib/schemas/organization';
import type { DuplicateMatch } from '../duplicates/find-duplicates';
import type { ImportResult } from './run-import';
import { flagDuplicates, matchChildren } from './match-existing';
import { CONTACT_FIELDS, fill, IMPORT_MESSAGES, LOCATION_FIELDS, normalizeKey, ORG_FIELDS, SERVICE_FIELDS } from './plan-helpers';

type Client = Prisma.TransactionClient | typeof db;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Values = Record<string, unknown>;

interface CellError {
  column: string;
  message: string;
}

type PlanAction = 'create' | 'update';

export interface ChildPlan {
  action: PlanAction;
  id?: string;
  // Index of the row that creates it when several rows name the same one.
  sameAsRow?: number;
  label: string;
  values: Values;
}

export interface RowPlan {
  row: number;
  groupKey: string;
  organizationName: string;
  organizationAction: PlanAction;
  service: ChildPlan | null;
  location: ChildPlan | null;
  contact: ChildPlan | null;
  errors: CellError[];
  duplicates: (DuplicateMatch | { reason: 'file'; row: number; name: string })[];
}

export interface GroupPlan {
  key: string;
  action: PlanAction;
  organizationId?: string;
  externalId?: string;
  slug?: string;
  values: Values;
  rows: RowPlan[];
}

export interface ImportPlan {
  rows: RowPlan[];
  groups: GroupPlan[];
  errorCount: number;
  // What the import will write (the same counts as its result) and how many rows need a look.
  summary: ImportResult & { rowsWithErrors: number; rowsWithDuplicates: number };
}


interface Lookups {
  categories: Map<string, string>;
  terms: Map<string, string>;
  topics: Map<string, string>;
  languages: Map<string, string>;
}

async function loadLookups(client: Client): Promise<Lookups> {
  const [terms, languages] = await Promise.all([
    client.taxonomyTerm.findMany({ select: { id: true, kind: true, slug: true, label: true, labels: true } }),
    client.language.findMany({ select: { code: true, nameDe: true, nameNative: true, names: true } }),
  ]);
  const lookups: Lookups = { categories: new Map(), terms: new Map(), topics: new Map(), languages: new Map() };
  for (const term of terms) {
    const keys = [term.slug, term.label, ...Object.values((term.labels ?? {}) as Record<string, string>)].map(normalizeHeader);
    for (const key of keys) {
      if (term.kind === 'CATEGORY') lookups.categories.set(key, term.id);
      else {
        lookups.terms.set(key, term.id);
        lookups.topics.set(key, term.id);
      }
    }
  }
  for (const language of languages) {
    for (const key of [language.code, language.nameDe, language.nameNative, ...Object.values((language.names ?? {}) as Record<string, string>)]) {
      lookups.languages.set(normalizeHeader(key), language.code);
    }
  }
  return lookups;
}

interface ParsedRow {
  row: number;
  cells: Partial<Record<ImportFieldKey, string>>;
  errors: CellError[];
  organization: Values;
  service: Values | null;
  location: Values | null;
  contact: Values | null;
}

export interface PlanInput {
  headers: string[];
  rows: string[][];
  firstRow: number;
  mapping: ImportMapping;
}

export async function buildImportPlan(input: PlanInput, client: Client = db): Promise<ImportPlan> {
  const lookups = await loadLookups(client);
  const columnOf = new Map<ImportFieldKey, number>();
  for (const [index, key] of Object.entries(input.mapping)) if (importField(key)) columnOf.set(key, Number(index));
  const label = (key: ImportFieldKey) => {
    const index = columnOf.get(key);
    return index === undefined ? (importField(key)?.label ?? key) : (input.headers[index] ?? key);
  };

  const parsed: ParsedRow[] = [];
  input.rows.forEach((cellsOfRow, index) => {
    const cells: ParsedRow['cells'] = {};
    for (const [key, column] of columnOf) {
      const value = (cellsOfRow[column] ?? '').trim();
      if (value) cells[key] = value;
    }
    if (!Object.keys(cells).length) return;
    const errors: CellError[] = [];
    const error = (key: ImportFieldKey, message: string) => errors.push({ column: label(key), message });
    const resolveList = (key: ImportFieldKey, map: Map<string, string>, unknown: string) => {
      const value = cells[key];
      if (!value) return undefined;
      const ids: string[] = [];
      for (const part of splitList(value)) {
        const id = map.get(normalizeKey(part));
        if (id) ids.push(id);
        else error(key, fill(unknown, { value: part }));
      }
      return [...new Set(ids)];
    };
    const yesNo = (key: ImportFieldKey) => {
      const value = cells[key];
      if (value === undefined) return undefined;
      const parsedValue = parseYesNo(value);
      if (parsedValue === 'invalid') {
        error(key, IMPORT_MESSAGES.yesNo);
        return undefined;
      }
      return parsedValue;
    };
    const validate = (schema: { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, values: Values, fields: Record<string, ImportFieldKey>): Values => {
      // Only what the row filled: defaults of the form schemas (an absent checkbox is false) must
      // not overwrite existing values.
      const filled = (data: unknown, input: Values) => Object.fromEntries(Object.entries(data as Values).filter(([k, v]) => v !== undefined && input[k] !== undefined));
      const result = schema.safeParse(values);
      if (result.success) return filled(result.data, values);
      const bad = new Set<string>();
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        bad.add(field);
        error(fields[field] ?? (field as ImportFieldKey), issue.message);
      }
      // The row's other, valid values still count (so that one bad cell gives one error).
      const rest = Object.fromEntries(Object.entries(values).filter(([k]) => !bad.has(k)));
      const again = schema.safeParse(rest);
      return again.success ? filled(again.data, rest) : {};
    };

    // The organization's own fields: only what the row fills (an empty cell changes nothing).
    let categoryId: string | undefined;
    if (cells.category) {
      categoryId = lookups.categories.get(normalizeKey(cells.category));
      if (!categoryId) error('category', fill(IMPORT_MESSAGES.unknownCategory, { value: cells.category }));
    }
    const organization = validate(
      organizationInputSchema.partial(),
      {
        name: cells.name,
        shortName: cells.shortName,
        description: cells.description,
        website: cells.website,
        email: cells.email,
        phone: cells.phone,
        categoryId,
        topicIds: resolveList('topics', lookups.topics, IMPORT_MESSAGES.unknownTerm),
        keywords_de: cells.keywords,
        keywords_en: cells.keywordsEn,
        keywords_ar: cells.keywordsAr,
        keywords_uk: cells.keywordsUk,
        keywords_ru: cells.keywordsRu,
      },
      ORG_FIELDS,
    );
    if (cells.slug && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(cells.slug)) error('slug', IMPORT_MESSAGES.slugFormat);
    if (cells.organizationId && !UUID.test(cells.organizationId)) error('organizationId', IMPORT_MESSAGES.unknownOrganizationId);

    const serviceKeys: ImportFieldKey[] = ['serviceName', 'serviceDescription', 'serviceTerms', 'serviceLanguages', 'minAge', 'maxAge', 'cost', 'howToApply', 'appointmentRequired', 'interpretationOffered'];
    let service: Values | null = null;
    if (serviceKeys.some((key) => cells[key])) {
      if (!cells.serviceName) error('serviceName', IMPORT_MESSAGES.serviceName);
      const appointment = yesNo('appointmentRequired');
      const interpretation = yesNo('interpretationOffered');
      service = validate(
        servicePartialSchema,
        {
          name: cells.serviceName,
          description: cells.serviceDescription,
          termIds: resolveList('serviceTerms', lookups.terms, IMPORT_MESSAGES.unknownTerm),
          languageCodes: resolveList('serviceLanguages', lookups.languages, IMPORT_MESSAGES.unknownLanguage),
          minAge: cells.minAge,
          maxAge: cells.maxAge,
          cost: cells.cost,
          howToApply: cells.howToApply,
          appointmentRequired: appointment === undefined || appointment === null ? undefined : appointment,
          interpretationOffered: interpretation === undefined || interpretation === null ? undefined : interpretation,
        },
        SERVICE_FIELDS,
      );
      if (!cells.serviceName) service = null;
    }

    const locationKeys: ImportFieldKey[] = ['locationName', 'street', 'postalCode', 'city', 'municipality', 'wheelchairAccessible'];
    let location: Values | null = null;
    if (locationKeys.some((key) => cells[key])) {
      const wheelchair = yesNo('wheelchairAccessible');
      location = validate(
        locationInputSchema,
        {
          name: cells.locationName,
          street: cells.street,
          postalCode: cells.postalCode,
          city: cells.city,
          municipality: cells.municipality,
          wheelchairAccessible: wheelchair === true ? 'yes' : wheelchair === false ? 'no' : undefined,
        },
        LOCATION_FIELDS,
      );
    }

    const contactKeys: ImportFieldKey[] = ['contactRole', 'contactName', 'contactEmail', 'contactPhone', 'contactMobile', 'contactVisibility', 'contactLanguages', 'contactConsent', 'contactConsentScope'];
    let contact: Values | null = null;
    if (contactKeys.some((key) => cells[key])) {
      if (!cells.contactRole) error('contactRole', IMPORT_MESSAGES.contactRole);
      let visibility: string | undefined;
      if (cells.contactVisibility) {
        const v = normalizeKey(cells.contactVisibility);
        if (['oeffentlich', 'offentlich', 'public', 'ja'].includes(v)) visibility = 'PUBLIC';
        else if (['intern', 'netzwerkintern', 'network internal', 'nein'].includes(v)) visibility = 'NETWORK_INTERNAL';
        else error('contactVisibility', IMPORT_MESSAGES.visibility);
      }
      const consent = yesNo('contactConsent');
      contact = validate(
        contactPartialSchema,
        {
          role: cells.contactRole,
          name: cells.contactName,
          email: cells.contactEmail,
          phone: cells.contactPhone,
          mobile: cells.contactMobile,
          visibility,
          languageCodes: resolveList('contactLanguages', lookups.languages, IMPORT_MESSAGES.unknownLanguage),
          consent: consent === true ? 'given' : consent === false ? 'none' : undefined,
          consentScope: cells.contactConsentScope,
        },
        CONTACT_FIELDS,
      );
      if (!cells.contactRole) contact = null;
    }
    parsed.push({ row: input.firstRow + index, cells, errors, organization, service, location, contact });
  });

  // Rows of one organization: by external id, else our id, else slug, else name.
  const groups = new Map<string, { key: string; rows: ParsedRow[]; externalId?: string; ownId?: string; slug?: string }>();
  for (const row of parsed) {
    const ownId = row.cells.organizationId && UUID.test(row.cells.organizationId) ? row.cells.organizationId.toLowerCase() : undefined;
    const key = row.cells.externalId
      ? `id:${row.cells.externalId}`
      : ownId
        ? `oid:${ownId}`
        : row.cells.slug
          ? `slug:${row.cells.slug}`
          : `name:${normalizeKey(row.cells.name ?? `#${row.row}`)}`;
    const group = groups.get(key) ?? { key, rows: [], externalId: row.cells.externalId, ownId, slug: row.cells.slug };
    group.rows.push(row);
    if (!group.slug && row.cells.slug) group.slug = row.cells.slug;
    if (!group.ownId && ownId) group.ownId = ownId;
    groups.set(key, group);
  }

  const externalIds = [...groups.values()].map((g) => g.externalId).filter((v): v is string => Boolean(v));
  const slugs = [...groups.values()].map((g) => g.slug).filter((v): v is string => Boolean(v));
  const ownIds = [...groups.values()].map((g) => g.ownId).filter((v): v is string => Boolean(v));
  const [byExternal, bySlug, redirects, byOwnId] = await Promise.all([
    externalIds.length ? client.organization.findMany({ where: { externalId: { in: externalIds } }, select: { id: true, externalId: true, deletedAt: true, name: true } }) : [],
    slugs.length ? client.organization.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, deletedAt: true, name: true, externalId: true } }) : [],
    slugs.length ? client.slugRedirect.findMany({ where: { slug: { in: slugs } }, select: { slug: true, organizationId: true } }) : [],
    ownIds.length ? client.organization.findMany({ where: { id: { in: ownIds } }, select: { id: true, deletedAt: true, name: true } }) : [],
  ]);

  const planGroups: GroupPlan[] = [];
  const rowPlans: RowPlan[] = [];
  for (const group of groups.values()) {
    const first = group.rows[0];
    const errorAt = (row: ParsedRow, key: ImportFieldKey, message: string) => row.errors.push({ column: label(key), message });
    // One organization's values from all its rows; a different non-empty value is a conflict.
    const values: Values = {};
    const seenAt: Record<string, number> = {};
    for (const row of group.rows) {
      for (const [field, value] of Object.entries(row.organization)) {
        if (value === null || value === undefined) continue;
        if (field in values && JSON.stringify(values[field]) !== JSON.stringify(value)) {
          const key = (ORG_FIELDS[field] ?? field) as ImportFieldKey;
          errorAt(row, key, fill(IMPORT_MESSAGES.conflict, { row: seenAt[field], value: String(row.cells[key] ?? '') }));
          continue;
        }
        values[field] = value;
        seenAt[field] ??= row.row;
      }
    }
    const external = group.externalId ? byExternal.find((o) => o.externalId === group.externalId) : undefined;
    const slugMatch = group.slug ? (bySlug.find((o) => o.slug === group.slug) ?? null) : null;
    const redirectMatch = group.slug && !slugMatch ? redirects.find((r) => r.slug === group.slug) : undefined;
    const slugOrgId = slugMatch?.id ?? redirectMatch?.organizationId;
    let organizationId: string | undefined = external?.id ?? slugOrgId;
    if (external && slugOrgId && external.id !== slugOrgId) {
      errorAt(first, 'slug', IMPORT_MESSAGES.idAndSlug);
      organizationId = undefined;
    }
    if (!external && slugMatch?.externalId && group.externalId && slugMatch.externalId !== group.externalId) errorAt(first, 'externalId', IMPORT_MESSAGES.idAndSlug);
    if ((external ?? slugMatch)?.deletedAt) errorAt(first, external ? 'externalId' : 'slug', IMPORT_MESSAGES.inTrash);
    // Our own id names exactly one entry; it never creates one.
    const own = group.ownId ? byOwnId.find((o) => o.id === group.ownId) : undefined;
    if (group.ownId && !own) errorAt(first, 'organizationId', IMPORT_MESSAGES.unknownOrganizationId);
    if (own) {
      if (organizationId && organizationId !== own.id) errorAt(first, 'organizationId', IMPORT_MESSAGES.organizationIdConflict);
      else if (own.deletedAt) errorAt(first, 'organizationId', IMPORT_MESSAGES.inTrash);
      organizationId = own.id;
    }
    if (!organizationId && redirectMatch) errorAt(first, 'slug', IMPORT_MESSAGES.slugTaken);
    const action: PlanAction = organizationId ? 'update' : 'create';
    if (action === 'create' && !values.name) errorAt(first, 'name', msg.required);
    const name = String(values.name ?? (external ?? own ?? slugMatch)?.name ?? '');
    const plan: GroupPlan = { key: group.key, action, organizationId, externalId: group.externalId, slug: action === 'create' ? group.slug : undefined, values, rows: [] };
    for (const row of group.rows) {
      const rowPlan: RowPlan = {
        row: row.row,
        groupKey: group.key,
        organizationName: name,
        organizationAction: action,
        service: row.service ? { action: 'create', label: String(row.service.name ?? ''), values: row.service } : null,
        location: row.location ? { action: 'create', label: [row.location.name, row.location.street, row.location.postalCode, row.location.city].filter(Boolean).join(', '), values: row.location } : null,
        contact: row.contact ? { action: 'create', label: [row.contact.name, row.contact.role, row.contact.email].filter(Boolean).join(', '), values: row.contact } : null,
        errors: row.errors,
        duplicates: [],
      };
      plan.rows.push(rowPlan);
      rowPlans.push(rowPlan);
    }
    planGroups.push(plan);
  }

  await matchChildren(client, planGroups, label);
  await flagDuplicates(client, planGroups);

  rowPlans.sort((a, b) => a.row - b.row);
  const summary: ImportPlan['summary'] = {
    rows: rowPlans.length,
    organizationsCreated: planGroups.filter((g) => g.action === 'create').length,
    organizationsUpdated: planGroups.filter((g) => g.action === 'update').length,
    servicesCreated: 0,
    servicesUpdated: 0,
    locationsCreated: 0,
    locationsUpdated: 0,
    contactsCreated: 0,
    contactsUpdated: 0,
    rowsWithErrors: rowPlans.filter((r) => r.errors.length).length,
    rowsWithDuplicates: rowPlans.filter((r) => r.duplicates.length).length,
  };
  for (const row of rowPlans) {
    for (const [part, name] of [
      ['service', 'services'],
      ['location', 'locations'],
      ['contact', 'contacts'],
    ] as const) {
      const child = row[part];
      if (!child || child.sameAsRow) continue;
      if (child.action === 'create') summary[`${name}Created`] += 1;
      else summary[`${name}Updated`] += 1;
    }
  }
  return { rows: rowPlans, groups: planGroups, errorCount: rowPlans.reduce((sum, r) => sum + r.errors.length, 0), summary };
}
