// Two app instances on one database share the public cache's expiry (lib/cache.ts): a coordinator
// publishes an entry, withdraws a contact's consent and archives the entry on instance A (the
// harness's server), and the very next request to instance B (a second production server on the
// same build and database) shows each change, on pages and in the APIs, in several languages.
// Both instances have every page cached before each edit, so only a shared expiry can pass.
// Public pages come from Next's full-route cache (lib/next-cache-handler.mjs): an edit re-renders
// the edited entry's pages in every locale (x-nextjs-cache: MISS) and leaves another entry's page
// cached (HIT). A cached page is answered by the edge's response cache (x-edge-cache: HIT,
// lib/edge/response-cache.ts) until its entry is expired: then by Next again.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { newPage } from './support/browser.ts';
import { childEnv, freePort, openLog, startAppProcess, stopProcessGroup, waitUntilReady } from './support/server.ts';
import { signIn } from './support/sign-in.ts';

const WORD = `Zweiinstanzen${randomBytes(3).toString('hex')}`;
const NAME = `Beispielverein ${WORD} (Beispieldaten)`;
const SLUG = `beispielverein-${WORD.toLowerCase()}`;
const PERSON = 'Erika Beispielfrau (Beispieldaten)';

let db: PrismaClient;
let other: ChildProcess | undefined;
let a = '';
let b = '';
let organizationId = '';
let contactId = '';
let admin: Page;

async function text(base: string, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(base + path, { redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  return { status: response.status, body: await response.text() };
}

// What a visitor sees of the entry on one instance.
async function seen(base: string) {
  const [de, ar, api, sitemap, search] = await Promise.all([
    text(base, `/de/akteure/${SLUG}`),
    text(base, `/ar/akteure/${SLUG}`),
    text(base, `/api/v1/organizations/${SLUG}`),
    text(base, '/sitemap.xml'),
    text(base, `/de/akteure?q=${WORD}`),
  ]);
  return {
    page: de.status === 200 && de.body.includes(NAME),
    arabic: ar.status === 200 && ar.body.includes(NAME),
    api: api.status === 200 && api.body.includes(NAME),
    person: de.body.includes(PERSON) || api.body.includes(PERSON),
    sitemap: sitemap.body.includes(`/akteure/${SLUG}<`),
    search: search.body.includes(NAME),
  };
}

const LOCALES = ['de', 'en', 'ar', 'uk', 'ru'];
let otherSlug = '';

// Whether the page came from the full-route cache (HIT) or was rendered (MISS), and whether the
// edge answered it from its response cache ("edge").
// A browser of the page's language (any other gets the same page: no language cookie, lib/i18n/routing.ts).
async function cacheState(base: string, path: string): Promise<string | null> {
  const headers = { 'accept-language': path.split('/')[1] };
  const response = await fetch(base + path, { redirect: 'manual', headers, signal: AbortSignal.timeout(60_000) });
  await response.arrayBuffer();
  expect(response.status).toBe(200);
  const state = response.headers.get('x-nextjs-cache');
  return response.headers.get('x-edge-cache') === 'HIT' ? `${state} edge` : state;
}

// Renders (if needed) and checks that the pages are now cached on the instance, in the edge too.
async function warm(base: string, paths: string[]): Promise<void> {
  for (const path of paths) await cacheState(base, path);
  for (const path of paths) expect(await cacheState(base, path), path).toBe('HIT edge');
}

const entryPages = () => LOCALES.map((locale) => `/${locale}/akteure/${SLUG}`);

const hidden = { page: false, arabic: false, api: false, person: false, sitemap: false, search: false };

beforeAll(async () => {
  a = inject('E2E_BASE_URL');
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  const organization = await db.organization.create({ data: { name: NAME, slug: SLUG, status: 'DRAFT' }, select: { id: true } });
  organizationId = organization.id;
  const contact = await db.contactPerson.create({
    data: { organizationId, role: 'Beratung', name: PERSON, visibility: 'PUBLIC', consentGivenAt: new Date() },
    select: { id: true },
  });
  contactId = contact.id;
  const another = await db.organization.findFirstOrThrow({ where: { status: 'PUBLISHED', deletedAt: null, id: { not: organizationId } }, select: { slug: true } });
  otherSlug = another.slug;

  const port = await freePort();
  b = `http://localhost:${port}`;
  const tail: string[] = [];
  other = startAppProcess(
    port,
    childEnv({ DATABASE_URL: inject('E2E_DATABASE_URL'), APP_URL: b, NEXTAUTH_URL: b, NEXTAUTH_SECRET: inject('E2E_AUTH_SECRET') }),
    openLog(),
    tail,
  );
  await waitUntilReady(b, other, tail);

  admin = await newPage();
  await signIn(admin, E2E_ADMIN, { callbackPath: `/de/admin/organisationen/${organizationId}` });
  await admin.waitForURL((url) => url.pathname === `/de/admin/organisationen/${organizationId}`);
}, 120_000);

afterAll(async () => {
  if (other) await stopProcessGroup(other);
  await db?.$disconnect();
});

describe('two instances, one database: an edit on A is public on B at the next request', () => {
  it('publish', async () => {
    // Both instances cache the entry's absence first.
    expect(await seen(b)).toEqual(hidden);
    expect(await seen(a)).toEqual(hidden);
    await Promise.all([admin.waitForURL(/bestaetigen=veroeffentlichen/), admin.click('a:has-text("Veröffentlichen")')]);
    await Promise.all([admin.waitForURL(/status=publish/), admin.click('#bestaetigen button:has-text("Veröffentlichen")')]);
    const shown = { page: true, arabic: true, api: true, person: true, sitemap: true, search: true };
    expect(await seen(b)).toEqual(shown);
    expect(await seen(a)).toEqual(shown);
  });

  it('a contact withdraws consent', async () => {
    expect((await seen(b)).person).toBe(true);
    // Both entries' pages are in B's full-route cache before the edit.
    // Home, content and legal pages and the Wegweiser are cached too.
    await warm(b, [...entryPages(), `/de/akteure/${otherSlug}`, '/de/akteure', '/de', '/ar/netzwerk', '/de/impressum', '/ru/wegweiser']);
    await admin.goto(`${a}/de/admin/organisationen/${organizationId}/kontakte/${contactId}/datenschutz`);
    await admin.click('[data-confirm-step] summary');
    await Promise.all([admin.waitForURL(/widerrufen=1/), admin.click('[data-confirm-step] form button')]);
    const withoutPerson = { page: true, arabic: true, api: true, person: false, sitemap: true, search: true };
    // The edited entry's pages are rendered again in every locale, and the directory that lists
    // it (the edge's copies are not used); another entry's page stays cached, in the edge too.
    for (const path of [...entryPages(), '/de/akteure']) expect(await cacheState(b, path), path).toBe('MISS');
    expect(await cacheState(b, `/de/akteure/${otherSlug}`)).toBe('HIT edge');
    expect(await seen(b)).toEqual(withoutPerson);
    expect(await seen(a)).toEqual(withoutPerson);
  });

  it('archive', async () => {
    expect((await seen(b)).page).toBe(true);
    await admin.goto(`${a}/de/admin/organisationen/${organizationId}`);
    await Promise.all([admin.waitForURL(/bestaetigen=archivieren/), admin.click('a:has-text("Archivieren")')]);
    await Promise.all([admin.waitForURL(/status=archive/), admin.click('#bestaetigen button:has-text("Archivieren")')]);
    expect(await seen(b)).toEqual(hidden);
    expect(await seen(a)).toEqual(hidden);
  });
});
