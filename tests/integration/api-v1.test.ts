// The open JSON API (/api/v1): English parameters, 400 naming each bad one, cursor paging, ETag
// and 304, Cache-Control, CORS; the OpenAPI document lints clean with @redocly/cli, and every
// response of this file validates against it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as organizationsRoute from '@/app/api/v1/organizations/route';
import * as organizationRoute from '@/app/api/v1/organizations/[slug]/route';
import * as servicesRoute from '@/app/api/v1/services/route';
import * as taxonomyRoute from '@/app/api/v1/taxonomy/route';
import * as openApiRoute from '@/app/api/v1/openapi.json/route';
import { countyTowns } from '@/prisma/seed-data/county-towns';
import { getTestDb } from '../setup/db.ts';
import {
  createContactPerson,
  createLanguage,
  createLanguageOffer,
  createLocation,
  createOrganization,
  createService,
  createTaxonomyTerm,
} from '../factories';

type Json = Record<string, unknown>;
type Handler = (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response> | Response;

const ROUTES: Record<string, Handler> = {
  '/organizations': organizationsRoute.GET,
  '/organizations/{slug}': organizationRoute.GET,
  '/services': servicesRoute.GET,
  '/taxonomy': taxonomyRoute.GET,
  '/openapi.json': openApiRoute.GET,
};

async function call(route: string, query = '', { slug = '', headers = {} }: { slug?: string; headers?: Record<string, string> } = {}) {
  const url = `http://test/api/v1${route.replace('{slug}', slug)}${query ? `?${query}` : ''}`;
  return ROUTES[route](new Request(url, { headers }), { params: Promise.resolve({ slug }) });
}

let document: Json;
let ajv: Ajv2020;
let validatedResponses = 0;

// The response schema the document gives for this path and status.
async function validated(route: string, query = '', { slug = '', status = 200 } = {}) {
  const response = await call(route, query, { slug });
  expect(response.status, `${route}?${query}`).toBe(status);
  const body = (await response.json()) as Json;
  const pointer = `/paths/${route.replaceAll('/', '~1')}/get/responses/${status}/content/application~1json/schema`;
  const validate = ajv.getSchema(`v1#${pointer}`) ?? ajv.compile({ $ref: `v1#${pointer}` });
  const isValid = validate(body);
  expect(validate.errors ?? [], `${route}?${query}`).toEqual([]);
  expect(isValid).toBe(true);
  validatedResponses += 1;
  return { body, response };
}

// Follows next_cursor to the end: every page validated, every item once.
async function allPages(route: string, query: string, limit: number) {
  const items: Json[] = [];
  let cursor: string | null = null;
  let total = -1;
  let pages = 0;
  do {
    const { body }: { body: Json } = await validated(route, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    if (total >= 0) expect(body.total).toBe(total);
    total = body.total as number;
    items.push(...(body.items as Json[]));
    cursor = body.next_cursor as string | null;
    pages += 1;
    expect(pages).toBeLessThan(50);
  } while (cursor);
  expect(items).toHaveLength(total);
  return { items, pages };
}

const WORD = 'Zitronenfalter';
let fixture: { slugs: string[]; topic: string; category: string; targetGroup: string; draftSlug: string; serviceId: string };

beforeAll(async () => {
  document = (await (await call('/openapi.json')).json()) as Json;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'v1');

  const topic = await createTaxonomyTerm({ kind: 'TOPIC', slug: 'api-thema', label: 'API-Thema (Beispiel)', labels: { en: 'API topic (example)' } });
  const category = await createTaxonomyTerm({ kind: 'CATEGORY', slug: 'api-art', label: 'API-Art (Beispiel)' });
  const targetGroup = await createTaxonomyTerm({ kind: 'TARGET_GROUP', slug: 'api-zielgruppe', label: 'API-Zielgruppe (Beispiel)' });
  await createLanguage({ code: 'fa', nameDe: 'Persisch', nameNative: 'فارسی' });
  const slugs: string[] = [];
  let serviceId = '';
  for (let index = 1; index <= 5; index += 1) {
    const org = await createOrganization({
      slug: `zitronenfalter-${index}`,
      name: `${WORD} ${index} (Beispiel)`,
      description: 'Beratung für Familien (Beispiel).',
      categoryId: index <= 2 ? category.id : null,
      topics: index === 1 ? { create: [{ termId: topic.id }] } : undefined,
    });
    slugs.push(org.slug);
    const location = await createLocation({ organizationId: org.id, municipality: index === 3 ? 'Tangerhütte' : 'Stendal', wheelchairAccessible: index === 4 });
    const service = await createService({
      organizationId: org.id,
      name: `${WORD}-Angebot ${index} (Beispiel)`,
      terms: index === 2 ? { create: [{ termId: targetGroup.id }] } : undefined,
      locations: { create: [{ organizationId: org.id, locationId: location.id }] },
    });
    await createService({ organizationId: org.id, name: `${WORD}-Zweitangebot ${index} (Beispiel)` });
    if (index === 5) {
      await createLanguageOffer({ organizationId: org.id, serviceId: service.id, languageCode: 'fa' });
      await createContactPerson({ organizationId: org.id, role: 'Öffentlich (Beispiel)', visibility: 'PUBLIC', consentGivenAt: new Date() });
      await createContactPerson({ organizationId: org.id, role: 'Intern-Zitronenfalter (Beispiel)', visibility: 'NETWORK_INTERNAL' });
      serviceId = service.id;
    }
  }
  const draft = await createOrganization({ slug: 'zitronenfalter-entwurf', name: `${WORD} Entwurf (Beispiel)`, status: 'DRAFT' });
  await createService({ organizationId: draft.id, name: `${WORD}-Entwurfsangebot (Beispiel)` });
  fixture = { slugs, topic: topic.slug, category: category.slug, targetGroup: targetGroup.slug, draftSlug: draft.slug, serviceId };
});

afterAll(() => {
  console.info(`JSON API: ${validatedResponses} responses validated against /api/v1/openapi.json`);
});

describe('open JSON API /api/v1', () => {
  it('has an OpenAPI 3.1 document that @redocly/cli lints without errors or warnings', async () => {
    expect(document.openapi).toBe('3.1.0');
    const dir = mkdtempSync(path.join(tmpdir(), 'openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      const { stdout } = await promisify(execFile)(path.resolve('node_modules/.bin/redocly'), ['lint', file, '--format=json'], {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
      const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
      expect(report.problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('pages organizations with a cursor, every item once', async () => {
    const { items, pages } = await allPages('/organizations', `q=${WORD}`, 2);
    expect(pages).toBe(3);
    expect(items.map((item) => item.slug).sort()).toEqual([...fixture.slugs].sort());
    expect(JSON.stringify(items)).not.toContain('Entwurf');
  });

  it('filters with the English parameters, and still reads the German ones', async () => {
    const slugs = async (query: string) => ((await validated('/organizations', query)).body.items as Json[]).map((item) => item.slug);
    expect(await slugs(`q=${WORD}&topic=${fixture.topic}`)).toEqual([fixture.slugs[0]]);
    expect((await slugs(`q=${WORD}&category=${fixture.category}`)).sort()).toEqual(fixture.slugs.slice(0, 2));
    expect(await slugs(`q=${WORD}&target_group=${fixture.targetGroup}`)).toEqual([fixture.slugs[1]]);
    expect(await slugs(`q=${WORD}&town=${encodeURIComponent('Tangerhütte')}`)).toEqual([fixture.slugs[2]]);
    expect(await slugs(`q=${WORD}&wheelchair=1`)).toEqual([fixture.slugs[3]]);
    expect(await slugs(`q=${WORD}&language=fa`)).toEqual([fixture.slugs[4]]);
    expect(await slugs(`q=${WORD}&sprache=fa`)).toEqual([fixture.slugs[4]]);
    expect(await slugs(`q=${WORD}&open_now=1`)).toEqual([]);
    const english = (await validated('/organizations', `q=${WORD}&topic=${fixture.topic}&locale=en`)).body.items as Json[];
    expect(english[0].topics).toEqual([{ slug: fixture.topic, label: 'API topic (example)' }]);
  });

  it('refuses unknown parameters and bad values with 400, naming each', async () => {
    const { body } = await validated('/organizations', 'limit=abc&open_now=vielleicht&language=xx1&foo=1&locale=fr&cursor=kaputt', { status: 400 });
    expect(Object.keys(body.fields as Json).sort()).toEqual(['foo', 'language', 'limit', 'locale', 'open_now']);
    for (const query of ['limit=0', 'limit=101', 'page=2', 'cursor=kaputt', 'alter=abc']) {
      const name = query.split('=')[0];
      expect(Object.keys((await validated('/organizations', query, { status: 400 })).body.fields as Json), query).toEqual([name]);
    }
    // A cursor belongs to its query and page size.
    const first = (await validated('/organizations', `q=${WORD}&limit=2`)).body;
    expect(Object.keys((await validated('/organizations', `q=anders&limit=2&cursor=${first.next_cursor}`, { status: 400 })).body.fields as Json)).toEqual(['cursor']);
    expect(Object.keys((await validated('/organizations', `q=${WORD}&limit=3&cursor=${first.next_cursor}`, { status: 400 })).body.fields as Json)).toEqual(['cursor']);
    expect(Object.keys((await validated('/services', 'limit=-1&wheelchair=2', { status: 400 })).body.fields as Json).sort()).toEqual(['limit', 'wheelchair']);
    expect(Object.keys((await validated('/taxonomy', 'q=x', { status: 400 })).body.fields as Json)).toEqual(['q']);
    expect(Object.keys((await validated('/organizations/{slug}', 'limit=1', { slug: fixture.slugs[0], status: 400 })).body.fields as Json)).toEqual(['limit']);
  });

  it('sorts by distance from a county town with near (naehe), with distance_km, and refuses an unknown town', async () => {
    // The seeded towns (only them: the rest of the seed would change this file's other answers).
    await getTestDb().countyTown.createMany({ data: countyTowns, skipDuplicates: true });
    // Example coordinates: number 3 in Tangerhütte, number 1 in Stendal; the others have none.
    await getTestDb().location.updateMany({ where: { organization: { slug: fixture.slugs[2] } }, data: { latitude: 52.4347, longitude: 11.8023 } });
    await getTestDb().location.updateMany({ where: { organization: { slug: fixture.slugs[0] } }, data: { latitude: 52.6021, longitude: 11.8612 } });
    const items = (await validated('/organizations', `q=${WORD}&near=tangerhuette`)).body.items as Json[];
    expect(items.map((item) => item.slug).slice(0, 2)).toEqual([fixture.slugs[2], fixture.slugs[0]]);
    expect(items[0].distance_km).toBeLessThan(1);
    expect(items[1].distance_km).toBeGreaterThan(15);
    expect(items[1].distance_km).toBeLessThan(25);
    expect(items.slice(2).map((item) => item.distance_km)).toEqual([null, null, null]);
    expect(((await validated('/organizations', `q=${WORD}&naehe=stendal`)).body.items as Json[])[0].slug).toBe(fixture.slugs[0]);
    // Without near, no distance.
    expect(((await validated('/organizations', `q=${WORD}`)).body.items as Json[])[0]).not.toHaveProperty('distance_km');
    const services = (await validated('/services', `q=${WORD}&near=tangerhuette`)).body.items as Json[];
    expect((services[0].organization as Json).slug).toBe(fixture.slugs[2]);
    for (const [route, query, name] of [
      ['/organizations', 'near=atlantis', 'near'],
      ['/organizations', 'naehe=atlantis', 'naehe'],
      ['/services', 'near=atlantis', 'near'],
      ['/organizations', 'near=Tanger%20h%C3%BCtte', 'near'],
    ]) {
      const fields = (await validated(route, query, { status: 400 })).body.fields as Json;
      expect(Object.keys(fields), query).toEqual([name]);
    }
    const taxonomy = (await validated('/taxonomy', '')).body;
    expect(taxonomy.near_towns).toContainEqual({ value: 'osterburg-altmark', label: 'Osterburg (Altmark)' });
  });

  it('answers one organization, 404 for one that is not public', async () => {
    const { body } = await validated('/organizations/{slug}', 'locale=en', { slug: fixture.slugs[4] });
    expect(body).toMatchObject({ slug: fixture.slugs[4] });
    expect(JSON.stringify(body)).not.toContain('Intern-Zitronenfalter');
    await validated('/organizations/{slug}', '', { slug: fixture.draftSlug, status: 404 });
    await validated('/organizations/{slug}', '', { slug: 'gibt-es-nicht', status: 404 });
  });

  it('pages services of the organizations found, narrowed by topic and target group', async () => {
    const { items } = await allPages('/services', `q=${WORD}`, 3);
    expect(items).toHaveLength(10);
    expect(JSON.stringify(items)).not.toContain('Entwurfsangebot');
    const narrowed = (await validated('/services', `q=${WORD}&target_group=${fixture.targetGroup}`)).body.items as Json[];
    expect(narrowed.map((item) => item.name)).toEqual([`${WORD}-Angebot 2 (Beispiel)`]);
    const withLanguage = items.find((item) => item.id === fixture.serviceId)!;
    expect(withLanguage.languages).toEqual(['fa']);
  });

  it('lists the filter values', async () => {
    const { body } = await validated('/taxonomy', 'locale=en');
    expect(body.topics).toContainEqual({ value: fixture.topic, label: 'API topic (example)' });
    expect(body.target_groups).toContainEqual({ value: fixture.targetGroup, label: 'API-Zielgruppe (Beispiel)' });
    expect(body.languages).toContainEqual(expect.objectContaining({ value: 'fa' }));
    expect(body.towns).toContainEqual({ value: 'Tangerhütte', label: 'Tangerhütte' });
  });

  it('sends ETag, Cache-Control and CORS headers, and 304 for a matching If-None-Match', async () => {
    for (const route of ['/organizations', '/services', '/taxonomy', '/openapi.json']) {
      const first = await call(route);
      const etag = first.headers.get('etag');
      expect(etag, route).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('cache-control'), route).toContain('max-age');
      expect(first.headers.get('access-control-allow-origin'), route).toBe('*');
      const again = await call(route, '', { headers: { 'If-None-Match': `W/${etag}, "anderes"` } });
      expect(again.status, route).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect((await call(route, '', { headers: { 'If-None-Match': '"anderes"' } })).status, route).toBe(200);
    }
    const changed = await call('/organizations/{slug}', '', { slug: fixture.slugs[0] });
    const preflight = organizationsRoute.OPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, OPTIONS');
    expect(changed.headers.get('access-control-expose-headers')).toBe('ETag');
  });
});
