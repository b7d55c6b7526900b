// Circulars through a real SMTP server started here (smtp-server): one mail per recipient with the
// attachments and a working opt-out link; the send is queued and processed in the background with
// row locks, so two senders at once deliver every mail exactly once; SMTP refusals are recorded
// as bounces; opt-outs after queueing are respected; drafts only change while unsent.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpCapture } from '../support/smtp-capture.ts';
import { createContactPerson, createOrganization } from '../factories/index.ts';
import { getTestDb, resetDb, testDatabaseUrl } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';
import { expectCode } from './helpers/server-actions.ts';

// Before any app module reads the environment: the app's SMTP settings point at this server.
const smtp = await startSmtpCapture({ rejectRecipients: /^unzustellbar/ });
process.env.SMTP_HOST = '127.0.0.1';
process.env.SMTP_PORT = String(smtp.port);
process.env.SMTP_SECURE = 'false';
process.env.SMTP_FROM = 'Netzwerk Integration Stendal (Beispiel) <rundschreiben@example.org>';

const { createDistributionList } = await import('@/lib/data/distribution-lists/create-distribution-list');
const { createCircular } = await import('@/lib/data/circulars/create-circular');
const { updateCircular } = await import('@/lib/data/circulars/update-circular');
const { addCircularAttachments, removeCircularAttachment } = await import('@/lib/data/circulars/circular-attachments');
const { queueCircular } = await import('@/lib/data/circulars/queue-circular');
const { deleteCircular } = await import('@/lib/data/circulars/delete-circular');
const { getCircular, getCircularProgress, listCirculars } = await import('@/lib/data/circulars/get-circular');
const { processCircularQueue } = await import('@/lib/data/circulars/process-circular-queue');
const { inspectOptOutToken, optOutOfCirculars, verifyOptOutToken, createOptOutToken } = await import('@/lib/data/circulars/opt-out');
const { resolveRecipients } = await import('@/lib/data/distribution-lists/resolve-recipients');

const db = getTestDb();

afterAll(() => smtp.close());

beforeEach(async () => {
  await resetDb();
  smtp.mails.length = 0;
});

async function world(recipientCount = 3) {
  const admin = await createAdminActor();
  const orgs = [];
  for (let i = 0; i < recipientCount; i++) orgs.push(await createOrganization({ email: `stelle-${i}@example.org` }));
  const { id: listId } = await createDistributionList({
    actor: admin,
    input: { name: 'Alle Beratungsstellen (Beispiel)', addressMode: 'FUNCTIONAL_MAILBOX', organizationIds: orgs.map((o) => o.id) },
  });
  const { id } = await createCircular({ actor: admin, listId, input: { subject: 'Einladung zum Netzwerktreffen', body: '# Liebe Kolleg*innen\n\nDas **Treffen** ist am 3. März.' } });
  return { admin, orgs, listId, id };
}

describe('sending a circular', () => {
  it('delivers one mail per recipient with the attachment, the Markdown as HTML and an opt-out link', async () => {
    const { admin, orgs, id } = await world(3);
    const pdf = Buffer.from('%PDF-1.4 Tagesordnung (Beispiel)');
    await addCircularAttachments({ actor: admin, id, files: [{ filename: 'Tagesordnung März.pdf', contentType: 'application/pdf', content: pdf }] });
    const { recipientCount } = await queueCircular({ actor: admin, id, version: 1 });
    expect(recipientCount).toBe(3);
    // Queued, nothing sent yet: the request does not wait for SMTP.
    expect(smtp.mails).toHaveLength(0);
    expect(await getCircularProgress({ actor: admin, id })).toMatchObject({ status: 'QUEUED', pending: 3 });

    const run = await processCircularQueue();
    expect(run).toEqual({ sent: 3, failed: 0, skipped: 0, retrying: 0 });
    expect(smtp.mails).toHaveLength(3);
    for (const org of orgs) {
      const [mail] = smtp.to(org.email!);
      expect(mail, org.email!).toBeDefined();
      expect(mail.envelopeTo).toEqual([org.email]);
      expect(mail.parsed.subject).toBe('Einladung zum Netzwerktreffen');
      expect(mail.parsed.attachments.map((a) => [a.filename, a.content.equals(pdf)])).toEqual([['Tagesordnung März.pdf', true]]);
      expect(mail.parsed.html).toContain('<strong>Treffen</strong>');
      // The gender star stays text.
      expect(mail.parsed.text).toContain('Liebe Kolleg*innen');
      expect(mail.parsed.replyTo?.value[0].address).toBe(admin.email);
      const link = /https?:\/\/\S+\/de\/rundschreiben\/abbestellen\/(\S+)/.exec(mail.parsed.text ?? '')!;
      expect(verifyOptOutToken(link[1])).toEqual({ kind: 'organization', id: org.id });
      expect(mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain(`/api/circulars/opt-out/${link[1]}>`);
    }
    const done = await getCircular({ actor: admin, id });
    expect(done).toMatchObject({ status: 'DONE', sentCount: 3, failedCount: 0, recipientCount: 3 });
    expect(done.deliveries.every((d) => d.status === 'SENT' && d.sentAt)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Circular', entityId: id, action: 'SEND' } });
    expect(audit).toMatchObject({ actorId: admin.id });
    expect(audit.changes).toMatchObject({ recipients: { after: 3 }, attachments: { after: 1 }, listName: { after: 'Alle Beratungsstellen (Beispiel)' } });
    // A second run finds nothing more to send.
    expect(await processCircularQueue()).toEqual({ sent: 0, failed: 0, skipped: 0, retrying: 0 });
    expect(smtp.mails).toHaveLength(3);
  });

  it('two senders at the same time (two app instances) send every mail exactly once', async () => {
    const { admin, id } = await world(24);
    await queueCircular({ actor: admin, id, version: 1 });
    const [a, b] = await Promise.all([processCircularQueue({ batchSize: 3 }), processCircularQueue({ batchSize: 3 })]);
    expect(a.sent + b.sent).toBe(24);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const perAddress = new Map<string, number>();
    for (const mail of smtp.mails) for (const to of mail.envelopeTo) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(perAddress.size).toBe(24);
    expect([...perAddress.values()].every((count) => count === 1)).toBe(true);
    expect(await getCircularProgress({ actor: admin, id })).toMatchObject({ status: 'DONE', sentCount: 24, pending: 0 });
  });

  it('a sender skips rows another instance holds locked instead of waiting for them', async () => {
    const { admin, orgs, id } = await world(4);
    await queueCircular({ actor: admin, id, version: 1 });
    const held = [orgs[0].email!, orgs[1].email!];
    await db.$transaction(
      async (tx) => {
        // Another instance in the middle of claiming these two.
        await tx.$queryRaw`SELECT "id" FROM "CircularDelivery" WHERE "email" IN (${held[0]}, ${held[1]}) FOR UPDATE`;
        const started = Date.now();
        expect(await processCircularQueue()).toMatchObject({ sent: 2 });
        expect(Date.now() - started).toBeLessThan(8_000);
      },
      { timeout: 15_000 },
    );
    expect(smtp.mails.flatMap((m) => m.envelopeTo).sort()).toEqual([orgs[2].email, orgs[3].email].sort());
    expect((await getCircularProgress({ actor: admin, id })).status).toBe('QUEUED');
    expect(await processCircularQueue()).toMatchObject({ sent: 2 });
    expect(await getCircularProgress({ actor: admin, id })).toMatchObject({ status: 'DONE', sentCount: 4 });
  });

  it('records a refused recipient as a bounce with the server answer and delivers the rest', async () => {
    const admin = await createAdminActor();
    const good = await createOrganization({ email: 'gut@example.org' });
    const bad = await createOrganization({ email: 'unzustellbar@example.org' });
    const { id: listId } = await createDistributionList({ actor: admin, input: { name: 'Zwei (Beispiel)', addressMode: 'FUNCTIONAL_MAILBOX', organizationIds: [good.id, bad.id] } });
    const { id } = await createCircular({ actor: admin, listId, input: { subject: 'Hinweis', body: 'Text' } });
    await queueCircular({ actor: admin, id, version: 1 });
    expect(await processCircularQueue()).toMatchObject({ sent: 1, failed: 1 });
    const circular = await getCircular({ actor: admin, id });
    expect(circular).toMatchObject({ status: 'DONE', sentCount: 1, failedCount: 1 });
    const failed = circular.deliveries.find((d) => d.email === 'unzustellbar@example.org')!;
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/550/);
    expect(smtp.to('gut@example.org')).toHaveLength(1);
  });

  it('retries a temporary failure and gives up after three attempts', async () => {
    const { admin, id } = await world(1);
    await queueCircular({ actor: admin, id, version: 1 });
    const failing = { sendMail: async () => Promise.reject(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' })) };
    expect(await processCircularQueue({ transport: failing })).toMatchObject({ retrying: 1 });
    for (let attempt = 2; attempt <= 3; attempt++) {
      // The retry waits a minute; move the claim back instead of waiting.
      await db.circularDelivery.updateMany({ data: { claimedAt: new Date(Date.now() - 120_000) } });
      await processCircularQueue({ transport: failing });
    }
    const circular = await getCircular({ actor: admin, id });
    expect(circular).toMatchObject({ status: 'DONE', failedCount: 1, sentCount: 0 });
    expect(circular.deliveries[0]).toMatchObject({ status: 'FAILED', attempts: 3, error: 'Connection closed' });
  });

  it('skips a recipient who opted out after the circular was queued', async () => {
    const { admin, orgs, id } = await world(2);
    await queueCircular({ actor: admin, id, version: 1 });
    expect(await optOutOfCirculars({ token: createOptOutToken({ kind: 'organization', id: orgs[0].id }) })).toBe(true);
    expect(await processCircularQueue()).toMatchObject({ sent: 1, skipped: 1 });
    expect(smtp.to(orgs[0].email!)).toHaveLength(0);
    expect(smtp.to(orgs[1].email!)).toHaveLength(1);
  });

  it('a sender that died mid-batch: its claimed rows are taken over after the timeout', async () => {
    const { admin, id } = await world(2);
    await queueCircular({ actor: admin, id, version: 1 });
    await db.circularDelivery.updateMany({ data: { status: 'SENDING', claimedAt: new Date(Date.now() - 11 * 60_000), attempts: 1 } });
    expect(await processCircularQueue()).toMatchObject({ sent: 2 });
    expect(smtp.mails).toHaveLength(2);
  });
});

describe('npm run circulars', () => {
  it('sends what is still queued (the safety net for a restart mid-send)', async () => {
    const { admin, orgs, id } = await world(2);
    await queueCircular({ actor: admin, id, version: 1 });
    const { stdout } = await promisify(execFile)('npx', ['tsx', '--conditions=react-server', 'scripts/circulars.ts'], {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
      timeout: 90_000,
    });
    expect(stdout).toContain('Rundschreiben: 2 zugestellt, 0 abgewiesen');
    expect(smtp.mails.flatMap((m) => m.envelopeTo).sort()).toEqual(orgs.map((o) => o.email).sort());
    expect((await getCircularProgress({ actor: admin, id })).status).toBe('DONE');
  }, 120_000);
});

describe('the opt-out link', () => {
  it('works without an account, records on the contact, is respected by every list, and cannot be forged', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization();
    const contact = await createContactPerson({ organizationId: org.id, email: 'lea@example.org' });
    const token = createOptOutToken({ kind: 'contact', id: contact.id });
    expect(await inspectOptOutToken({ token })).toMatchObject({ status: 'active', maskedEmail: 'l••@example.org' });
    // Changed id or signature, wrong kind, garbage: refused, nothing recorded.
    const other = await createContactPerson({ organizationId: org.id });
    const hex = (id: string) => id.replace(/-/g, '');
    for (const forged of [token.replace(hex(contact.id), hex(other.id)), `${token.slice(0, -2)}xx`, token.replace(/^c/, 'o'), `${token}a`, 'c.x.y', '', null]) {
      expect(await optOutOfCirculars({ token: forged })).toBe(false);
    }
    expect(await db.contactPerson.count({ where: { mailingOptOutAt: { not: null } } })).toBe(0);
    expect(await optOutOfCirculars({ token })).toBe(true);
    expect(await optOutOfCirculars({ token })).toBe(true);
    const row = await db.contactPerson.findUniqueOrThrow({ where: { id: contact.id } });
    expect(row.mailingOptOutAt).not.toBeNull();
    expect(await inspectOptOutToken({ token })).toMatchObject({ status: 'optedOut' });
    expect(await db.auditLog.count({ where: { entityType: 'ContactPerson', entityId: contact.id, actorId: null } })).toBe(1);
    const { recipients } = await resolveRecipients({
      useFilter: true, categoryIds: [], topicIds: [], municipalities: [], languageCodes: [], isMembersOnly: false,
      organizationIds: [], contactIds: [contact.id], addressMode: 'ALL_CONTACTS', role: null, includeInternal: true,
    });
    expect(recipients.map((r) => r.email)).not.toContain('lea@example.org');
    expect(admin).toBeDefined();
  });
});

describe('drafts and permissions', () => {
  it('edits, attachments up to 10 MB and deletion only while a draft; invalid input changes nothing', async () => {
    const { admin, id } = await world(1);
    const invalid = await expectCode(updateCircular({ actor: admin, id, version: 1, input: { subject: ' ', body: '' } }), 'VALIDATION');
    expect(Object.keys(invalid.details.fieldErrors ?? {}).sort()).toEqual(['body', 'subject']);
    await updateCircular({ actor: admin, id, version: 1, input: { subject: 'Neu', body: 'Neuer Text' } });
    await expectCode(addCircularAttachments({ actor: admin, id, files: [{ filename: 'gross.pdf', contentType: 'application/pdf', content: Buffer.alloc(10 * 1024 * 1024 + 1) }] }), 'VALIDATION');
    await expectCode(addCircularAttachments({ actor: admin, id, files: [{ filename: 'virus.exe', contentType: 'application/octet-stream', content: Buffer.from('MZ') }] }), 'VALIDATION');
    await addCircularAttachments({ actor: admin, id, files: [{ filename: '../../etc/a.pdf', contentType: 'application/pdf', content: Buffer.alloc(6 * 1024 * 1024) }] });
    await expectCode(addCircularAttachments({ actor: admin, id, files: [{ filename: 'b.pdf', contentType: 'application/pdf', content: Buffer.alloc(5 * 1024 * 1024) }] }), 'VALIDATION');
    const [attachment] = (await getCircular({ actor: admin, id })).attachments;
    expect(attachment.filename).toBe('a.pdf');
    await removeCircularAttachment({ actor: admin, id, attachmentId: attachment.id });
    await queueCircular({ actor: admin, id, version: 2 });
    await expectCode(updateCircular({ actor: admin, id, version: 3, input: { subject: 'Zu spät', body: 'x' } }), 'CONFLICT');
    await expectCode(queueCircular({ actor: admin, id, version: 3 }), 'CONFLICT');
    await expectCode(deleteCircular({ actor: admin, id }), 'CONFLICT');
    expect(await db.circularDelivery.count()).toBe(1);
  });

  it('refuses anonymous callers and partners for every function, writing nothing', async () => {
    const { id, listId, orgs } = await world(1);
    const partner = await createPartnerActor([orgs[0].id]);
    const before = [await db.circular.count(), await db.circularAttachment.count(), await db.circularDelivery.count(), await db.auditLog.count()];
    for (const [actor, code] of [
      [null, 'UNAUTHENTICATED'],
      [partner, 'FORBIDDEN'],
    ] as const) {
      await expectCode(createCircular({ actor, listId, input: { subject: 'X', body: 'Y' } }), code);
      await expectCode(updateCircular({ actor, id, version: 1, input: { subject: 'X', body: 'Y' } }), code);
      await expectCode(addCircularAttachments({ actor, id, files: [{ filename: 'a.txt', contentType: 'text/plain', content: Buffer.from('a') }] }), code);
      await expectCode(removeCircularAttachment({ actor, id, attachmentId: id }), code);
      await expectCode(queueCircular({ actor, id, version: 1 }), code);
      await expectCode(deleteCircular({ actor, id }), code);
      await expectCode(getCircular({ actor, id }), code);
      await expectCode(getCircularProgress({ actor, id }), code);
      await expectCode(listCirculars({ actor }), code);
    }
    expect([await db.circular.count(), await db.circularAttachment.count(), await db.circularDelivery.count(), await db.auditLog.count()]).toEqual(before);
  });
});
