// The own-account page: display name and admin language (User.locale).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { redirectOf } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));

const account = await import('@/lib/data/account');
const { updateAccountAction } = await import('@/app/[locale]/admin/konto/actions');
const db = getTestDb();

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

describe('own account', () => {
  it('refuses anonymous callers and writes nothing', async () => {
    await expect(account.updateOwnAccount({ actor: null, input: { name: 'X', locale: 'en' } })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(account.getOwnAccount({ actor: null })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const state = await updateAccountAction({ status: 'idle' }, form({ name: 'X', locale: 'en' }));
    expect(state.status).toBe('error');
    expect(state.message).toBe('Bitte melden Sie sich an.');
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuses an unknown language with a field error and writes nothing', async () => {
    const admin = await createAdminActor();
    await expect(account.updateOwnAccount({ actor: admin, input: { name: 'Neu', locale: 'fr' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { fieldErrors: { locale: ['Bitte wählen Sie Deutsch oder Englisch.'] } },
    });
    session.cookie = await sessionCookieFor(admin);
    const state = await updateAccountAction({ status: 'idle' }, form({ name: '', locale: 'xx' }));
    expect(state.status).toBe('error');
    expect(state.fieldErrors).toEqual({ name: ['Bitte füllen Sie dieses Feld aus.'], locale: ['Bitte wählen Sie Deutsch oder Englisch.'] });
    expect(state.values).toEqual({ name: '', locale: 'xx' });
    const user = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(user).toMatchObject({ name: admin.name, locale: 'de' });
    expect(await db.auditLog.count()).toBe(0);
  });

  it('saves the own name and language with an audit row; partners may too', async () => {
    const partner = await createPartnerActor([]);
    session.cookie = await sessionCookieFor(partner);
    expect(await redirectOf(updateAccountAction({ status: 'idle' }, form({ name: ' Neue Anzeige ', locale: 'en' })))).toBe('/de/admin/konto?gespeichert=1');
    expect(await db.user.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({ name: 'Neue Anzeige', locale: 'en' });
    expect(await account.getOwnAccount({ actor: partner })).toMatchObject({ name: 'Neue Anzeige', locale: 'en', email: partner.email });
    const audit = await db.auditLog.findMany({ where: { entityType: 'User', entityId: partner.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'UPDATE', actorId: partner.id });
    expect(audit[0].changes).toMatchObject({ name: { before: partner.name, after: 'Neue Anzeige' }, locale: { before: 'de', after: 'en' } });
    // The same values again: nothing to record.
    await expect(account.updateOwnAccount({ actor: partner, input: { name: 'Neue Anzeige', locale: 'en' } })).resolves.toEqual({ changed: false });
    expect(await db.auditLog.count({ where: { entityType: 'User' } })).toBe(1);
  });
});
