// Conformance of /api/hsds with the Open Referral API specification (HSDS 3.0): every endpoint,
// every page of every list (first, middle, last, and one past the end) and every object by id,
// validated against the response schema the specification names for it, with additional
// properties closed (an object may carry only the fields its schema defines). The specification
// and its schemas are copied into tests/fixtures/hsds-3.0 (CC BY-SA 4.0).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import addFormats from 'ajv-formats';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/prisma/seed';
import * as root from '@/app/api/hsds/route';
import * as services from '@/app/api/hsds/services/route';
import * as service from '@/app/api/hsds/services/[id]/route';
import * as organizations from '@/app/api/hsds/organizations/route';
import * as organization from '@/app/api/hsds/organizations/[id]/route';
import * as taxonomies from '@/app/api/hsds/taxonomies/route';
import * as taxonomy from '@/app/api/hsds/taxonomies/[id]/route';
import * as taxonomyTerms from '@/app/api/hsds/taxonomy_terms/route';
import * as taxonomyTerm from '@/app/api/hsds/taxonomy_terms/[id]/route';
import * as serviceAtLocations from '@/app/api/hsds/service_at_locations/route';
import * as serviceAtLocation from '@/app/api/hsds/service_at_locations/[id]/route';
import * as dataPackage from '@/app/api/hsds/datapackage.zip/route';
import * as openApi from '@/app/api/hsds/openapi.json/route';
import { getEnv } from '@/lib/env';
import {
  createContactPerson,
  createLanguage,
  createLanguageOffer,
  createLocation,
  createOrganization,
  createSchedule,
  createService,
  createTaxonomyTerm,
} from '../factories';
import { testDatabaseUrl } from '../setup/db.ts';

const SPEC_DIR = 'tests/fixtures/hsds-3.0';
const SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
const SCHEMA_FILES = [
  'metadata.json',
  'taxonomy.json',
  'taxonomy_term.json',
  'compiled/organization.json',
  'compiled/organization_list.json',
  'compiled/service.json',
  'compiled/service_list.json',
  'compiled/service_at_location_list.json',
];

type Json = Record<string, unknown>;

// Every object schema that lists its properties admits only those.
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Json = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  if (copy.properties && copy.additionalProperties === undefined && copy.allOf === undefined) copy.additionalProperties = false;
  return copy;
}

const spec = JSON.parse(readFileSync(path.join(SPEC_DIR, 'openapi.json'), 'utf8'));

function buildValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('datetime', true);
  for (const file of SCHEMA_FILES) {
    const schema = closed(JSON.parse(readFileSync(path.join(SPEC_DIR, file), 'utf8'))) as Json;
    ajv.addSchema({ ...schema, $id: SCHEMA_BASE + file });
  }
  const page = spec.components.schemas.Page;
  const validators = new Map<string, ValidateFunction>();
  for (const [route, item] of Object.entries(spec.paths as Record<string, { get: { responses: { 200: { content: { 'application/json': { schema: Json } } } } } }>)) {
    const schema = item.get.responses[200].content['application/json'].schema;
    // A list: the Page fields and the contents, nothing else; every Page field present.
    const envelope = schema.allOf
      ? { type: 'object', properties: { ...page.properties, contents: (schema.properties as Json).contents }, required: [...Object.keys(page.properties), 'contents'] }
      : schema;
    validators.set(route, ajv.compile(closed(envelope) as Json));
  }
  return validators;
}

interface RouteModule {
  GET: (request: NextRequest, context: { params: Promise<{ id: string }> }) => Promise<Response> | Response;
}

const ROUTES: Record<string, RouteModule> = {
  '/': root as RouteModule,
  '/services': services,
  '/services/{id}': service,
  '/organizations': organizations,
  '/organizations/{id}': organization,
  '/taxonomies': taxonomies,
  '/taxonomies/{id}': taxonomy,
  '/taxonomy_terms': taxonomyTerms,
  '/taxonomy_terms/{id}': taxonomyTerm,
  '/service_at_locations': serviceAtLocations,
  '/service_at_locations/{id}': serviceAtLocation,
};
const LISTS = ['/services', '/organizations', '/taxonomies', '/taxonomy_terms', '/service_at_locations'];

async function call(route: string, { id, query = '' }: { id?: string; query?: string } = {}) {
  const url = `http://test/api/hsds${route.replace('{id}', id ?? '')}${query ? `?${query}` : ''}`;
  const response = await ROUTES[route].GET(new NextRequest(url), { params: Promise.resolve({ id: id ?? '' }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}

const validators = buildValidators();
const counts = { responses: 0, pages: 0, objects: 0 };

async function validated(route: string, options: { id?: string; query?: string } = {}) {
  const { status, body, headers } = await call(route, options);
  expect(status, `${route} ${options.id ?? ''} ${options.query ?? ''}`).toBe(200);
  const validate = validators.get(route)!;
  const isValid = validate(body);
  expect(validate.errors ?? [], `${route} ${options.id ?? ''} ${options.query ?? ''}`).toEqual([]);
  expect(isValid).toBe(true);
  counts.responses += 1;
  if (Array.isArray(body.contents)) {
    counts.pages += 1;
    counts.objects += body.contents.length;
  } else if (route !== '/') counts.objects += 1;
  return { body, headers };
}

// Every page of a list, one past the end, with the Page fields checked against each other.
async function allPages(route: string, perPage: number, query = ''): Promise<Json[]> {
  const first = (await validated(route, { query: `per_page=${perPage}${query}` })).body;
  const totalPages = first.total_pages as number;
  const items: Json[] = [];
  for (let page = 1; page <= totalPages + 1; page += 1) {
    const { body } = await validated(route, { query: `per_page=${perPage}&page=${page}${query}` });
    const contents = body.contents as Json[];
    expect(body).toMatchObject({
      total_items: first.total_items,
      total_pages: totalPages,
      page_number: page,
      size: contents.length,
      first_page: page === 1,
      last_page: page >= totalPages,
      empty: contents.length === 0,
    });
    if (page < totalPages) expect(contents).toHaveLength(perPage);
    if (page > totalPages) expect(contents).toEqual([]);
    items.push(...contents);
  }
  expect(items).toHaveLength(first.total_items as number);
  expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  return items;
}

let fixture: { organizationId: string; serviceId: string; contactId: string; topicId: string; childTopicId: string; hiddenIds: string[] };

beforeAll(async () => {
  await seedDatabase({ url: testDatabaseUrl(), adminPassword: 'test-passwort-123456' });
  const topic = await createTaxonomyTerm({ kind: 'TOPIC', slug: 'hsds-pruefung', label: 'HSDS-Prüfung (Beispiel)' });
  const childTopic = await createTaxonomyTerm({ kind: 'TOPIC', slug: 'hsds-pruefung-kind', label: 'HSDS-Unterthema (Beispiel)', parentId: topic.id });
  await createLanguage({ code: 'uk', nameDe: 'Ukrainisch', nameNative: 'Українська' });
  const org = await createOrganization({ name: 'HSDS-Prüfstelle (Beispiel)', phone: '03931 00-1000', topics: { create: [{ termId: topic.id }] } });
  const location = await createLocation({ organizationId: org.id, latitude: 52.6, longitude: 11.86 });
  const svc = await createService({
    organizationId: org.id,
    name: 'HSDS-Beratung (Beispiel)',
    terms: { create: [{ termId: childTopic.id }] },
    locations: { create: [{ organizationId: org.id, locationId: location.id }] },
  });
  await createSchedule({ organizationId: org.id, serviceId: svc.id, note: 'Sprechzeit (Beispiel)' });
  const contact = await createContactPerson({
    organizationId: org.id,
    serviceId: svc.id,
    name: 'Kim Prüfkontakt (Beispiel)',
    phone: '03931 00-1001',
    visibility: 'PUBLIC',
    consentGivenAt: new Date(),
  });
  await createLanguageOffer({ organizationId: org.id, contactPersonId: contact.id, languageCode: 'uk' });
  // More services at more places, so that every list has a middle page.
  for (let index = 1; index <= 4; index += 1) {
    const other = await createOrganization({ name: `HSDS-Träger ${index} (Beispiel)`, categoryId: index % 2 ? null : undefined });
    const places = [await createLocation({ organizationId: other.id }), await createLocation({ organizationId: other.id, street: null })];
    for (let number = 1; number <= 2; number += 1) {
      await createService({
        organizationId: other.id,
        name: `HSDS-Angebot ${index}.${number} (Beispiel)`,
        status: number === 2 ? 'TEMPORARILY_CLOSED' : 'ACTIVE',
        minAge: number === 2 ? 16 : null,
        locations: { create: places.map((place) => ({ organizationId: other.id, locationId: place.id })) },
      });
    }
  }
  // Hidden: a draft organization with a service, an internal contact, a deleted service.
  const draft = await createOrganization({ name: 'HSDS-Entwurf (Beispiel)', status: 'DRAFT' });
  const draftService = await createService({ organizationId: draft.id, name: 'HSDS-Entwurfsangebot (Beispiel)' });
  const deleted = await createService({ organizationId: org.id, name: 'HSDS-Gelöscht (Beispiel)', deletedAt: new Date() });
  const internal = await createContactPerson({ organizationId: org.id, role: 'HSDS-Intern (Beispiel)', phone: '03931 00-1002', visibility: 'NETWORK_INTERNAL' });
  fixture = {
    organizationId: org.id,
    serviceId: svc.id,
    contactId: contact.id,
    topicId: topic.id,
    childTopicId: childTopic.id,
    hiddenIds: [draft.id, draftService.id, deleted.id, internal.id],
  };
});

afterAll(() => {
  // The figures the issue asks for.
  console.info(`HSDS conformance: ${counts.responses} responses, ${counts.pages} pages, ${counts.objects} objects validated`);
});

describe('HSDS 3.0 API conformance', () => {
  it('answers the root with the version', async () => {
    const { body } = await validated('/');
    expect(body.version).toBe('3.0');
  });

  const perPage: Record<string, number> = { '/taxonomies': 1, '/services': 3, '/service_at_locations': 4 };
  for (const route of LISTS) {
    it(`${route}: every page and every object by id validate`, async () => {
      const items = await allPages(route, perPage[route] ?? 7);
      expect(items.length).toBeGreaterThan(perPage[route] ?? 7);
      const text = JSON.stringify(items);
      for (const hidden of fixture.hiddenIds) expect(text).not.toContain(hidden);
      for (const item of items) {
        const { body } = await validated(`${route}/{id}`, { id: item.id as string });
        if (route === '/service_at_locations') {
          // The specification answers with the service; this link is its only one.
          expect(body.id).toBe(item.service_id);
          expect((body.service_at_locations as Json[]).map((link) => link.id)).toEqual([item.id]);
        } else expect(body.id).toBe(item.id);
      }
    });
  }

  it('answers an unknown or hidden id with 404', async () => {
    for (const route of LISTS) {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'keine-uuid', ...fixture.hiddenIds]) {
        expect((await call(`${route}/{id}`, { id })).status, `${route}/${id}`).toBe(404);
      }
    }
  });

  it('filters services by organization, taxonomy term, taxonomy, change date and search', async () => {
    const ids = async (query: string) => ((await allPages('/services', 3, `&${query}`)) as Json[]).map((item) => item.id);
    expect(await ids(`organization_id=${fixture.organizationId}`)).toEqual([fixture.serviceId]);
    expect(await ids(`taxonomy_term_id=${fixture.childTopicId}`)).toEqual([fixture.serviceId]);
    // A topic of the organization counts for its services.
    expect(await ids(`taxonomy_term_id=${fixture.topicId}`)).toEqual([fixture.serviceId]);
    const topicTaxonomy = ((await call('/taxonomy_terms', { id: undefined, query: `search=HSDS-Prüfung` })).body.contents as Json[])[0].taxonomy_id;
    expect(await ids(`taxonomy_id=${topicTaxonomy}`)).toContain(fixture.serviceId);
    expect(await ids('modified_after=2999-01-01')).toEqual([]);
    // A time without offset is UTC; with one, the offset counts.
    expect(await ids('modified_after=2999-01-01T00:00:00')).toEqual([]);
    expect(await ids('modified_after=2000-01-01T00:00')).toContain(fixture.serviceId);
    expect(await ids(`modified_after=${encodeURIComponent('2000-01-01T00:00:00+02:00')}`)).toContain(fixture.serviceId);
    expect(await ids('modified_after=2999-01-01T00:00:00+02:00')).toEqual([]);
    expect(await ids(`modified_after=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`)).toContain(fixture.serviceId);
    expect(await ids(`search=${encodeURIComponent('HSDS-Prüfstelle')}`)).toEqual([fixture.serviceId]);
    expect(await ids('search=HSDS-Entwurfsangebot')).toEqual([]);
    const minimal = await allPages('/services', 50, '&minimal=true');
    expect(Object.keys(minimal[0]).sort()).toEqual(['id', 'last_modified', 'name', 'status']);
  });

  it('filters service-at-locations and taxonomy terms', async () => {
    const links = await allPages('/service_at_locations', 5, `&organization_id=${fixture.organizationId}`);
    expect(links.map((link) => link.service_id)).toEqual([fixture.serviceId]);
    const children = await allPages('/taxonomy_terms', 5, `&parent_id=${fixture.topicId}`);
    expect(children.map((term) => term.id)).toEqual([fixture.childTopicId]);
    const top = await allPages('/taxonomy_terms', 50, '&top_only=true');
    expect(top.map((term) => term.id)).toContain(fixture.topicId);
    expect(top.map((term) => term.id)).not.toContain(fixture.childTopicId);
  });

  it('puts a contact person’s languages on the contact’s phones', async () => {
    const { body } = await validated('/services/{id}', { id: fixture.serviceId });
    const contact = (body.contacts as Json[]).find((candidate) => candidate.id === fixture.contactId)!;
    expect(contact.phones).toEqual([expect.objectContaining({ number: '03931 00-1001', languages: [expect.objectContaining({ code: 'uk', name: 'Ukrainisch' })] })]);
    expect(JSON.stringify(body)).not.toContain('HSDS-Intern');
  });

  it('keeps ids stable between requests', async () => {
    const first = await call('/organizations/{id}', { id: fixture.organizationId });
    const second = await call('/organizations/{id}', { id: fixture.organizationId });
    expect(second.body).toEqual(first.body);
    const taxonomyIds = (await allPages('/taxonomies', 10)).map((item) => item.id);
    expect((await allPages('/taxonomies', 10)).map((item) => item.id)).toEqual(taxonomyIds);
  });

  it('refuses unknown parameters and bad values, naming each', async () => {
    const { status, body } = await call('/services', { query: 'per_page=abc&page=0&seite=2&modified_after=gestern&full=true' });
    expect(status).toBe(400);
    expect((body.fields as { field: string }[]).map((field) => field.field).sort()).toEqual(['full', 'modified_after', 'page', 'per_page', 'seite']);
    expect((await call('/taxonomy_terms', { query: 'top_only=vielleicht' })).status).toBe(400);
    expect((await call('/organizations/{id}', { id: fixture.organizationId, query: 'foo=1' })).status).toBe(400);
  });

  it('closes every schema: a field the schema does not define fails', async () => {
    const list = validators.get('/organizations')!;
    const { body } = await call('/organizations', { query: 'per_page=1' });
    expect(list(body)).toBe(true);
    const nested = await call('/organizations/{id}', { id: fixture.organizationId });
    // A fully nested organization is not a list item; neither is an unknown field anywhere.
    expect(list({ ...body, contents: [nested.body] })).toBe(false);
    const single = validators.get('/services/{id}')!;
    const full = (await call('/services/{id}', { id: fixture.serviceId })).body;
    expect(single(full)).toBe(true);
    const contacts = full.contacts as Json[];
    expect(single({ ...full, contacts: [{ ...contacts[0], languages: [] }] })).toBe(false);
  });

  it('offers the tabular data package: every table as CSV with the schema’s fields, the same records as the API', async () => {
    const response = await dataPackage.GET();
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const descriptor = JSON.parse(strFromU8(files['datapackage.json'])) as { resources: { name: string; path: string; schema: { fields: { name: string }[] } }[] };
    expect(Object.keys(files).sort()).toEqual(['datapackage.json', ...descriptor.resources.map((resource) => resource.path)].sort());
    const tables: Record<string, Json[]> = {};
    for (const resource of descriptor.resources) {
      const schema = JSON.parse(readFileSync(path.join(SPEC_DIR, `${resource.name}.json`), 'utf8')) as { properties: Json };
      const columns = resource.schema.fields.map((field) => field.name);
      for (const column of columns) expect(Object.keys(schema.properties), `${resource.name}.${column}`).toContain(column);
      const text = strFromU8(files[resource.path]);
      expect(text.split('\r\n')[0]).toBe(columns.join(','));
      tables[resource.name] = parse(text, { columns: true }) as Json[];
      const ids = tables[resource.name].map((row) => row.id as string);
      expect(new Set(ids).size, resource.name).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      for (const hidden of fixture.hiddenIds) expect(text).not.toContain(hidden);
    }
    const idsOf = (rows: Json[]) => rows.map((row) => row.id).sort();
    expect(idsOf(tables.organization)).toEqual(idsOf(await allPages('/organizations', 100)));
    expect(idsOf(tables.service)).toEqual(idsOf(await allPages('/services', 100)));
    expect(idsOf(tables.service_at_location)).toEqual(idsOf(await allPages('/service_at_locations', 100)));
    expect(idsOf(tables.taxonomy_term)).toEqual(idsOf(await allPages('/taxonomy_terms', 100)));
    // References point at rows of the package.
    const has = (table: string, id: unknown) => !id || tables[table].some((row) => row.id === id);
    for (const row of tables.service) expect(has('organization', row.organization_id)).toBe(true);
    for (const row of tables.service_at_location) expect(has('service', row.service_id) && has('location', row.location_id)).toBe(true);
    for (const row of tables.phone) expect(has('contact', row.contact_id) && has('organization', row.organization_id)).toBe(true);
    for (const row of tables.language) expect(has('phone', row.phone_id) && has('service', row.service_id)).toBe(true);
    for (const row of tables.attribute) expect(has('taxonomy_term', row.taxonomy_term_id)).toBe(true);
    // The contact person's language, on the contact's phone.
    const phone = tables.phone.find((row) => row.contact_id === fixture.contactId)!;
    expect(tables.language.filter((row) => row.phone_id === phone.id).map((row) => row.code)).toEqual(['uk']);
  });

  it('names its own OpenAPI document at the root: this server, the specification’s paths, only parameters it accepts', async () => {
    const { body: rootBody } = await validated('/');
    const baseUrl = getEnv().APP_URL;
    expect(rootBody.openapi_url).toBe(`${baseUrl}/api/hsds/openapi.json`);
    const response = openApi.GET(new NextRequest(rootBody.openapi_url as string));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const document = (await response.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, { get: { parameters?: { $ref?: string; name?: string }[] } }>; components: { parameters: Record<string, { name: string }> } };
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers.map((server) => server.url)).toEqual([`${baseUrl}/api/hsds`]);
    expect(Object.keys(document.paths).sort()).toEqual(Object.keys(spec.paths).sort());
    expect(JSON.stringify(document)).not.toContain('REQUIRED --');
    // Every parameter the document lists is accepted (a sample value of its kind).
    const uuid = '00000000-0000-4000-8000-000000000000';
    const samples: Record<string, string> = {
      search: 'Beratung', page: '1', per_page: '5', format: 'json', taxonomy_term_id: uuid, taxonomy_id: uuid, organization_id: uuid, parent_id: uuid,
      modified_after: '2024-01-01T00:00:00Z', minimal: 'true', full: 'false', full_service: 'false', postcode: '39576', top_only: 'true',
    };
    for (const [route, item] of Object.entries(document.paths)) {
      for (const parameter of item.get.parameters ?? []) {
        const name = parameter.$ref ? document.components.parameters[parameter.$ref.split('/').pop()!].name : parameter.name!;
        expect(samples[name], `${route} ${name}`).toBeDefined();
        const id = route.includes('{id}') ? (route.startsWith('/organizations') ? fixture.organizationId : fixture.serviceId) : undefined;
        expect((await call(route, { id, query: `${name}=${samples[name]}` })).status, `${route}?${name}`).toBe(200);
      }
    }
    expect((await call('/', { query: 'foo=1' })).status).toBe(400);
    expect(openApi.GET(new NextRequest(`${rootBody.openapi_url}?foo=1`)).status).toBe(400);
  });

  it('sends cache and CORS headers', async () => {
    const { headers } = await call('/services');
    expect(headers.get('cache-control')).toContain('s-maxage');
    expect(headers.get('access-control-allow-origin')).toBe('*');
  });
});
