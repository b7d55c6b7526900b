// Every new server action and route handler of contact management and data exchange (issue 13):
// anonymous callers and partners are refused and nothing changes; invalid input from a
// coordinator gets field errors, keeps the entered values and changes nothing; the coordinator
// succeeds.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createImportSession } from '@/lib/data/import/import-sessions';
import { parseImportFile } from '@/lib/import/parse-file';
import { toExcelCsv } from '@/lib/format/csv';
import { createContactPerson, createOrganization, createService } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { form, redirectOf } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));

const listActions = await import('@/app/[locale]/admin/verteiler/actions');
const circularActions = await import('@/app/[locale]/admin/rundschreiben/actions');
const importActions = await import('@/app/[locale]/admin/import/actions');
const copyActions = await import('@/app/[locale]/admin/organisationen/[id]/kopieren/actions');
const optOutActions = await import('@/app/[locale]/rundschreiben/abbestellen/[token]/actions');
const csvRoute = await import('@/app/[locale]/admin/verteiler/[id]/csv/route');
const vcardRoute = await import('@/app/[locale]/admin/verteiler/[id]/vcard/route');
const attachmentsRoute = await import('@/app/api/admin/circulars/[id]/attachments/route');
const progressRoute = await import('@/app/api/admin/circulars/[id]/progress/route');
const uploadRoute = await import('@/app/api/admin/import/upload/route');
const templateRoute = await import('@/app/[locale]/admin/import/vorlage/[format]/route');
const exportRoute = await import('@/app/[locale]/admin/export/datei/route');
const duplicatesRoute = await import('@/app/api/admin/duplicates/route');
const oneClickRoute = await import('@/app/api/circulars/opt-out/[token]/route');
const { createOptOutToken } = await import('@/lib/data/circulars/opt-out');

const db = getTestDb();
const idle = { status: 'idle' as const };

async function signInAs(actor: { id: string; name: string; email: string } | null) {
  session.cookie = actor ? await sessionCookieFor(actor) : undefined;
}

async function snapshot() {
  const tables = await Promise.all([
    db.distributionList.findMany({ orderBy: { id: 'asc' } }),
    db.circular.findMany({ orderBy: { id: 'asc' } }),
    db.circularAttachment.count(),
    db.circularDelivery.count(),
    db.importSession.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, mapping: true } }),
    db.importLayout.count(),
    db.organization.count(),
    db.service.count(),
    db.contactPerson.findMany({ orderBy: { id: 'asc' }, select: { id: true, mailingOptOutAt: true } }),
    db.auditLog.count(),
  ]);
  return tables;
}

async function world() {
  const admin = await createAdminActor();
  const org = await createOrganization({ email: 'stelle@example.org' });
  await createService({ organizationId: org.id });
  const contact = await createContactPerson({ organizationId: org.id, role: 'Beratung (Beispiel)', name: 'Eva Beispiel' });
  const partner = await createPartnerActor([org.id]);
  await signInAs(admin);
  const listUrl = await redirectOf(listActions.createDistributionListAction(idle, form({ name: 'Alle (Beispiel)', addressMode: 'FUNCTIONAL_MAILBOX', useFilter: 'on' })));
  const listId = /verteiler\/([0-9a-f-]{36})/.exec(listUrl!)![1];
  const circularUrl = await redirectOf(listActions.createCircularAction(listId, idle, form({ subject: 'Hallo', body: 'Text' })));
  const circularId = /rundschreiben\/([0-9a-f-]{36})/.exec(circularUrl!)![1];
  await db.circularAttachment.create({ data: { circularId, filename: 'a.txt', contentType: 'text/plain', size: 1, content: new Uint8Array([65]) } });
  const attachment = await db.circularAttachment.findFirstOrThrow();
  const table = await parseImportFile(toExcelCsv(['Name'], [['Neuer Verein (Beispiel)']]), 'a.csv');
  const { id: importId } = await createImportSession({ actor: admin, filename: 'a.csv', table });
  await signInAs(null);
  return { admin, org, contact, partner, listId, circularId, attachmentId: attachment.id, importId };
}

const get = (path: string) => new Request(`http://localhost${path}`);
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

describe('issue 13 actions and routes', () => {
  it('refuse anonymous callers and partners, writing nothing', async () => {
    const w = await world();
    const before = await snapshot();
    for (const actor of [null, w.partner]) {
      await signInAs(actor);
      const results = [
        await listActions.createDistributionListAction(idle, form({ name: 'X', addressMode: 'FUNCTIONAL_MAILBOX', useFilter: 'on' })),
        await listActions.updateDistributionListAction(w.listId, idle, form({ name: 'X', addressMode: 'FUNCTIONAL_MAILBOX', useFilter: 'on', version: '1' })),
        await listActions.deleteDistributionListAction(w.listId, idle),
        await listActions.createCircularAction(w.listId, idle, form({ subject: 'X', body: 'Y' })),
        await circularActions.updateCircularAction(w.circularId, idle, form({ subject: 'X', body: 'Y', version: '1' })),
        await circularActions.queueCircularAction(w.circularId, 1, idle),
        await circularActions.deleteCircularAction(w.circularId, idle),
        await circularActions.removeAttachmentAction(w.circularId, w.attachmentId, idle),
        await importActions.saveImportMappingAction(w.importId, idle, form({ 'column-0': 'name' })),
        await importActions.runImportAction(w.importId, idle, form({})),
        await importActions.deleteImportAction(w.importId, idle),
        await copyActions.copyOrganizationAction(w.org.id, idle),
      ];
      results.forEach((result, index) => expect(result.status, `action #${index}`).toBe('error'));
      const expected = actor ? 403 : 401;
      const responses = [
        await csvRoute.GET(get(`/de/admin/verteiler/${w.listId}/csv`), params({ id: w.listId })),
        await vcardRoute.GET(get(`/de/admin/verteiler/${w.listId}/vcard`), params({ id: w.listId })),
        await progressRoute.GET(get(`/api/admin/circulars/${w.circularId}/progress`), params({ id: w.circularId })),
        await templateRoute.GET(get('/de/admin/import/vorlage/csv'), params({ format: 'csv' })),
        await exportRoute.GET(get('/de/admin/export/datei?format=xlsx&tables=contacts&includeInternal=1')),
        await duplicatesRoute.GET(get('/api/admin/duplicates?name=Tr%C3%A4ger')),
      ];
      responses.forEach((response, index) => expect(response.status, `route #${index}`).toBe(expected));
      const upload = new FormData();
      upload.append('files', new Blob(['x']), 'x.txt');
      const attach = await attachmentsRoute.POST(new Request(`http://localhost/api/admin/circulars/${w.circularId}/attachments`, { method: 'POST', body: upload }), params({ id: w.circularId }));
      expect(attach.status).toBe(actor ? 403 : 303);
      if (!actor) expect(attach.headers.get('location')).toContain('/de/anmelden');
      const file = new FormData();
      file.append('file', new Blob(['Name\nX']), 'x.csv');
      const imported = await uploadRoute.POST(new Request('http://localhost/api/admin/import/upload', { method: 'POST', body: file }));
      expect(imported.status).toBe(actor ? 403 : 303);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('return field errors and the entered values for invalid input, writing nothing', async () => {
    const w = await world();
    await signInAs(w.admin);
    const before = await snapshot();
    const created = await listActions.createDistributionListAction(idle, form({ name: '', addressMode: 'ROLE', categoryIds: ['kaputt'] }));
    expect(created.status).toBe('error');
    expect(Object.keys(created.fieldErrors ?? {}).sort()).toEqual(['categoryIds', 'name', 'role', 'useFilter']);
    expect(created.values).toMatchObject({ addressMode: 'ROLE', categoryIds: ['kaputt'] });
    const updated = await listActions.updateDistributionListAction(w.listId, idle, form({ name: 'X', addressMode: 'LAUTER', version: '1' }));
    expect(updated.fieldErrors).toHaveProperty('addressMode');
    const circular = await listActions.createCircularAction(w.listId, idle, form({ subject: '', body: '   ' }));
    expect(Object.keys(circular.fieldErrors ?? {}).sort()).toEqual(['body', 'subject']);
    const draft = await circularActions.updateCircularAction(w.circularId, idle, form({ subject: 'x'.repeat(201), body: 'Text', version: '1' }));
    expect(draft.fieldErrors).toHaveProperty('subject');
    expect(draft.values).toMatchObject({ body: 'Text' });
    const mapping = await importActions.saveImportMappingAction(w.importId, idle, form({ 'column-0': 'gibt-es-nicht' }));
    expect(mapping.fieldErrors).toHaveProperty('column-0');
    expect(await snapshot()).toEqual(before);
  });

  it('let the coordinator work; the opt-out link needs no account', async () => {
    const w = await world();
    await signInAs(w.admin);
    expect(await redirectOf(listActions.updateDistributionListAction(w.listId, idle, form({ name: 'Neu (Beispiel)', addressMode: 'ALL_CONTACTS', useFilter: 'on', includeInternal: 'on', version: '1' })))).toBe(
      `/de/admin/verteiler/${w.listId}?gespeichert=1`,
    );
    const csv = await csvRoute.GET(get(`/de/admin/verteiler/${w.listId}/csv`), params({ id: w.listId }));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('verteiler-neu-beispiel.csv');
    const vcard = await vcardRoute.GET(get(`/de/admin/verteiler/${w.listId}/vcard`), params({ id: w.listId }));
    expect(await vcard.text()).toContain('FN:Eva Beispiel');
    const template = await templateRoute.GET(get('/de/admin/import/vorlage/xlsx'), params({ format: 'xlsx' }));
    expect([...new Uint8Array(await template.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(await redirectOf(importActions.saveImportMappingAction(w.importId, idle, form({ 'column-0': 'name' })))).toContain(`/de/admin/import/${w.importId}?zuordnung=1`);
    expect(await redirectOf(importActions.runImportAction(w.importId, idle, form({ publish: 'on' })))).toBe(`/de/admin/import/${w.importId}?importiert=1`);
    expect(await db.organization.findFirstOrThrow({ where: { name: 'Neuer Verein (Beispiel)' } })).toMatchObject({ status: 'PUBLISHED' });
    const copy = await redirectOf(copyActions.copyOrganizationAction(w.org.id, idle));
    expect(copy).toMatch(/\/de\/admin\/organisationen\/[0-9a-f-]{36}\?gespeichert=1/);
    expect(await redirectOf(circularActions.deleteCircularAction(w.circularId, idle))).toBe(`/de/admin/verteiler/${w.listId}?entwurfGeloescht=1`);
    expect(await redirectOf(listActions.deleteDistributionListAction(w.listId, idle))).toBe('/de/admin/verteiler?geloescht=1');

    await signInAs(null);
    const token = createOptOutToken({ kind: 'contact', id: w.contact.id });
    expect(await redirectOf(optOutActions.optOutAction(form({ token: 'kaputt' })))).toContain('ergebnis=ungueltig');
    expect((await db.contactPerson.findUniqueOrThrow({ where: { id: w.contact.id } })).mailingOptOutAt).toBeNull();
    expect(await redirectOf(optOutActions.optOutAction(form({ token })))).toBe(`/de/rundschreiben/abbestellen/${token}?ergebnis=abgemeldet`);
    expect((await db.contactPerson.findUniqueOrThrow({ where: { id: w.contact.id } })).mailingOptOutAt).not.toBeNull();
    const orgToken = createOptOutToken({ kind: 'organization', id: w.org.id });
    const oneClick = await oneClickRoute.POST(new Request(`http://localhost/api/circulars/opt-out/${orgToken}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' }), params({ token: orgToken }));
    expect(oneClick.status).toBe(200);
    expect((await db.organization.findUniqueOrThrow({ where: { id: w.org.id } })).mailingOptOutAt).not.toBeNull();
    // One signature character surely changed (before, the last one became "A": when it was "A" to
    // "D", a spelling of the same signature, which the check then accepted).
    const forgedToken = (token: string) => {
      const at = token.length - 1;
      return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    };
    const forged = await oneClickRoute.POST(new Request('http://localhost/api/circulars/opt-out/x', { method: 'POST' }), params({ token: forgedToken(orgToken) }));
    expect(forged.status).toBe(404);
    // The last character's two lowest bits are padding: another spelling of the same signature is
    // not the token either.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelt = `${orgToken.slice(0, -1)}${alphabet[alphabet.indexOf(orgToken.at(-1)!) ^ 1]}`;
    expect(Buffer.from(respelt.slice(-43), 'base64url').equals(Buffer.from(orgToken.slice(-43), 'base64url'))).toBe(true);
    const respeltAnswer = await oneClickRoute.POST(new Request('http://localhost/api/circulars/opt-out/x', { method: 'POST' }), params({ token: respelt }));
    expect(respeltAnswer.status).toBe(404);
  });
});
