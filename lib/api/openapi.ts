// The OpenAPI 3.1 document of the open JSON API (/api/v1/openapi.json). Every response the tests
// see is validated against it (tests/integration/api-v1.test.ts), and it lints clean with
// `@redocly/cli lint`. Keep it in step with lib/api/*.ts and app/api/v1/*.
const nullable = (type: string) => ({ type: [type, 'null'] });
const str = { type: 'string' };
const bool = { type: 'boolean' };
const int = { type: 'integer' };
const strings = { type: 'array', items: str };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const list = (name: string) => ({ type: 'array', items: ref(name) });
const object = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const query = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: 'query', required: false, description, schema });
const json = (schema: unknown) => ({ 'application/json': { schema } });

const FLAG = { type: 'string', enum: ['1', '0', 'true', 'false', 'on', 'off', 'ja', 'nein'] };
const SLUG = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,80}$' };

const parameters = {
  locale: query('locale', 'Language of labels and of translated texts (German where there is no translation).', {
    type: 'string',
    enum: ['de', 'en', 'ar', 'uk', 'ru'],
    default: 'de',
  }),
  q: query('q', 'Search words: names, descriptions, services, places; forgiving of typos and German compounds.', { type: 'string', maxLength: 200 }),
  topic: query('topic', 'A topic (`value` from /taxonomy `topics`).', SLUG),
  category: query('category', 'A kind of organization (`value` from /taxonomy `categories`).', SLUG),
  language: query('language', 'ISO 639-1 code of a language spoken in counselling (`value` from /taxonomy `languages`).', {
    type: 'string',
    pattern: '^[A-Za-z]{2,3}$',
  }),
  target_group: query('target_group', 'A target group (`value` from /taxonomy `target_groups`).', SLUG),
  age: query('age', 'Age of the person looking for help: services with a fitting age range first.', { type: 'integer', minimum: 0, maximum: 120 }),
  town: query('town', 'A town or municipality of the county (`value` from /taxonomy `towns`).', { type: 'string', maxLength: 100 }),
  near: query(
    'near',
    'A town of the county (`value` from /taxonomy `near_towns`): results sorted by the straight-line distance of their nearest place from its centre, entries without coordinates last. Items then carry `distance_km`. An unknown town is answered with 400.',
    SLUG,
  ),
  open_now: query('open_now', 'Only organizations that are open now (local time, Europe/Berlin).', FLAG),
  wheelchair: query('wheelchair', 'Only organizations with a wheelchair-accessible place.', FLAG),
  limit: query('limit', 'Items per page.', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
  cursor: query('cursor', 'The `next_cursor` of the previous page, unchanged. It belongs to the same filters and limit.', str),
  ifNoneMatch: { name: 'If-None-Match', in: 'header', required: false, description: 'An ETag from an earlier answer: 304 when unchanged.', schema: str },
};
const listParameters = ['locale', 'q', 'topic', 'category', 'language', 'target_group', 'age', 'town', 'near', 'open_now', 'wheelchair', 'limit', 'cursor', 'ifNoneMatch'];
const refs = (names: string[]) => names.map((name) => ({ $ref: `#/components/parameters/${name}` }));

const term = object({ slug: str, label: str });
const option = object({ value: str, label: str });
const localized = object({ value: str, lang: str });
const languageOffer = object({ languageCode: str, note: nullable('string'), schedule: nullable('string') });
const schedule = object({
  id: { type: 'string', format: 'uuid' },
  serviceId: nullable('string'),
  locationId: nullable('string'),
  weekday: { type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday.' },
  opensAt: { type: 'integer', description: 'Minutes after local midnight (Europe/Berlin).' },
  closesAt: { type: 'integer', description: 'Minutes after local midnight (Europe/Berlin).' },
  appointmentOnly: bool,
  validFrom: { type: ['string', 'null'], format: 'date' },
  validTo: { type: ['string', 'null'], format: 'date' },
  note: { oneOf: [ref('LocalizedText'), { type: 'null' }] },
});

const schemas = {
  Term: term,
  Option: option,
  LocalizedText: localized,
  LanguageOffer: languageOffer,
  Schedule: schedule,
  OrganizationItem: object(
    {
      slug: str,
      name: str,
      short_name: nullable('string'),
      description: str,
      content_language: { type: 'string', description: 'Language of `name` and `description`.' },
      category: { oneOf: [ref('Term'), { type: 'null' }] },
      topics: list('Term'),
      towns: strings,
      languages: strings,
      wheelchair_accessible: bool,
      url: { type: 'string', format: 'uri' },
      distance_km: {
        type: ['number', 'null'],
        description: 'Only with `near`: straight-line distance in km (one decimal) of the nearest place from the town centre; null when no place has coordinates.',
      },
    },
    ['slug', 'name', 'short_name', 'description', 'content_language', 'category', 'topics', 'towns', 'languages', 'wheelchair_accessible', 'url'],
  ),
  OrganizationList: object({ total: int, limit: int, next_cursor: nullable('string'), items: list('OrganizationItem') }),
  ServiceItem: object({
    id: { type: 'string', format: 'uuid' },
    name: str,
    description: str,
    content_language: str,
    organization: object({ slug: str, name: str, url: { type: 'string', format: 'uri' } }),
    status: { type: 'string', enum: ['active', 'temporarily_closed'] },
    minimum_age: nullable('integer'),
    maximum_age: nullable('integer'),
    appointment_required: bool,
    interpretation_offered: bool,
    topics: list('Term'),
    target_groups: list('Term'),
    languages: strings,
    towns: strings,
  }),
  ServiceList: object({ total: int, limit: int, next_cursor: nullable('string'), items: list('ServiceItem') }),
  Taxonomy: object({
    locale: str,
    categories: list('Option'),
    topics: list('Option'),
    target_groups: list('Option'),
    languages: list('Option'),
    towns: list('Option'),
    near_towns: { ...list('Option'), description: 'The values of `near`: towns of the county with a known centre.' },
  }),
  Organization: object({
    slug: str,
    name: ref('LocalizedText'),
    shortName: nullable('string'),
    description: ref('LocalizedText'),
    website: nullable('string'),
    email: nullable('string'),
    phone: nullable('string'),
    keywords: {
      type: 'object',
      description: 'Search keywords per UI language, as the entry gives them (languages without keywords are left out).',
      additionalProperties: false,
      properties: { de: strings, en: strings, ar: strings, uk: strings, ru: strings },
    },
    isCoordinationOffice: bool,
    lastVerifiedAt: { type: ['string', 'null'], format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    parent: { oneOf: [object({ slug: str, name: str }), { type: 'null' }] },
    category: { oneOf: [ref('Term'), { type: 'null' }] },
    topics: list('Term'),
    services: {
      type: 'array',
      items: object({
        id: { type: 'string', format: 'uuid' },
        name: ref('LocalizedText'),
        description: ref('LocalizedText'),
        minAge: nullable('integer'),
        maxAge: nullable('integer'),
        eligibility: { oneOf: [ref('LocalizedText'), { type: 'null' }] },
        cost: { oneOf: [ref('LocalizedText'), { type: 'null' }] },
        howToApply: { oneOf: [ref('LocalizedText'), { type: 'null' }] },
        appointmentRequired: bool,
        interpretationOffered: bool,
        isTemporarilyClosed: bool,
        alertText: { oneOf: [ref('LocalizedText'), { type: 'null' }] },
        topics: list('Term'),
        targetGroups: list('Term'),
        languages: list('LanguageOffer'),
        locationIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
      }),
    },
    locations: {
      type: 'array',
      items: object({
        id: { type: 'string', format: 'uuid' },
        name: nullable('string'),
        street: nullable('string'),
        postalCode: nullable('string'),
        city: nullable('string'),
        municipality: nullable('string'),
        latitude: nullable('number'),
        longitude: nullable('number'),
        wheelchairAccessible: nullable('boolean'),
        accessibilityNote: { oneOf: [ref('LocalizedText'), { type: 'null' }] },
        transportNote: { oneOf: [ref('LocalizedText'), { type: 'null' }] },
      }),
    },
    contacts: {
      type: 'array',
      description: 'Only contacts published with the person’s consent.',
      items: object({
        id: { type: 'string', format: 'uuid' },
        role: ref('LocalizedText'),
        name: nullable('string'),
        email: nullable('string'),
        phone: nullable('string'),
        mobile: nullable('string'),
        serviceId: { type: ['string', 'null'], format: 'uuid' },
        languages: list('LanguageOffer'),
      }),
    },
    languages: list('LanguageOffer'),
    schedules: list('Schedule'),
    exceptions: {
      type: 'array',
      items: object({
        locationId: nullable('string'),
        startsOn: { type: 'string', format: 'date' },
        endsOn: { type: 'string', format: 'date' },
        isClosed: bool,
        opensAt: nullable('integer'),
        closesAt: nullable('integer'),
        note: nullable('string'),
      }),
    },
  }),
  BadRequest: object({
    error: str,
    fields: { type: 'object', description: 'Each bad parameter with the reason (German).', additionalProperties: str },
  }),
  NotFound: object({ error: { type: 'string', enum: ['NOT_FOUND'] } }),
};

const cachedHeaders = {
  ETag: { description: 'Version of the answer, for If-None-Match.', schema: str },
  'Cache-Control': { description: 'How long browsers and shared caches may keep the answer.', schema: str },
  'Access-Control-Allow-Origin': { description: 'Any origin may read the public data.', schema: str },
};
const ok = (description: string, schema: string) => ({ description, headers: cachedHeaders, content: json(ref(schema)) });
const responses = (description: string, schema: string, { notFound = false } = {}) => ({
  '200': ok(description, schema),
  '304': { description: 'Not modified since the ETag sent in If-None-Match.', headers: cachedHeaders },
  '400': { description: 'An unknown parameter or a bad value; each is named in `fields`.', content: json(ref('BadRequest')) },
  ...(notFound ? { '404': { description: 'No public organization with this slug.', content: json(ref('NotFound')) } } : {}),
});
const operation = (operationId: string, summary: string, description: string, params: string[], answers: object) => ({
  get: { operationId, summary, description, tags: ['Directory'], parameters: refs(params), responses: answers },
});

export function openApiDocument({ baseUrl }: { baseUrl: string }) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Netzwerk Integration Stendal – open data API',
      version: '1.0.0',
      description:
        'Read-only public data of the directory of the integration network in Landkreis Stendal: organizations, their services, ' +
        'and the vocabulary of the filters. Only published entries and contacts published with consent. Lists are paged with ' +
        '`limit` and `cursor`; every answer carries an ETag. The German parameter names of the first version (thema, art, sprache, ' +
        'zielgruppe, alter, ort, naehe, offen, barrierefrei, seite) are still read. The same data in the Open Referral HSDS 3.0 format is at /api/hsds.',
      license: { name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0', url: 'https://www.govdata.de/dl-de/by-2-0' },
      contact: { name: 'Koordinierungsstelle Integration, Landkreis Stendal', url: `${baseUrl}/de/koordinierungsstelle` },
    },
    // Relative to where this document is served: right on every host the app runs on.
    servers: [{ url: '/api/v1' }],
    security: [],
    tags: [{ name: 'Directory', description: 'The public directory.' }],
    paths: {
      '/organizations': operation(
        'listOrganizations',
        'Search organizations',
        'The directory search with its filters, best matches first.',
        listParameters,
        responses('A page of organizations.', 'OrganizationList'),
      ),
      '/organizations/{slug}': {
        parameters: [{ name: 'slug', in: 'path', required: true, description: 'The organization’s slug.', schema: str }],
        ...operation(
          'getOrganization',
          'One organization',
          'Everything its public page shows: services, places, hours, contacts, languages.',
          ['locale', 'ifNoneMatch'],
          responses('The organization.', 'Organization', { notFound: true }),
        ),
      },
      '/services': operation(
        'listServices',
        'Search services',
        'Services of the organizations the search finds, in the same order; topic and target_group also narrow the services.',
        listParameters,
        responses('A page of services.', 'ServiceList'),
      ),
      '/taxonomy': operation(
        'getTaxonomy',
        'Filter values',
        'Categories, topics, target groups, languages and towns: the values the filters take, with labels.',
        ['locale', 'ifNoneMatch'],
        responses('The vocabulary.', 'Taxonomy'),
      ),
      '/openapi.json': operation('getOpenApi', 'This document', 'The OpenAPI 3.1 description of this API.', ['ifNoneMatch'], {
        '200': { description: 'The OpenAPI document.', headers: cachedHeaders, content: json({ type: 'object' }) },
        '304': { description: 'Not modified.', headers: cachedHeaders },
        '400': { description: 'This document takes no parameters.', content: json(ref('BadRequest')) },
      }),
    },
    components: { schemas, parameters },
  };
}
