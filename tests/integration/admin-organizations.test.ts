import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { createOrganization, getAdminOrganization, listAdminOrganizations, listTrash, updateOrganization } from '@/lib/data/admin-organizations';
import { deleteOrganization, restoreOrganization, setOrganizationStatus } from '@/lib/data/organization-state';
import { listOrganizationHistory } from '@/lib/data/audit-log';
import { restoreFieldFromHistory } from '@/lib/data/history';
import { createOrganization as createOrgRecord, createTaxonomyTerm } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';
import { expectCode } from './helpers/server-actions.ts';

const db = getTestDb();


beforeEach(async () => {
  await resetDb();
});

describe('createOrganization', () => {
  it('creates a draft with a German slug and an audit entry', async () => {
    const admin = await createAdminActor();
    const topic = await createTaxonomyTerm();
    const created = await createOrganization({ actor: admin, input: { name: 'Jugendmigrationsdienst Tangermünde & Stendal', topicIds: [topic.id], email: 'JMD@Example.org' } });
    expect(created.slug).toBe('jugendmigrationsdienst-tangermuende-und-stendal');
    const row = await db.organization.findUniqueOrThrow({ where: { id: created.id }, include: { topics: true } });
    expect(row.status).toBe('DRAFT');
    expect(row.email).toBe('jmd@example.org');
    expect(row.topics.map((t) => t.termId)).toEqual([topic.id]);
    const audit = await db.auditLog.findMany({ where: { entityId: created.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('CREATE');
    expect((audit[0].changes as Record<string, { after: unknown }>).name.after).toBe('Jugendmigrationsdienst Tangermünde & Stendal');
  });

  it('makes slugs unique', async () => {
    const admin = await createAdminActor();
    await createOrganization({ actor: admin, input: { name: 'Caritas Stendal' } });
    const second = await createOrganization({ actor: admin, input: { name: 'Caritas  Stendal!' } });
    expect(second.slug).toBe('caritas-stendal-2');
  });

  it('refuses anonymous callers and partners, writing nothing', async () => {
    const org = await createOrgRecord();
    const partner = await createPartnerActor([org.id]);
    await expectCode(createOrganization({ actor: null, input: { name: 'X' } }), 'UNAUTHENTICATED');
    await expectCode(createOrganization({ actor: partner, input: { name: 'X' } }), 'FORBIDDEN');
    expect(await db.organization.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('returns field errors for invalid input and writes nothing', async () => {
    const admin = await createAdminActor();
    const error = await expectCode(
      createOrganization({ actor: admin, input: { name: '', email: 'kein-at', website: 'javascript:alert(1)', reviewIntervalMonths: 'x' } }),
      'VALIDATION',
    );
    expect(Object.keys(error.details.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'reviewIntervalMonths', 'website']);
    expect(error.details.fieldErrors?.name?.[0]).toMatch(/Feld aus/);
    expect(await db.organization.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('rejects unknown categories', async () => {
    const admin = await createAdminActor();
    const topic = await createTaxonomyTerm({ kind: 'TOPIC' });
    const error = await expectCode(createOrganization({ actor: admin, input: { name: 'A', categoryId: topic.id } }), 'VALIDATION');
    expect(error.details.fieldErrors?.categoryId).toBeDefined();
  });
});

describe('updateOrganization', () => {
  it('updates with field-level audit and keeps the old slug as redirect', async () => {
    const admin = await createAdminActor();
    const { id, slug } = await createOrganization({ actor: admin, input: { name: 'Alter Name', phone: '03931 60-7041' } });
    const result = await updateOrganization({ actor: admin, id, version: 1, input: { name: 'Neuer Name', phone: '03931 60-7041' } });
    expect(result).toMatchObject({ version: 2, slug: 'neuer-name', changed: true });
    const redirect = await db.slugRedirect.findUnique({ where: { slug } });
    expect(redirect?.organizationId).toBe(id);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: 'UPDATE' } });
    expect(audit.changes).toEqual({
      name: { before: 'Alter Name', after: 'Neuer Name' },
      slug: { before: 'alter-name', after: 'neuer-name' },
      version: { before: 1, after: 2 },
    });
  });

  it('does nothing when nothing changed', async () => {
    const admin = await createAdminActor();
    const { id } = await createOrganization({ actor: admin, input: { name: 'Gleich' } });
    const result = await updateOrganization({ actor: admin, id, version: 1, input: { name: 'Gleich' } });
    expect(result.changed).toBe(false);
    expect(await db.auditLog.count({ where: { action: 'UPDATE' } })).toBe(0);
  });

  it('refuses a stale version and reports what the other person changed', async () => {
    const admin = await createAdminActor();
    const other = await createAdminActor();
    const { id } = await createOrganization({ actor: admin, input: { name: 'Beratung', phone: '03931 60-7001' } });
    await updateOrganization({ actor: other, id, version: 1, input: { phone: '03931 60-7002' } });
    const error = await expectCode(updateOrganization({ actor: admin, id, version: 1, input: { name: 'Meins' } }), 'CONFLICT');
    expect(error.details.currentVersion).toBe(2);
    expect(error.details.changes).toEqual([expect.objectContaining({ field: 'phone', before: '03931 60-7001', after: '03931 60-7002', by: other.name })]);
    expect((await db.organization.findUniqueOrThrow({ where: { id } })).name).toBe('Beratung');
  });

  it('20 parallel saves of the same version: one succeeds, 19 conflict, one audit entry', async () => {
    const admin = await createAdminActor();
    const { id } = await createOrganization({ actor: admin, input: { name: 'Parallel' } });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) => updateOrganization({ actor: admin, id, version: 1, input: { phone: `03931 60-${7100 + index}` } })),
    );
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(19);
    for (const r of rejected) expect((r.reason as AppError).code).toBe('CONFLICT');
    expect(await db.auditLog.count({ where: { entityId: id, action: 'UPDATE' } })).toBe(1);
    expect((await db.organization.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });

  it('refuses anonymous, partners of other organizations and untrusted partners', async () => {
    const admin = await createAdminActor();
    const { id } = await createOrganization({ actor: admin, input: { name: 'Ziel' } });
    const otherOrg = await createOrgRecord();
    const stranger = await createPartnerActor([otherOrg.id]);
    const member = await createPartnerActor([id]);
    await expectCode(updateOrganization({ actor: null, id, version: 1, input: { name: 'X' } }), 'UNAUTHENTICATED');
    await expectCode(updateOrganization({ actor: stranger, id, version: 1, input: { name: 'X' } }), 'NOT_FOUND');
    // Untrusted partners propose changes instead (issue 5).
    await expectCode(updateOrganization({ actor: member, id, version: 1, input: { name: 'X' } }), 'NOT_FOUND');
    await db.organization.update({ where: { id }, data: { isTrusted: true } });
    await expect(updateOrganization({ actor: member, id, version: 1, input: { name: 'Vertrauenswürdig' } })).resolves.toMatchObject({ changed: true });
    await expectCode(updateOrganization({ actor: stranger, id, version: 2, input: { name: 'X' } }), 'NOT_FOUND');
    expect((await db.organization.findUniqueOrThrow({ where: { id } })).name).toBe('Vertrauenswürdig');
  });

  it('returns field errors for invalid input and writes nothing', async () => {
    const admin = await createAdminActor();
    const { id } = await createOrganization({ actor: admin, input: { name: 'Valide' } });
    const error = await expectCode(updateOrganization({ actor: admin, id, version: 1, input: { name: ' ', email: 'x@' } }), 'VALIDATION');
    expect(error.details.fieldErrors).toHaveProperty('name');
    expect(error.details.fieldErrors).toHaveProperty('email');
    expect((await db.organization.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });
});

describe('status, trash, history', () => {
  it('publishes, archives, deletes and restores with audit; partners are refused', async () => {
    const admin = await createAdminActor();
    const { id } = await createOrganization({ actor: admin, input: { name: 'Status' } });
    const partner = await createPartnerActor([id]);
    await expectCode(setOrganizationStatus({ actor: null, id, status: 'PUBLISHED' }), 'UNAUTHENTICATED');
    await expectCode(setOrganizationStatus({ actor: partner, id, status: 'PUBLISHED' }), 'FORBIDDEN');
    await setOrganizationStatus({ actor: admin, id, status: 'PUBLISHED' });
    await setOrganizationStatus({ actor: admin, id, status: 'ARCHIVED' });
    await expectCode(deleteOrganization({ actor: partner, id }), 'FORBIDDEN');
    await deleteOrganization({ actor: admin, id });
    expect((await listAdminOrganizations({ actor: admin })).total).toBe(0);
    expect((await listTrash({ actor: admin })).organizations.map((o) => o.id)).toEqual([id]);
    await expectCode(updateOrganization({ actor: admin, id, version: 4, input: { name: 'X' } }), 'NOT_FOUND');
    await restoreOrganization({ actor: admin, id });
    const actions = (await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['CREATE', 'PUBLISH', 'ARCHIVE', 'DELETE', 'RESTORE']);
  });

  it('restores a previous field value from history', async () => {
    const admin = await createAdminActor();
    const { id } = await createOrganization({ actor: admin, input: { name: 'Historie', phone: '03931 60-7010' } });
    await updateOrganization({ actor: admin, id, version: 1, input: { phone: '03931 60-7011' } });
    const history = await listOrganizationHistory({ actor: admin, organizationId: id });
    const update = history.find((entry) => entry.action === 'UPDATE')!;
    const partner = await createPartnerActor([id]);
    await expectCode(restoreFieldFromHistory({ actor: partner, auditId: update.id, field: 'phone', version: 2 }), 'FORBIDDEN');
    await expectCode(restoreFieldFromHistory({ actor: null, auditId: update.id, field: 'phone', version: 2 }), 'UNAUTHENTICATED');
    await expectCode(restoreFieldFromHistory({ actor: admin, auditId: update.id, field: 'phone', version: 1 }), 'CONFLICT');
    await restoreFieldFromHistory({ actor: admin, auditId: update.id, field: 'phone', version: 2 });
    expect((await db.organization.findUniqueOrThrow({ where: { id } })).phone).toBe('03931 60-7010');
  });

  it('lists, filters, sorts and paginates; partners see only their own', async () => {
    const admin = await createAdminActor();
    const category = await createTaxonomyTerm({ kind: 'CATEGORY' });
    for (let i = 0; i < 30; i++) {
      await createOrgRecord({ name: `Org ${String(i).padStart(2, '0')}`, status: i % 2 ? 'PUBLISHED' : 'DRAFT', categoryId: i < 3 ? category.id : null, lastVerifiedAt: i === 0 ? new Date() : new Date('2020-01-01T00:00:00Z') });
    }
    const first = await listAdminOrganizations({ actor: admin, query: { sort: 'name' } });
    expect(first.total).toBe(30);
    expect(first.items).toHaveLength(25);
    expect(first.pageCount).toBe(2);
    expect(first.items[0].name).toBe('Org 00');
    const second = await listAdminOrganizations({ actor: admin, query: { page: 2, sort: 'name', dir: 'desc' } });
    expect(second.items.at(-1)?.name).toBe('Org 00');
    expect((await listAdminOrganizations({ actor: admin, query: { status: 'PUBLISHED' } })).total).toBe(15);
    expect((await listAdminOrganizations({ actor: admin, query: { categoryId: category.id } })).total).toBe(3);
    expect((await listAdminOrganizations({ actor: admin, query: { q: 'org 1' } })).total).toBe(10);
    expect((await listAdminOrganizations({ actor: admin, query: { isOutdated: true } })).total).toBe(29);
    const own = await db.organization.findFirstOrThrow({ where: { name: 'Org 05' } });
    const partner = await createPartnerActor([own.id]);
    const partnerList = await listAdminOrganizations({ actor: partner });
    expect(partnerList.items.map((o) => o.id)).toEqual([own.id]);
    await expect(listAdminOrganizations({ actor: null })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expectCode(getAdminOrganization({ actor: partner, id: first.items[0].id }), 'NOT_FOUND');
  });
});
