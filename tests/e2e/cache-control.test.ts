// Cache-Control as a cache in front (deploy/nginx.conf, a CDN) sees it, against the production
// build (issue 12 point 3): every public page, in German and Arabic, for an anonymous visitor whose
// browser speaks another language than the page, is `public, s-maxage=10,
// stale-while-revalidate=30`, searches and filters included, without a cookie (before, next-intl's
// language cookie made every such answer `private, no-store`); sitemap and robots.txt too; the APIs and vCards carry the consent-bound
// value; signed-in areas and every request with a session are `private, no-store`. One rule
// decides: lib/edge/cache-control.ts. The page list comes from app/[locale]/(public), so a new
// page is covered without touching this test.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { CACHED_TWINS } from '@/lib/edge/cached-routes';
import { publicContactWhere, publicOrganizationWhere } from '@/lib/data/visibility';
import { CONSENT_BOUND_CACHE_CONTROL, PRIVATE_CACHE_CONTROL, PUBLIC_PAGE_CACHE_CONTROL } from '@/lib/http/cache-control';
import { E2E_ADMIN } from './support/accounts.ts';
import { baseUrl, signIn } from './support/http.ts';
import { nextTotpCode } from './support/sign-in.ts';

const PUBLIC_DIR = path.resolve(import.meta.dirname, '../../app/[locale]/(public)');
// A German browser (also on the Arabic pages: someone who followed the language switcher).
const BROWSER = { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5', 'Sec-Fetch-Dest': 'document' };
let db: PrismaClient;

// The public page routes as the file system defines them ("/", "/akteure/[slug]", ...), the cached
// twins under the address they serve.
function pagePatterns(dir = PUBLIC_DIR, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pagePatterns(full, prefix + (/^\(.*\)$/.test(name) ? '' : `/${name}`));
    const isTwin = CACHED_TWINS.some((twin) => prefix === `/${twin}` || prefix.startsWith(`/${twin}/`));
    return name === 'page.tsx' && !isTwin ? [prefix || '/'] : [];
  });
}

async function publicPages(): Promise<string[]> {
  const organization = await db.organization.findFirstOrThrow({ where: publicOrganizationWhere, select: { slug: true }, orderBy: { slug: 'asc' } });
  const project = await db.project.findFirst({ where: { isPublished: true, deletedAt: null }, select: { slug: true } });
  const event = await db.event.findFirst({ where: { isPublished: true, deletedAt: null }, select: { slug: true } });
  const valuesFor: Record<string, string | undefined> = {
    '/akteure/[slug]': organization.slug,
    '/akteure/[slug]/fehler-melden': organization.slug,
    '/projekte/[slug]': project?.slug,
    '/veranstaltungen/[slug]': event?.slug,
  };
  const pages = pagePatterns().flatMap((pattern) => {
    if (!pattern.includes('[')) return [pattern];
    if (!(pattern in valuesFor)) throw new Error(`Neue dynamische Route ${pattern}: Bitte hier einen Wert aus den Daten nennen.`);
    const value = valuesFor[pattern];
    return value ? [pattern.replace('[slug]', value)] : [];
  });
  return [
    ...pages,
    // Searches and filters: a canonical one (cached twin), a further page, the lists with filters.
    '/akteure?q=beratung',
    '/akteure?q=beratung&sprache=ar',
    '/akteure?thema=beratung',
    '/projekte?stand=laufend',
    '/veranstaltungen?ansicht=monat',
  ];
}

interface Answer {
  status: number;
  cacheControl: string | null;
  setCookie: string[];
}

async function get(target: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${baseUrl()}${target}`, { redirect: 'manual', headers: { ...BROWSER, ...headers } });
  await response.arrayBuffer();
  return { status: response.status, cacheControl: response.headers.get('cache-control'), setCookie: response.headers.getSetCookie() };
}

beforeAll(() => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
});

afterAll(async () => {
  await db?.$disconnect();
});

describe('Cache-Control for anonymous visitors', () => {
  it('lets a cache in front keep every public page for 10 s, in German and Arabic', async () => {
    const pages = await publicPages();
    expect(pages.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const locale of ['de', 'ar']) {
      for (const page of pages) {
        const target = `/${locale}${page === '/' ? '' : page}`;
        // Twice: the first request renders (or fills the edge's response cache), the second is a hit.
        for (const attempt of [1, 2]) {
          const answer = await get(target);
          if (answer.status !== 200 || answer.cacheControl !== PUBLIC_PAGE_CACHE_CONTROL || answer.setCookie.length > 0) {
            wrong.push(`${target} (#${attempt}): ${answer.status} ${answer.cacheControl} ${answer.setCookie.join(' ')}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets no cache keep the per-request page’s redirects of untidy searches, but the tidy page', async () => {
    // Not canonical (an unknown parameter, untidy spaces, a page after the last): the page itself
    // answers with a redirect to the tidy address, which depends on the data (the last page).
    for (const target of ['/de/akteure?q=beratung&x=1', '/ar/akteure?q=%20beratung%20', '/de/akteure?q=beratung&seite=99']) {
      const answer = await get(target);
      expect(answer.status, target).toBe(307);
      expect(answer.cacheControl ?? '', target).not.toMatch(/public|s-maxage/);
      expect(answer.setCookie, target).toEqual([]);
    }
  });

  it('sends it for the sitemap and robots.txt, the consent-bound value for the APIs and vCards', async () => {
    for (const target of ['/sitemap.xml', '/robots.txt']) {
      expect((await get(target)).cacheControl, target).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    }
    const organization = await db.organization.findFirstOrThrow({ where: publicOrganizationWhere, select: { slug: true } });
    const contact = await db.contactPerson.findFirstOrThrow({ where: publicContactWhere, select: { id: true, organization: { select: { slug: true } } } });
    const apis = [
      '/api/v1/organizations',
      '/api/v1/organizations?q=beratung',
      '/api/v1/organizations?q=beratung&locale=ar',
      `/api/v1/organizations/${organization.slug}`,
      '/api/v1/services',
      '/api/v1/services?q=beratung',
      '/api/v1/suggestions?q=Ber',
      '/api/v1/suggestions?q=Ber&locale=ar',
      '/api/v1/taxonomy',
      '/api/hsds/organizations',
      '/api/hsds/services',
      '/api/hsds/services?page=2',
      `/de/akteure/${contact.organization.slug}/vcard/${contact.id}`,
    ];
    for (const target of apis) {
      const answer = await get(target);
      expect(answer.status, target).toBe(200);
      expect(answer.cacheControl, target).toBe(CONSENT_BOUND_CACHE_CONTROL);
    }
  });

  it('never lets a cache keep a page not found', async () => {
    for (const target of ['/de/gibt-es-nicht', '/ar/akteure/gibt-es-nicht']) {
      const answer = await get(target);
      expect(answer.status, target).toBe(404);
      expect(answer.cacheControl ?? '', target).not.toMatch(/public|s-maxage/);
    }
  });
});

describe('Cache-Control for signed-in visitors', () => {
  it('is private, no-store on the admin area and on every public page asked with a session', async () => {
    const { cookies } = await signIn(E2E_ADMIN.email, E2E_ADMIN.password, { code: await nextTotpCode(E2E_ADMIN) });
    expect(cookies).toMatch(/next-auth\.session-token=/);
    for (const target of ['/de/admin', '/de/anmelden', '/de', '/ar/akteure', '/de/akteure?q=beratung', '/ar/impressum', '/sitemap.xml']) {
      const answer = await get(target, { Cookie: cookies });
      expect(answer.cacheControl, target).toBe(PRIVATE_CACHE_CONTROL);
    }
  });
});
