// The import itself: one transaction for the whole file (every row or none). The plan is built
// again inside the transaction, so what is written is what the rows say at this moment; any
// error left means nothing is written. Every created or changed record is audited like an edit
// by hand, plus one entry for the import as a whole.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditEvent } from '@/lib/audit/events';
import { db } from '@/lib/db';
import { AppError, validationError } from '@/lib/errors';
import type { ImportMapping } from '@/lib/import/fields';
import type { Actor } from '@/lib/permissions';
import { KEYWORD_FIELDS, keywordFieldValues, mergeKeywords, type KeywordField } from '@/lib/schemas/keywords';
import { slugify } from '@/lib/schemas/slug';
import { requireScopeAll } from '../access';
import { diffChanges, snapshot, writeAudit, writeAuditMany } from '../audit';
import { assertUuid } from '../versioning';
import { buildImportPlan, type ChildPlan, type GroupPlan } from './build-import-plan';

type Tx = Prisma.TransactionClient;
type Values = Record<string, unknown>;

// Hundreds of rows with their services, locations and contacts: more than the usual 20 seconds.
const IMPORT_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 600_000 } as const;

export interface ImportResult {
  rows: number;
  organizationsCreated: number;
  organizationsUpdated: number;
  servicesCreated: number;
  servicesUpdated: number;
  locationsCreated: number;
  locationsUpdated: number;
  contactsCreated: number;
  contactsUpdated: number;
}

const pick = (values: Values, fields: string[]) => Object.fromEntries(fields.filter((f) => values[f] !== undefined).map((f) => [f, values[f]]));

const ORG_SCALARS = ['name', 'shortName', 'description', 'website', 'email', 'phone', 'categoryId'];
const SERVICE_SCALARS = ['name', 'description', 'minAge', 'maxAge', 'cost', 'howToApply', 'appointmentRequired', 'interpretationOffered'];
const LOCATION_SCALARS = ['name', 'street', 'postalCode', 'city', 'municipality', 'wheelchairAccessible'];
const CONTACT_SCALARS = ['role', 'name', 'email', 'phone', 'mobile', 'visibility'];

// New records get their ids here and are inserted in a few createMany statements at the end (in
// the order their references need): hundreds of rows in seconds, not minutes. Updates of
// existing records run at once.
class Writer {
  readonly audits: AuditEvent[] = [];
  private readonly pending = {
    organizations: [] as Prisma.OrganizationCreateManyInput[],
    topics: [] as Prisma.OrganizationTopicCreateManyInput[],
    services: [] as Prisma.ServiceCreateManyInput[],
    serviceTerms: [] as Prisma.ServiceTermCreateManyInput[],
    locations: [] as Prisma.LocationCreateManyInput[],
    links: [] as Prisma.ServiceAtLocationCreateManyInput[],
    contacts: [] as Prisma.ContactPersonCreateManyInput[],
    languages: [] as Prisma.LanguageOfferCreateManyInput[],
  };
  readonly result: ImportResult = {
    rows: 0,
    organizationsCreated: 0,
    organizationsUpdated: 0,
    servicesCreated: 0,
    servicesUpdated: 0,
    locationsCreated: 0,
    locationsUpdated: 0,
    contactsCreated: 0,
    contactsUpdated: 0,
  };

  constructor(
    private readonly tx: Tx,
    private readonly actor: Actor,
    private readonly slugs: Set<string>,
    private readonly publish: boolean,
  ) {}

  // Same shape as writeAudit (lib/data/audit.ts); collected and inserted at once at the end.
  // Collected and written at once at the end (writeAuditMany).
  audit(event: AuditEvent) {
    this.audits.push(event);
  }

  private newSlug(group: GroupPlan): string {
    if (group.slug && !this.slugs.has(group.slug)) {
      this.slugs.add(group.slug);
      return group.slug;
    }
    const base = slugify(String(group.values.name));
    for (let index = 1; ; index++) {
      const candidate = index === 1 ? base : `${base}-${index}`;
      if (!this.slugs.has(candidate)) {
        this.slugs.add(candidate);
        return candidate;
      }
    }
  }

  async organization(group: GroupPlan): Promise<string> {
    const scalars = pick(group.values, ORG_SCALARS);
    const topicIds = group.values.topicIds as string[] | undefined;
    // Keyword columns the row fills (an empty cell changes nothing), per language as the form saves them.
    const keywords = pick(group.values, KEYWORD_FIELDS) as Partial<Record<KeywordField, string[]>>;
    if (group.action === 'create') {
      const slug = this.newSlug(group);
      const status = this.publish ? 'PUBLISHED' : 'DRAFT';
      const created = { id: randomUUID() };
      this.pending.organizations.push({
        ...(scalars as Prisma.OrganizationCreateManyInput),
        id: created.id,
        name: String(group.values.name),
        slug,
        status,
        externalId: group.externalId ?? null,
        keywords: mergeKeywords({}, keywords),
      });
      for (const termId of topicIds ?? []) this.pending.topics.push({ organizationId: created.id, termId });
      this.audit({ action: 'CREATE', entityType: 'Organization', entityId: created.id, organizationId: created.id, changes: { ...snapshot({ ...scalars, topicIds, ...keywords, slug, status, externalId: group.externalId }), version: { before: null, after: 1 } } });
      this.result.organizationsCreated += 1;
      return created.id;
    }
    const id = group.organizationId!;
    const before = await this.tx.organization.findUniqueOrThrow({
      where: { id },
      select: { name: true, shortName: true, description: true, website: true, email: true, phone: true, categoryId: true, externalId: true, version: true, keywords: true, topics: { select: { termId: true } } },
    });
    const next: Values = { ...scalars, topicIds, ...keywords };
    if (group.externalId && !before.externalId) next.externalId = group.externalId;
    const changes = diffChanges({ ...before, topicIds: before.topics.map((t) => t.termId), ...keywordFieldValues(before.keywords) }, next);
    if (Object.keys(changes).length) {
      const data = pick(next, [...ORG_SCALARS, 'externalId']);
      const keywordData = Object.keys(keywords).length ? { keywords: mergeKeywords(before.keywords, keywords) } : {};
      await this.tx.organization.update({ where: { id }, data: { ...data, ...keywordData, version: { increment: 1 } } });
      if (changes.topicIds && topicIds) {
        await this.tx.organizationTopic.deleteMany({ where: { organizationId: id, termId: { notIn: topicIds } } });
        await this.tx.organizationTopic.createMany({ data: topicIds.map((termId) => ({ organizationId: id, termId })), skipDuplicates: true });
      }
      this.audit({ action: 'UPDATE', entityType: 'Organization', entityId: id, organizationId: id, changes: { ...changes, version: { before: before.version, after: before.version + 1 } } });
      this.result.organizationsUpdated += 1;
    }
    return id;
  }

  private async languages(where: { serviceId?: string; contactPersonId?: string }, organizationId: string, codes: string[] | undefined) {
    if (!codes) return;
    const scope = where.contactPersonId ? { contactPersonId: where.contactPersonId } : { serviceId: where.serviceId, contactPersonId: null };
    await this.tx.languageOffer.deleteMany({ where: { ...scope, languageCode: { notIn: codes } } });
    const have = new Set((await this.tx.languageOffer.findMany({ where: scope, select: { languageCode: true } })).map((o) => o.languageCode));
    const missing = codes.filter((code) => !have.has(code));
    if (missing.length) await this.tx.languageOffer.createMany({ data: missing.map((languageCode) => ({ organizationId, languageCode, ...where })) });
  }

  async service(organizationId: string, plan: ChildPlan): Promise<string> {
    const scalars = pick(plan.values, SERVICE_SCALARS);
    const termIds = plan.values.termIds as string[] | undefined;
    const languageCodes = plan.values.languageCodes as string[] | undefined;
    let id = plan.id;
    if (!id) {
      id = randomUUID();
      this.pending.services.push({ ...(scalars as Prisma.ServiceCreateManyInput), id, name: String(plan.values.name), organizationId });
      for (const termId of termIds ?? []) this.pending.serviceTerms.push({ serviceId: id, termId });
      for (const languageCode of languageCodes ?? []) this.pending.languages.push({ organizationId, serviceId: id, languageCode });
      this.audit({ action: 'CREATE', entityType: 'Service', entityId: id, organizationId: organizationId, changes: { ...snapshot({ ...scalars, termIds, languageCodes }), version: { before: null, after: 1 } } });
      this.result.servicesCreated += 1;
      return id;
    }
    const before = await this.tx.service.findUniqueOrThrow({
      where: { id },
      select: { ...Object.fromEntries(SERVICE_SCALARS.map((f) => [f, true])), version: true, terms: { select: { termId: true } }, languageOffers: { where: { contactPersonId: null }, select: { languageCode: true } } },
    }) as unknown as Values & { version: number; terms: { termId: string }[]; languageOffers: { languageCode: string }[] };
    const changes = diffChanges({ ...before, termIds: before.terms.map((t) => t.termId), languageCodes: [...new Set(before.languageOffers.map((o) => o.languageCode))] }, { ...scalars, termIds, languageCodes });
    if (Object.keys(changes).length) {
      await this.tx.service.update({ where: { id }, data: { ...scalars, version: { increment: 1 } } });
      if (termIds) {
        await this.tx.serviceTerm.deleteMany({ where: { serviceId: id, termId: { notIn: termIds } } });
        await this.tx.serviceTerm.createMany({ data: termIds.map((termId) => ({ serviceId: id!, termId })), skipDuplicates: true });
      }
      await this.languages({ serviceId: id }, organizationId, languageCodes);
      this.audit({ action: 'UPDATE', entityType: 'Service', entityId: id, organizationId: organizationId, changes: { ...changes, version: { before: before.version, after: before.version + 1 } } });
      this.result.servicesUpdated += 1;
    }
    return id;
  }

  async location(organizationId: string, plan: ChildPlan): Promise<string> {
    const scalars = pick(plan.values, LOCATION_SCALARS);
    if (!plan.id) {
      const created = { id: randomUUID() };
      this.pending.locations.push({ ...(scalars as Prisma.LocationCreateManyInput), id: created.id, organizationId });
      this.audit({ action: 'CREATE', entityType: 'Location', entityId: created.id, organizationId: organizationId, changes: { ...snapshot(scalars), version: { before: null, after: 1 } } });
      this.result.locationsCreated += 1;
      return created.id;
    }
    const before = (await this.tx.location.findUniqueOrThrow({ where: { id: plan.id }, select: { ...Object.fromEntries(LOCATION_SCALARS.map((f) => [f, true])), version: true } })) as unknown as Values & { version: number };
    const changes = diffChanges(before, scalars);
    if (Object.keys(changes).length) {
      await this.tx.location.update({ where: { id: plan.id }, data: { ...scalars, version: { increment: 1 } } });
      this.audit({ action: 'UPDATE', entityType: 'Location', entityId: plan.id, organizationId: organizationId, changes: { ...changes, version: { before: before.version, after: before.version + 1 } } });
      this.result.locationsUpdated += 1;
    }
    return plan.id;
  }

  async contact(organizationId: string, plan: ChildPlan, serviceId: string | null): Promise<string> {
    const scalars = pick(plan.values, CONTACT_SCALARS);
    const languageCodes = plan.values.languageCodes as string[] | undefined;
    const consent = plan.values.consent === 'given' ? { consentGivenAt: new Date(), consentScope: plan.values.consentScope as string, consentRecordedById: this.actor.id } : null;
    if (!plan.id) {
      const created = { id: randomUUID() };
      this.pending.contacts.push({ ...(scalars as Prisma.ContactPersonCreateManyInput), id: created.id, role: String(plan.values.role), organizationId, serviceId, ...(consent ?? {}) });
      for (const languageCode of languageCodes ?? []) this.pending.languages.push({ organizationId, contactPersonId: created.id, languageCode });
      const { consentRecordedById: _r, ...auditedConsent } = consent ?? {};
      this.audit({ action: 'CREATE', entityType: 'ContactPerson', entityId: created.id, organizationId: organizationId, changes: { ...snapshot({ ...scalars, serviceId, languageCodes, ...auditedConsent }), version: { before: null, after: 1 } } });
      this.result.contactsCreated += 1;
      return created.id;
    }
    const before = (await this.tx.contactPerson.findUniqueOrThrow({
      where: { id: plan.id },
      select: { ...Object.fromEntries(CONTACT_SCALARS.map((f) => [f, true])), consentGivenAt: true, consentWithdrawnAt: true, version: true, languageOffers: { select: { languageCode: true } } },
    })) as unknown as Values & { version: number; consentGivenAt: Date | null; consentWithdrawnAt: Date | null; languageOffers: { languageCode: string }[] };
    // A consent in the file is recorded only where none is recorded; a withdrawal is never undone.
    const newConsent = consent && !before.consentGivenAt && !before.consentWithdrawnAt ? consent : null;
    const next = { ...scalars, languageCodes, ...(newConsent ? { consentGivenAt: newConsent.consentGivenAt, consentScope: newConsent.consentScope } : {}) };
    const changes = diffChanges({ ...before, languageCodes: [...new Set(before.languageOffers.map((o) => o.languageCode))] }, next);
    if (Object.keys(changes).length) {
      await this.tx.contactPerson.update({ where: { id: plan.id }, data: { ...scalars, ...(newConsent ?? {}), version: { increment: 1 } } });
      await this.languages({ contactPersonId: plan.id }, organizationId, languageCodes);
      this.audit({ action: 'UPDATE', entityType: 'ContactPerson', entityId: plan.id, organizationId: organizationId, changes: { ...changes, version: { before: before.version, after: before.version + 1 } } });
      this.result.contactsUpdated += 1;
    }
    return plan.id;
  }
  link(organizationId: string, serviceId: string, locationId: string) {
    if (!this.pending.links.some((l) => l.serviceId === serviceId && l.locationId === locationId)) this.pending.links.push({ organizationId, serviceId, locationId });
  }

  async flush() {
    const insert = async <T>(rows: T[], run: (chunk: T[]) => Promise<unknown>) => {
      for (let start = 0; start < rows.length; start += 1000) await run(rows.slice(start, start + 1000));
    };
    const p = this.pending;
    await insert(p.organizations, (data) => this.tx.organization.createMany({ data }));
    await insert(p.topics, (data) => this.tx.organizationTopic.createMany({ data, skipDuplicates: true }));
    await insert(p.services, (data) => this.tx.service.createMany({ data }));
    await insert(p.serviceTerms, (data) => this.tx.serviceTerm.createMany({ data, skipDuplicates: true }));
    await insert(p.locations, (data) => this.tx.location.createMany({ data }));
    await insert(p.links, (data) => this.tx.serviceAtLocation.createMany({ data, skipDuplicates: true }));
    await insert(p.contacts, (data) => this.tx.contactPerson.createMany({ data }));
    await insert(p.languages, (data) => this.tx.languageOffer.createMany({ data }));
    await insert(this.audits, (events) => writeAuditMany(this.tx, this.actor, events));
  }
}

export async function runImport({ actor, id, publish = false }: { actor: Actor | null; id: string; publish?: boolean }): Promise<ImportResult> {
  const coordinator = requireScopeAll(actor, 'directory.import');
  assertUuid(id);
  return db.$transaction(async (tx) => {
    // The session row is locked: a second click waits and then finds it imported.
    const [session] = await tx.$queryRaw<{ id: string; status: string; headers: string[]; rows: string[][]; firstRow: number; mapping: ImportMapping; filename: string }[]>`
      SELECT "id", "status"::text AS status, "headers", "rows", "firstRow", "mapping", "filename" FROM "ImportSession" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!session) throw new AppError('NOT_FOUND');
    if (session.status !== 'UPLOADED') throw new AppError('CONFLICT', 'Diese Datei wurde schon importiert.');
    const plan = await buildImportPlan({ headers: session.headers, rows: session.rows, firstRow: session.firstRow, mapping: session.mapping }, tx);
    if (plan.errorCount) {
      throw validationError({ _form: [`Die Datei enthält ${plan.errorCount} Fehler. Es wurde nichts importiert.`] }, `Die Datei enthält ${plan.errorCount} Fehler. Es wurde nichts importiert.`);
    }
    if (!plan.rows.length) throw validationError({ _form: ['Die Datei enthält keine Zeilen zum Importieren.'] }, 'Die Datei enthält keine Zeilen zum Importieren.');
    const [organizations, redirects] = await Promise.all([tx.organization.findMany({ select: { slug: true } }), tx.slugRedirect.findMany({ select: { slug: true } })]);
    const writer = new Writer(tx, coordinator, new Set([...organizations, ...redirects].map((row) => row.slug)), publish);
    for (const group of plan.groups) {
      const organizationId = await writer.organization(group);
      const written = new Map<number, { service?: string; location?: string; contact?: string }>();
      for (const row of group.rows) {
        const ids: { service?: string; location?: string; contact?: string } = {};
        const earlier = (part: 'service' | 'location' | 'contact', plan: ChildPlan) => (plan.sameAsRow ? written.get(plan.sameAsRow)?.[part] : undefined);
        if (row.service) ids.service = earlier('service', row.service) ?? (await writer.service(organizationId, row.service));
        if (row.location) ids.location = earlier('location', row.location) ?? (await writer.location(organizationId, row.location));
        if (ids.service && ids.location) writer.link(organizationId, ids.service, ids.location);
        if (row.contact) ids.contact = earlier('contact', row.contact) ?? (await writer.contact(organizationId, row.contact, ids.service ?? null));
        written.set(row.row, ids);
        writer.result.rows += 1;
      }
    }
    await writer.flush();
    await writeAudit(tx, {
      actor: coordinator,
      action: 'IMPORT',
      entityType: 'Import',
      entityId: id,
      changes: { filename: { before: null, after: session.filename }, ...Object.fromEntries(Object.entries(writer.result).map(([k, v]) => [k, { before: null, after: v }])) },
    });
    // The rows (with contacts' personal data) are not kept once imported.
    await tx.importSession.update({ where: { id }, data: { status: 'IMPORTED', importedAt: new Date(), rows: [], result: { ...writer.result } } });
    return writer.result;
  }, IMPORT_TRANSACTION_OPTIONS);
}
