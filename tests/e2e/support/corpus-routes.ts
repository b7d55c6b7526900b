// Every public page, route handler and API of the app, with the query parameters each one reads,
// for the malformed-input corpus (tests/e2e/malformed-input.test.ts). tests/unit/corpus-routes.test.ts
// keeps this table complete: a page or route added under app/ (outside the admin area) without an
// entry here fails there, so new routes cannot escape the corpus.
import { PARAM } from '../../../lib/search/query.ts';

export interface CorpusRoute {
  file: string;
  /** Paths with the ids filled in: {slug}, {contact}, {org}, {service}, {sal}, {taxonomy}, {term}. */
  paths: string[];
  /** Query parameters the route reads (each payload goes into one of them, in turn). */
  params: string[];
  /** The same path with the payload in its dynamic segment, where there is one. */
  segment?: string;
}

const API_LIST = ['q', 'topic', 'category', 'language', 'target_group', 'age', 'town', 'near', 'open_now', 'wheelchair', 'limit', 'cursor', 'locale', 'seite', ...Object.values(PARAM)];
const HSDS_LIST = ['search', 'page', 'per_page', 'format', 'full', 'full_service', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'postcode', 'minimal', 'parent_id', 'top_only'];

export const CORPUS_ROUTES: CorpusRoute[] = [
  { file: 'app/[locale]/(public)/page.tsx', paths: ['/de', '/ar'], params: ['q', 'x'] },
  { file: 'app/[locale]/(public)/akteure/page.tsx', paths: ['/de/akteure', '/ar/akteure?q=beratung'], params: Object.values(PARAM) },
  { file: 'app/[locale]/(public)/akteure-liste/page.tsx', paths: ['/de/akteure-liste', '/ar/akteure'], params: ['q', 'x'] },
  // Cached twins (lib/edge/cached-routes.ts): reached through proxy.ts; their own addresses answer 404.
  { file: 'app/[locale]/(public)/akteure-suche/[suche]/page.tsx', paths: ['/de/akteure?q=beratung&sprache=ar', '/de/akteure-suche/cT1CZXJhdHVuZw'], params: Object.values(PARAM), segment: '/de/akteure-suche/{v}' },
  { file: 'app/[locale]/(public)/projekte-liste/[[...filter]]/page.tsx', paths: ['/de/projekte?stand=laufend', '/de/projekte-liste'], params: ['thema', 'zielgruppe', 'stand', 'organisation'], segment: '/de/projekte-liste/{v}' },
  { file: 'app/[locale]/(public)/veranstaltungen-liste/[[...filter]]/page.tsx', paths: ['/de/veranstaltungen?ansicht=monat', '/de/veranstaltungen-liste'], params: ['thema', 'sprache', 'ort', 'ansicht', 'monat'], segment: '/de/veranstaltungen-liste/{v}' },
  { file: 'app/api/cached/v1/organizations/[key]/route.ts', paths: ['/api/v1/organizations?q=Beratung', '/api/cached/v1/organizations/abc'], params: API_LIST, segment: '/api/cached/v1/organizations/{v}' },
  { file: 'app/api/cached/v1/services/[key]/route.ts', paths: ['/api/v1/services?q=Beratung', '/api/cached/v1/services/abc'], params: API_LIST, segment: '/api/cached/v1/services/{v}' },
  { file: 'app/api/cached/v1/suggestions/[key]/route.ts', paths: ['/api/v1/suggestions?q=Ber', '/api/cached/v1/suggestions/abc'], params: ['q', 'locale'], segment: '/api/cached/v1/suggestions/{v}' },
  { file: 'app/api/cached/hsds/[list]/route.ts', paths: ['/api/hsds/services', '/api/cached/hsds/services'], params: ['x'], segment: '/api/cached/hsds/{v}' },
  { file: 'app/[locale]/(public)/akteure/[slug]/page.tsx', paths: ['/de/akteure/{slug}', '/uk/akteure/{slug}'], params: ['q', 'x'], segment: '/de/akteure/{v}' },
  { file: 'app/[locale]/(public)/akteure/[slug]/fehler-melden/page.tsx', paths: ['/de/akteure/{slug}/fehler-melden'], params: ['x'], segment: '/de/akteure/{v}/fehler-melden' },
  { file: 'app/[locale]/(public)/akteure/[slug]/vcard/[contactId]/route.ts', paths: ['/de/akteure/{slug}/vcard/{contact}'], params: ['x'], segment: '/de/akteure/{slug}/vcard/{v}' },
  ...['barrierefreiheit', 'datenschutz', 'gebaerdensprache', 'impressum', 'koordinierungsstelle', 'leichte-sprache', 'netzwerk', 'wegweiser'].map((page) => ({
    file: `app/[locale]/(public)/${page}/page.tsx`,
    paths: [`/de/${page}`, `/ru/${page}`],
    params: ['q', 'x'],
  })),
  // The benchmark's prerendered baseline page (npm run bench).
  { file: 'app/(bench)/bench-static/page.tsx', paths: ['/bench-static'], params: ['q', 'x'] },
  { file: 'app/[locale]/(auth)/anmelden/page.tsx', paths: ['/de/anmelden'], params: ['callbackUrl', 'error', 'lang', 'abgemeldet', 'passwort', 'einladung'] },
  { file: 'app/[locale]/(auth)/abmelden/page.tsx', paths: ['/de/abmelden'], params: ['callbackUrl', 'lang'] },
  { file: 'app/[locale]/(auth)/passwort-vergessen/page.tsx', paths: ['/de/passwort-vergessen'], params: ['lang', 'x'] },
  { file: 'app/[locale]/(auth)/passwort-zuruecksetzen/page.tsx', paths: ['/de/passwort-zuruecksetzen'], params: ['token', 'lang'] },
  { file: 'app/[locale]/(auth)/einladung/page.tsx', paths: ['/de/einladung'], params: ['token', 'lang'] },
  { file: 'app/[locale]/(auth)/bestaetigen/[token]/page.tsx', paths: ['/de/bestaetigen/abc'], params: ['lang', 'x'], segment: '/de/bestaetigen/{v}' },
  // Signed in only (anonymous visitors are sent to the sign-in page with the path as callback).
  { file: 'app/[locale]/vorschau/[id]/page.tsx', paths: ['/de/vorschau/00000000-0000-4000-8000-000000000000'], params: ['vorschlag', 'x'], segment: '/de/vorschau/{v}' },
  { file: 'app/[locale]/rundschreiben/abbestellen/[token]/page.tsx', paths: ['/de/rundschreiben/abbestellen/abc'], params: ['ergebnis', 'lang'], segment: '/de/rundschreiben/abbestellen/{v}' },
  { file: 'app/api/auth/[...nextauth]/route.ts', paths: ['/api/auth/session', '/api/auth/csrf', '/api/auth/providers', '/api/auth/signin', '/api/auth/signout', '/api/auth/error'], params: ['callbackUrl', 'error'], segment: '/api/auth/{v}' },
  { file: 'app/[locale]/treffen/antwort/[token]/page.tsx', paths: ['/de/treffen/antwort/abc'], params: ['gespeichert', 'lang'], segment: '/de/treffen/antwort/{v}' },
  { file: 'app/api/kalender/[token]/route.ts', paths: ['/api/kalender/abc'], params: ['x'], segment: '/api/kalender/{v}' },
  { file: 'app/api/circulars/opt-out/[token]/route.ts', paths: ['/api/circulars/opt-out/abc'], params: ['x'], segment: '/api/circulars/opt-out/{v}' },
  { file: 'app/api/gebaerdensprache/[id]/route.ts', paths: ['/api/gebaerdensprache/00000000-0000-4000-8000-000000000000'], params: ['x'], segment: '/api/gebaerdensprache/{v}' },
  { file: 'app/api/v1/organizations/route.ts', paths: ['/api/v1/organizations'], params: API_LIST },
  { file: 'app/api/v1/organizations/[slug]/route.ts', paths: ['/api/v1/organizations/{slug}'], params: ['locale', 'x'], segment: '/api/v1/organizations/{v}' },
  { file: 'app/api/v1/services/route.ts', paths: ['/api/v1/services'], params: API_LIST },
  { file: 'app/api/v1/taxonomy/route.ts', paths: ['/api/v1/taxonomy'], params: ['locale', 'x'] },
  { file: 'app/api/v1/suggestions/route.ts', paths: ['/api/v1/suggestions'], params: ['q', 'locale'] },
  { file: 'app/api/v1/openapi.json/route.ts', paths: ['/api/v1/openapi.json'], params: ['x'] },
  { file: 'app/api/hsds/route.ts', paths: ['/api/hsds'], params: ['x'] },
  { file: 'app/api/hsds/datapackage.zip/route.ts', paths: ['/api/hsds/datapackage.zip'], params: ['x'] },
  { file: 'app/api/hsds/openapi.json/route.ts', paths: ['/api/hsds/openapi.json'], params: ['x'] },
  ...(['organizations', 'services', 'service_at_locations', 'taxonomies', 'taxonomy_terms'] as const).flatMap((name) => {
    const id = { organizations: '{org}', services: '{service}', service_at_locations: '{sal}', taxonomies: '{taxonomy}', taxonomy_terms: '{term}' }[name];
    return [
      { file: `app/api/hsds/${name}/route.ts`, paths: [`/api/hsds/${name}`], params: HSDS_LIST },
      { file: `app/api/hsds/${name}/[id]/route.ts`, paths: [`/api/hsds/${name}/${id}`], params: ['full_service', 'format', 'x'], segment: `/api/hsds/${name}/{v}` },
    ];
  }),
  { file: 'app/[locale]/(public)/projekte/page.tsx', paths: ['/de/projekte', '/ar/projekte'], params: ['thema', 'zielgruppe', 'stand', 'organisation'] },
  { file: 'app/[locale]/(public)/projekte/[slug]/page.tsx', paths: ['/de/projekte/gibt-es-nicht'], params: ['x'], segment: '/de/projekte/{v}' },
  { file: 'app/[locale]/(public)/veranstaltungen/page.tsx', paths: ['/de/veranstaltungen', '/ar/veranstaltungen'], params: ['thema', 'sprache', 'ort', 'ansicht', 'monat'] },
  { file: 'app/[locale]/(public)/veranstaltungen/[slug]/page.tsx', paths: ['/de/veranstaltungen/gibt-es-nicht'], params: ['x'], segment: '/de/veranstaltungen/{v}' },
  { file: 'app/veranstaltungen.ics/route.ts', paths: ['/veranstaltungen.ics'], params: ['thema', 'lang'] },
  { file: 'app/veranstaltungen/thema/[file]/route.ts', paths: ['/veranstaltungen/thema/beispiel.ics'], params: ['lang'], segment: '/veranstaltungen/thema/{v}' },
  { file: 'app/veranstaltungen/[file]/route.ts', paths: ['/veranstaltungen/gibt-es-nicht.ics'], params: ['lang'], segment: '/veranstaltungen/{v}' },
  { file: 'app/sitemap.ts', paths: ['/sitemap.xml'], params: ['x'] },
  { file: 'app/api/cached/sitemap/[file]/route.ts', paths: ['/sitemap.xml', '/sitemap/1.xml', '/api/cached/sitemap/sitemap.xml'], params: ['x'], segment: '/api/cached/sitemap/{v}' },
  { file: 'app/robots.ts', paths: ['/robots.txt'], params: ['x'] },
  { file: 'app/manifest.ts', paths: ['/manifest.webmanifest'], params: ['x'] },
];

// Admin pages with a search or filter in the URL: the corpus reaches them signed in.
export const ADMIN_CORPUS_PATHS: { path: string; params: string[] }[] = [
  { path: '/de/admin/organisationen', params: ['q', 'status', 'category', 'outdated', 'pending', 'sort', 'dir', 'page'] },
  { path: '/de/admin/suchwortschatz', params: ['geloescht', 'x'] },
  { path: '/de/admin/suchanfragen', params: ['tage', 'von', 'meldung', 'fehler', 'aufgenommen', 'vorher', 'nachher'] },
  { path: '/de/admin/aenderungen', params: ['organisation', 'x'] },
  { path: '/de/admin/meldungen', params: ['status', 'erledigt', 'geoeffnet'] },
];

// Public files under app/ that the corpus must reach (tests/unit/corpus-routes.test.ts).
export const ROUTE_FILE = /(^|\/)(page\.tsx|route\.ts|sitemap\.ts|robots\.ts|manifest\.ts|(opengraph|twitter)-image\.tsx?|icon\.tsx?|apple-icon\.tsx?)$/;
export const ADMIN_AREAS = [/^app\/\[locale\]\/admin\//, /^app\/api\/admin\//];
