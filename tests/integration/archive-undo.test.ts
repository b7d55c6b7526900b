// "Rückgängig machen" after archiving: the status before the archive comes from the server's own
// audit row, only PUBLISHED or DRAFT are accepted, the change is audited, and only coordinators may.
import { beforeEach, describe, expect, it } from 'vitest';
import { createOrganization } from '@/lib/data/admin-organizations';
import { setOrganizationStatus, undoOrganizationArchive } from '@/lib/data/organization-state';
import { createOrganization as createOrgRecord } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';
import { expectCode } from './helpers/server-actions.ts';

const db = getTestDb();

beforeEach(async () => {
  await resetDb();
});

async function statusOf(id: string) {
  return db.organization.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
}

describe('undoOrganizationArchive', () => {
  it.each([
    ['PUBLISHED', 'PUBLISH'],
    ['DRAFT', 'UNPUBLISH'],
  ] as const)('restores %s, the status before archiving, audited as %s', async (previous, action) => {
    const admin = await createAdminActor();
    const { id } = await createOrganization({ actor: admin, input: { name: 'Rückgängig (Beispiel)' } });
    if (previous === 'PUBLISHED') await setOrganizationStatus({ actor: admin, id, status: 'PUBLISHED' });
    await setOrganizationStatus({ actor: admin, id, status: 'ARCHIVED' });
    const archived = await statusOf(id);
    expect(await undoOrganizationArchive({ actor: admin, id })).toEqual({ status: previous });
    expect(await statusOf(id)).toEqual({ status: previous, version: archived.version + 1 });
    const last = await db.auditLog.findFirstOrThrow({ where: { entityId: id }, orderBy: { id: 'desc' } });
    expect(last.action).toBe(action);
    expect(last.actorId).toBe(admin.id);
    expect((last.changes as Record<string, unknown>).status).toEqual({ before: 'ARCHIVED', after: previous });
    // A second undo has nothing to undo.
    await expectCode(undoOrganizationArchive({ actor: admin, id }), 'VALIDATION');
  });

  it('takes the latest archive: published, archived, unarchived to draft, archived again -> draft', async () => {
    const admin = await createAdminActor();
    const { id } = await createOrganization({ actor: admin, input: { name: 'Zweimal (Beispiel)' } });
    await setOrganizationStatus({ actor: admin, id, status: 'PUBLISHED' });
    await setOrganizationStatus({ actor: admin, id, status: 'ARCHIVED' });
    await setOrganizationStatus({ actor: admin, id, status: 'DRAFT' });
    await setOrganizationStatus({ actor: admin, id, status: 'ARCHIVED' });
    expect(await undoOrganizationArchive({ actor: admin, id })).toEqual({ status: 'DRAFT' });
    expect((await statusOf(id)).status).toBe('DRAFT');
  });

  it('refuses anonymous callers and partners of the entry, changing nothing', async () => {
    const admin = await createAdminActor();
    const { id } = await createOrganization({ actor: admin, input: { name: 'Partner (Beispiel)' } });
    await setOrganizationStatus({ actor: admin, id, status: 'PUBLISHED' });
    await setOrganizationStatus({ actor: admin, id, status: 'ARCHIVED' });
    const partner = await createPartnerActor([id]);
    const before = await db.auditLog.count();
    await expectCode(undoOrganizationArchive({ actor: null, id }), 'UNAUTHENTICATED');
    await expectCode(undoOrganizationArchive({ actor: partner, id }), 'FORBIDDEN');
    expect((await statusOf(id)).status).toBe('ARCHIVED');
    expect(await db.auditLog.count()).toBe(before);
  });

  it('never guesses: an entry archived without an archive record, or with an unknown earlier status, stays archived', async () => {
    const admin = await createAdminActor();
    const bare = await createOrgRecord({ status: 'ARCHIVED' });
    await expectCode(undoOrganizationArchive({ actor: admin, id: bare.id }), 'VALIDATION');
    expect((await statusOf(bare.id)).status).toBe('ARCHIVED');

    const odd = await createOrgRecord({ status: 'ARCHIVED' });
    await db.auditLog.create({
      data: { actorName: 'Test', action: 'ARCHIVE', entityType: 'Organization', entityId: odd.id, organizationId: odd.id, changes: { status: { before: 'ARCHIVED', after: 'ARCHIVED' } } },
    });
    await expectCode(undoOrganizationArchive({ actor: admin, id: odd.id }), 'VALIDATION');
    expect((await statusOf(odd.id)).status).toBe('ARCHIVED');
  });

  it('refuses an entry that is not archived and one in the trash', async () => {
    const admin = await createAdminActor();
    const published = await createOrgRecord();
    await expectCode(undoOrganizationArchive({ actor: admin, id: published.id }), 'VALIDATION');
    expect((await statusOf(published.id)).status).toBe('PUBLISHED');
    const trashed = await createOrgRecord({ status: 'ARCHIVED', deletedAt: new Date() });
    await expectCode(undoOrganizationArchive({ actor: admin, id: trashed.id }), 'NOT_FOUND');
    await expectCode(undoOrganizationArchive({ actor: admin, id: 'keine-uuid' }), 'NOT_FOUND');
  });
});
