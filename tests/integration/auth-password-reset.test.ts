// Reset and invitation links (issue 10, finding 4): the token goes only to the recipient's mail
// (captured by a real SMTP server); the outbox every coordinator reads keeps a redacted copy, and
// no table holds the token or a working link.
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyCredentials } from '@/lib/data/auth/credentials';
import { acceptInvitation, createInvitation, getInvitationForToken } from '@/lib/data/invitations';
import { isPasswordResetTokenValid, requestPasswordReset, resetPassword } from '@/lib/data/password-reset';
import { listOutbox } from '@/lib/data/outbox';
import { REDACTED_LINK_NOTE } from '@/lib/mail/send';
import { createOrganization, createUser } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { clearMailbox, lastMailTo, mailsTo, tokenIn } from './helpers/mail.ts';
import { readSessionActor } from '@/lib/auth/session';

const db = getTestDb();

beforeEach(async () => {
  await resetDb();
  clearMailbox();
});

// Every text and JSON value in the database, to prove a secret is nowhere.
async function databaseText(): Promise<string> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb')`;
  const parts: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await db.$queryRawUnsafe<{ v: string | null }[]>(`SELECT "${column_name}"::text AS v FROM "${table_name}"`);
    parts.push(...rows.map((row) => row.v ?? ''));
  }
  return parts.join('\n');
}

// The mail arrives after the answer (sendMailInBackground): wait for it.
async function waitForMail(address: string) {
  for (let i = 0; i < 100 && mailsTo(address).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return lastMailTo(address);
}

describe('password reset', () => {
  it('mails a single-use link; the new password works and every old session ends', async () => {
    const user = await createUser({ email: 'r@example.org', password: 'altes-passwort-123' });
    const session = cookieStore({ 'next-auth.session-token': await sessionCookieFor(user) });
    await requestPasswordReset({ input: { email: 'R@example.org' } });
    await requestPasswordReset({ input: { email: 'unbekannt@example.org' } });
    const mail = await waitForMail('r@example.org');
    expect(mailsTo('unbekannt@example.org')).toEqual([]);
    const token = tokenIn(mail, /\/passwort-zuruecksetzen\?token=/);
    expect(await db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);
    await expect(resetPassword({ input: { token, password: 'kurz', passwordConfirm: 'kurz' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await resetPassword({ input: { token, password: 'neues-passwort-456', passwordConfirm: 'neues-passwort-456' } });
    await expect(resetPassword({ input: { token, password: 'drittes-passwort-789', passwordConfirm: 'drittes-passwort-789' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await verifyCredentials({ email: 'r@example.org', password: 'neues-passwort-456', ip: '1' })).toMatchObject({ status: 'signed-in' });
    expect(await readSessionActor(session)).toBeNull();
  });

  it('treats a repeated ?token= (an array from the URL) or any other non-text as an invalid link, not a server error', async () => {
    await createUser({ email: 'arr@example.org', password: 'altes-passwort-123' });
    await requestPasswordReset({ input: { email: 'arr@example.org' } });
    const token = tokenIn(await waitForMail('arr@example.org'), /passwort-zuruecksetzen/);
    const admin = await createAdminActor();
    const org = await createOrganization({ name: 'Verein (Beispiel)' });
    await createInvitation({ actor: admin, input: { email: 'arr-neu@example.org', role: 'PARTNER', organizationIds: [org.id] } });
    const invitationToken = tokenIn(lastMailTo('arr-neu@example.org'), /einladung\?token=/);
    expect(await isPasswordResetTokenValid({ token })).toBe(true);
    expect(await getInvitationForToken({ token: invitationToken })).not.toBeNull();
    for (const value of [[token, token], [token], 42, null, { token }]) {
      expect(await isPasswordResetTokenValid({ token: value }), JSON.stringify(value)).toBe(false);
      expect(await getInvitationForToken({ token: Array.isArray(value) ? [invitationToken, invitationToken] : value }), JSON.stringify(value)).toBeNull();
    }
  });

  it('refuses expired links', async () => {
    await createUser({ email: 'x@example.org', password: 'altes-passwort-123' });
    await requestPasswordReset({ input: { email: 'x@example.org' } });
    const token = tokenIn(await waitForMail('x@example.org'), /passwort-zuruecksetzen/);
    await db.passwordResetToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword({ input: { token, password: 'neues-passwort-456', passwordConfirm: 'neues-passwort-456' } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('writes to the account in its own language', async () => {
    await createUser({ email: 'en@example.org', password: 'altes-passwort-123', locale: 'en', name: 'Erin English (Beispiel)' });
    await requestPasswordReset({ input: { email: 'en@example.org' } });
    const mail = await waitForMail('en@example.org');
    expect(mail.subject).toBe('Reset your password – Netzwerk Integration Stendal');
    expect(mail.text).toContain('Hello Erin English (Beispiel),');
    expect(tokenIn(mail, /\/en\/passwort-zuruecksetzen\?token=[\w-]{43}&lang=en$/)).toHaveLength(43);
  });
});

describe('no secret is stored', () => {
  it('reset and invitation links are only in the mail: the outbox shows a note, no table holds the token', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization({ name: 'Beratungsstelle Nord (Beispiel)' });
    await createUser({ email: 'opfer@example.org', password: 'altes-passwort-123', role: 'ADMIN' });
    await requestPasswordReset({ input: { email: 'opfer@example.org' } });
    await createInvitation({ actor: admin, input: { email: 'neu@example.org', role: 'PARTNER', organizationIds: [org.id] } });
    const tokens = [
      tokenIn(await waitForMail('opfer@example.org'), /passwort-zuruecksetzen/),
      tokenIn(lastMailTo('neu@example.org'), /einladung/),
    ];
    const outbox = await listOutbox({ actor: admin });
    expect(outbox).toHaveLength(2);
    for (const mail of outbox) {
      expect(mail.text).toContain(REDACTED_LINK_NOTE);
      expect(mail.text).not.toMatch(/token=/);
    }
    const everything = await databaseText();
    for (const token of tokens) expect(everything).not.toContain(token);
  });
});

describe('invitations', () => {
  it('names the organizations, creates the account with memberships once, in the chosen language', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization({ name: 'Jugendmigrationsdienst (Beispiel)' });
    await expect(createInvitation({ actor: null, input: { email: 'p@example.org', role: 'PARTNER', organizationIds: [org.id] } })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await createInvitation({ actor: admin, input: { email: 'p@example.org', role: 'PARTNER', organizationIds: [org.id], locale: 'en' } });
    const mail = lastMailTo('p@example.org');
    expect(mail.subject).toBe('Invitation: “Jugendmigrationsdienst (Beispiel)” – Netzwerk Integration Stendal');
    expect(mail.text).toContain('- Jugendmigrationsdienst (Beispiel)');
    const token = tokenIn(mail, /\/en\/einladung\?token=/);
    await acceptInvitation({ input: { token, name: 'Petra Partner', password: 'partner-passwort-1', passwordConfirm: 'partner-passwort-1' } });
    const user = await db.user.findUniqueOrThrow({ where: { email: 'p@example.org' }, include: { memberships: true } });
    expect(user.role).toBe('PARTNER');
    expect(user.locale).toBe('en');
    expect(user.memberships.map((m) => m.organizationId)).toEqual([org.id]);
    await expect(acceptInvitation({ input: { token, name: 'Noch mal', password: 'partner-passwort-1', passwordConfirm: 'partner-passwort-1' } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('a German invitation is German and lists every organization', async () => {
    const admin = await createAdminActor();
    const [a, b] = [await createOrganization({ name: 'Caritas (Beispiel)' }), await createOrganization({ name: 'Diakonie (Beispiel)' })];
    await createInvitation({ actor: admin, input: { email: 'zwei@example.org', name: 'Zora Zwei', role: 'PARTNER', organizationIds: [a.id, b.id] } });
    const mail = lastMailTo('zwei@example.org');
    expect(mail.subject).toBe('Einladung: „Caritas (Beispiel)“, „Diakonie (Beispiel)“ – Netzwerk Integration Stendal');
    expect(mail.text).toContain('Guten Tag Zora Zwei,');
    expect(mail.text).toContain('- Caritas (Beispiel)\n- Diakonie (Beispiel)');
    expect(tokenIn(mail, /\/de\/einladung\?token=[\w-]{43}$/)).toHaveLength(43);
  });
});
