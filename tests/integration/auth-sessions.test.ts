// Sessions end on the server (issue 10, finding 1): next-auth's own handler signs in and out as
// in production (CSRF check included); a copy of the session cookie taken before sign-out must
// not work afterwards, for pages, server actions and next-auth's session endpoint alike. Password
// change ends the other sessions, and "Mein Konto" lists and ends sessions.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextAuthOptions } from 'next-auth';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getAuthOptions } from '@/lib/auth/options';
import { readSessionActor } from '@/lib/auth/session';
import { changeOwnPassword, endOwnSessions, listOwnSessions } from '@/lib/data/account-security';
import { createUser } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore } from './helpers/admin-actors.ts';
import { clearMailbox, lastMailTo } from './helpers/mail.ts';
import { form } from './helpers/server-actions.ts';

// next-auth's request handler behind /api/auth/* (its package exports do not list the file).
type AuthHandlerType = (params: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<{
  redirect?: string;
  body?: unknown;
  cookies?: { name: string; value: string; options?: { maxAge?: number } }[];
}>;
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as { AuthHandler: AuthHandlerType };

const COOKIE = 'next-auth.session-token';
const PASSWORD = 'ein-langes-Passwort-1';
const db = getTestDb();

// The cookie the next server action sees (next/headers is mocked for the app's modules).
const request: { cookies: Record<string, string> } = { cookies: {} };
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(request.cookies),
  headers: async () => new Headers({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' }),
}));
const accountActions = await import('@/app/[locale]/admin/konto/actions');

type Jar = Record<string, string>;

// One call of next-auth's handler, as app/api/auth/[...nextauth]/route.ts makes it.
async function auth(action: 'csrf' | 'callback' | 'signout' | 'session', { method = 'GET', jar = {}, body = {}, userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0' }: { method?: string; jar?: Jar; body?: Record<string, string> } & { userAgent?: string } = {}) {
  const response = await AuthHandler({
    req: {
      action,
      providerId: action === 'callback' ? 'credentials' : undefined,
      method,
      body,
      query: {},
      cookies: jar,
      headers: { host: 'localhost:3000', 'x-forwarded-proto': 'http', 'user-agent': userAgent, 'content-type': 'application/x-www-form-urlencoded' },
    },
    options: getAuthOptions(),
  });
  const next: Jar = { ...jar };
  for (const cookie of response.cookies ?? []) {
    if (cookie.options?.maxAge === 0 || cookie.value === '') delete next[cookie.name];
    else next[cookie.name] = cookie.value;
  }
  return { response, jar: next };
}

async function signIn(email: string, password = PASSWORD, userAgent?: string): Promise<{ jar: Jar; redirect?: string }> {
  const csrf = await auth('csrf');
  const { csrfToken } = csrf.response.body as { csrfToken: string };
  const { response, jar } = await auth('callback', { method: 'POST', jar: csrf.jar, body: { csrfToken, email, password, callbackUrl: '/de/admin' }, userAgent });
  return { jar, redirect: response.redirect };
}

async function signOut(jar: Jar, callbackUrl = '/de/anmelden?abgemeldet=1') {
  const csrf = await auth('csrf', { jar });
  const { csrfToken } = csrf.response.body as { csrfToken: string };
  return auth('signout', { method: 'POST', jar: csrf.jar, body: { csrfToken, callbackUrl } });
}

const actorOf = (jar: Jar) => readSessionActor(cookieStore({ [COOKIE]: jar[COOKIE] ?? '' }));

beforeEach(async () => {
  await resetDb();
  request.cookies = {};
  clearMailbox();
});

describe('sign-out ends the session on the server', () => {
  it('a copied session cookie stops working after POST /api/auth/signout', async () => {
    const user = await createUser({ email: 'kopie@example.org', password: PASSWORD, role: 'ADMIN' });
    const { jar, redirect } = await signIn('kopie@example.org');
    expect(redirect).toBe('http://localhost:3000/de/admin');
    expect(jar[COOKIE]).toBeTruthy();
    const copied = jar[COOKIE];
    expect(await actorOf(jar)).toMatchObject({ id: user.id });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(1);

    const out = await signOut(jar);
    expect(out.jar[COOKIE]).toBeUndefined();
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);

    // The attacker's copy: pages and route handlers (getCurrentUser) ...
    expect(await readSessionActor(cookieStore({ [COOKIE]: copied }))).toBeNull();
    // ... a server action ...
    request.cookies = { [COOKIE]: copied };
    const state = await accountActions.updateAccountAction({ status: 'idle' }, form({ name: 'Übernommen', locale: 'de' }));
    expect(state).toMatchObject({ status: 'error', message: 'Bitte melden Sie sich an.' });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);
    // ... and next-auth's own session endpoint, which clears the cookie instead of naming the user.
    const session = await auth('session', { jar: { [COOKIE]: copied } });
    expect(session.response.body).toEqual({});
    expect(session.jar[COOKIE]).toBeUndefined();
  });

  it('signing out in one browser leaves the other signed in', async () => {
    await createUser({ email: 'zwei@example.org', password: PASSWORD });
    const first = await signIn('zwei@example.org');
    const second = await signIn('zwei@example.org');
    await signOut(first.jar);
    expect(await actorOf(first.jar)).toBeNull();
    expect(await actorOf(second.jar)).not.toBeNull();
  });

  it('the sign-out redirect stays on our origin whatever callbackUrl says', async () => {
    await createUser({ email: 'umleitung@example.org', password: PASSWORD });
    for (const callbackUrl of ['/\\evil.example/x', '/\t/evil.example', '//evil.example', 'https://evil.example/', '/%5Cevil.example', '/de/anmelden?abgemeldet=1']) {
      const { jar } = await signIn('umleitung@example.org');
      const { response } = await signOut(jar, callbackUrl);
      expect(new URL(response.redirect!).origin, callbackUrl).toBe('http://localhost:3000');
      expect(response.redirect).toMatch(/^http:\/\/localhost:3000\/(de\/admin|de\/anmelden\?abgemeldet=1)$/);
    }
  });
});

describe('password change and the list of sessions in "Mein Konto"', () => {
  it('needs the current password, ends every other session, keeps this one, and tells the owner by mail', async () => {
    const user = await createUser({ email: 'wechsel@example.org', password: PASSWORD, name: 'Wera Wechsel (Beispiel)' });
    const here = await signIn('wechsel@example.org', PASSWORD, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0');
    const elsewhere = await signIn('wechsel@example.org', PASSWORD, 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1');
    request.cookies = here.jar;

    const wrong = await accountActions.changePasswordAction({ status: 'idle' }, form({ currentPassword: 'falsch-falsch-falsch', password: 'neues-Passwort-2026', passwordConfirm: 'neues-Passwort-2026' }));
    expect(wrong).toMatchObject({ status: 'error', fieldErrors: { currentPassword: ['Das aktuelle Passwort stimmt nicht.'] } });
    expect(await db.loginAttempt.count({ where: { email: 'wechsel@example.org', succeeded: false } })).toBe(1);
    expect(await actorOf(elsewhere.jar)).not.toBeNull();

    const done = await accountActions.changePasswordAction({ status: 'idle' }, form({ currentPassword: PASSWORD, password: 'neues-Passwort-2026', passwordConfirm: 'neues-Passwort-2026' }));
    expect(done).toMatchObject({ status: 'success' });
    expect(await actorOf(here.jar)).toMatchObject({ id: user.id });
    expect(await actorOf(elsewhere.jar)).toBeNull();
    expect((await signIn('wechsel@example.org')).jar[COOKIE]).toBeUndefined();
    expect((await signIn('wechsel@example.org', 'neues-Passwort-2026')).jar[COOKIE]).toBeTruthy();
    expect(lastMailTo('wechsel@example.org').subject).toMatch(/Passwort wurde geändert/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: 'UPDATE' } });
    expect(JSON.stringify(audit.changes)).not.toContain('neues-Passwort');
  });

  it('lists the own sessions with browser and ends one or all others; nobody ends another user\'s session', async () => {
    const user = await createUser({ email: 'liste@example.org', password: PASSWORD });
    const other = await createUser({ email: 'fremd@example.org', password: PASSWORD });
    const here = await signIn('liste@example.org', PASSWORD, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0');
    const phone = await signIn('liste@example.org', PASSWORD, 'Mozilla/5.0 (Linux; Android 15) Chrome/140.0 Mobile');
    const tablet = await signIn('liste@example.org', PASSWORD, 'Mozilla/5.0 (iPad; CPU OS 18_0 like Mac OS X) Safari/604.1');
    const foreign = await signIn('fremd@example.org');
    const actor = { id: user.id, name: user.name, email: user.email, role: user.role, organizationIds: [] };
    const current = (await db.userSession.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } })).id;

    const sessions = await listOwnSessions({ actor, currentSessionId: current });
    expect(sessions.map((s) => s.userAgent).sort()).toEqual(['Chrome / Android', 'Firefox / Linux', 'Safari / iOS']);
    expect(sessions.filter((s) => s.isCurrent)).toHaveLength(1);

    const phoneSession = sessions.find((s) => s.userAgent === 'Chrome / Android')!;
    const foreignSession = await db.userSession.findFirstOrThrow({ where: { userId: other.id } });
    await expect(endOwnSessions({ actor, currentSessionId: current, id: foreignSession.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await actorOf(foreign.jar)).not.toBeNull();

    await endOwnSessions({ actor, currentSessionId: current, id: phoneSession.id });
    expect(await actorOf(phone.jar)).toBeNull();
    expect(await actorOf(tablet.jar)).not.toBeNull();
    await endOwnSessions({ actor, currentSessionId: current });
    expect(await actorOf(tablet.jar)).toBeNull();
    expect(await actorOf(here.jar)).not.toBeNull();
  });

  it('a password change through the data layer refuses a wrong current password without changing anything', async () => {
    const user = await createUser({ email: 'direkt@example.org', password: PASSWORD });
    const actor = { id: user.id, name: user.name, email: user.email, role: user.role, organizationIds: [] };
    await expect(
      changeOwnPassword({ actor, sessionId: '00000000-0000-4000-8000-000000000000', input: { currentPassword: 'falsch', password: 'neues-Passwort-2026', passwordConfirm: 'neues-Passwort-2026' }, ip: '1' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });
});
