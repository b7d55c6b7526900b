// The answers the edge server gives itself, without Next and without the database: 400, 403, 405,
// 413 and the 503 page. Pages in the visitor's language (the locale in the URL), JSON for the APIs
// and for clients that ask for JSON. Texts live in messages/<locale>.json ("Edge").
import ar from '../../messages/ar.json' with { type: 'json' };
import de from '../../messages/de.json' with { type: 'json' };
import en from '../../messages/en.json' with { type: 'json' };
import ru from '../../messages/ru.json' with { type: 'json' };
import uk from '../../messages/uk.json' with { type: 'json' };
import { organizations } from '../../prisma/seed-data.ts';
import { BASE_SECURITY_HEADERS, EDGE_PAGE_CSP, NON_DOCUMENT_CSP } from './security-headers.ts';

const catalogues = { de, en, ar, uk, ru };
type Locale = keyof typeof catalogues;
type EdgeKey = keyof typeof de.Edge;

// Static on purpose: the 503 page must not need the database. From the seed's facts.
const office = organizations.find((org) => org.isCoordinationOffice)!;
const COORDINATION_OFFICE = {
  name: office.shortName ?? office.name,
  email: office.email!,
  phone: office.contacts![0].phone!,
};

export type EdgeError = 'nul' | 'encoding' | 'malformed' | 'crossSite' | 'tooLarge' | 'methodNotAllowed' | 'unavailable';

const STATUS: Record<EdgeError, number> = {
  nul: 400,
  encoding: 400,
  malformed: 400,
  crossSite: 403,
  tooLarge: 413,
  methodNotAllowed: 405,
  unavailable: 503,
};

const CODES: Record<EdgeError, string> = {
  nul: 'NUL_CHARACTER',
  encoding: 'INVALID_ENCODING',
  malformed: 'MALFORMED_REQUEST',
  crossSite: 'CROSS_SITE_REQUEST',
  tooLarge: 'PAYLOAD_TOO_LARGE',
  methodNotAllowed: 'METHOD_NOT_ALLOWED',
  unavailable: 'SERVICE_UNAVAILABLE',
};

const TITLES: Record<EdgeError, EdgeKey> = {
  nul: 'badRequestTitle',
  encoding: 'badRequestTitle',
  malformed: 'badRequestTitle',
  crossSite: 'forbiddenTitle',
  tooLarge: 'tooLargeTitle',
  methodNotAllowed: 'badRequestTitle',
  unavailable: 'unavailableTitle',
};

const RETRY_AFTER_SECONDS = 30;

/** The locale from the path ("/ar/akteure" -> ar), else from ?locale=, else German. */
function localeOf(target: string): Locale {
  const fromPath = /^\/([a-z]{2})(?:[/?#]|$)/.exec(target)?.[1];
  if (fromPath && fromPath in catalogues) return fromPath as Locale;
  const fromQuery = /[?&]locale=([a-z]{2})(?:&|$)/.exec(target)?.[1];
  return fromQuery && fromQuery in catalogues ? (fromQuery as Locale) : 'de';
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} kB`;
}

function text(locale: Locale, key: EdgeKey, values: Record<string, string> = {}): string {
  return catalogues[locale].Edge[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export interface EdgeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** APIs and clients that prefer JSON get JSON; browsers get a page. */
function wantsJson(target: string, accept: string | undefined): boolean {
  if (target.startsWith('/api/')) return true;
  const value = accept ?? '';
  return value.includes('application/json') && !value.includes('text/html');
}

export function edgeErrorResponse(
  error: EdgeError,
  { target, accept, limitBytes }: { target: string; accept?: string; limitBytes?: number },
): EdgeResponse {
  const locale = localeOf(target);
  const values = { limit: formatBytes(limitBytes ?? 0) };
  const status = STATUS[error];
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...BASE_SECURITY_HEADERS };
  if (error === 'unavailable') headers['Retry-After'] = String(RETRY_AFTER_SECONDS);
  if (error === 'methodNotAllowed') headers.Allow = 'POST';
  const message = text(locale, error, values);
  if (wantsJson(target, accept)) {
    const body: Record<string, unknown> = { error: message, code: CODES[error] };
    if (error === 'tooLarge') body.limitBytes = limitBytes;
    if (error === 'unavailable') {
      body.retryAfterSeconds = RETRY_AFTER_SECONDS;
      body.contact = { name: COORDINATION_OFFICE.name, phone: COORDINATION_OFFICE.phone, email: COORDINATION_OFFICE.email };
    }
    return {
      status,
      headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Security-Policy': NON_DOCUMENT_CSP },
      body: JSON.stringify(body),
    };
  }
  return {
    status,
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': EDGE_PAGE_CSP },
    body: page(locale, error, message, target),
  };
}

function page(locale: Locale, error: EdgeError, message: string, target: string): string {
  const catalogue = catalogues[locale];
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const title = text(locale, TITLES[error]);
  const telHref = `tel:${COORDINATION_OFFICE.phone.replace(/[^\d+]/g, '')}`;
  const contact =
    error === 'unavailable'
      ? `<p>${escapeHtml(text(locale, 'contact'))}</p>
<p><strong>${escapeHtml(COORDINATION_OFFICE.name)}</strong><br>
${escapeHtml(text(locale, 'phone'))}: <a href="${telHref}" dir="ltr">${escapeHtml(COORDINATION_OFFICE.phone)}</a><br>
${escapeHtml(text(locale, 'email'))}: <a href="mailto:${escapeHtml(COORDINATION_OFFICE.email)}" dir="ltr">${escapeHtml(COORDINATION_OFFICE.email)}</a></p>
<p><a href="${escapeHtml(target.startsWith('/') && !target.startsWith('//') ? target : '/')}">${escapeHtml(text(locale, 'retry'))}</a></p>`
      : '';
  return `<!DOCTYPE html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – ${escapeHtml(catalogue.Layout.siteName)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#0f172a}h1{color:#134e4a;font-size:1.75rem}a{color:#115e59}a[href]{display:inline-block;min-height:44px;line-height:44px}</style>
</head>
<body>
<main>
<p>${escapeHtml(catalogue.Layout.siteName)}</p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${contact}
<p><a href="/${locale}">${escapeHtml(text(locale, 'home'))}</a></p>
</main>
</body>
</html>
`;
}
