// Plain HTTP against the e2e server, without a browser: signing in through next-auth's
// credentials endpoint and posting the report form as a browser without JavaScript would.
import { inject } from 'vitest';

export function baseUrl(): string {
  return inject('E2E_BASE_URL');
}

function cookieHeader(response: Response, previous = ''): string {
  const jar = new Map(previous ? previous.split('; ').map((pair) => pair.split('=', 2) as [string, string]) : []);
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const index = pair.indexOf('=');
    jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

export interface SignInResult {
  response: Response;
  cookies: string;
}

/** One credentials sign-in; `headers` lets a test add e.g. a forged X-Forwarded-For. */
// `code`: the second factor, for accounts that have one (see nextTotpCode in sign-in.ts).
export async function signIn(
  email: string,
  password: string,
  { base = baseUrl(), headers = {}, code }: { base?: string; headers?: Record<string, string>; code?: string } = {},
): Promise<SignInResult> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = cookieHeader(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies, Origin: new URL(base).origin },
    body: new URLSearchParams({ csrfToken, email, password, ...(code ? { code } : {}), callbackUrl: `${base}/de/admin`, json: 'true' }),
  });
  return { response, cookies: cookieHeader(response, cookies) };
}

/** The hidden fields Next renders into a server-action form (action id, bound state). */
export function actionFields(html: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const match of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(match[0])?.[1];
    const value = /value="([^"]*)"/.exec(match[0])?.[1] ?? '';
    if (name?.startsWith('$ACTION')) fields.push([name, value.replaceAll('&quot;', '"').replaceAll('&amp;', '&')]);
  }
  return fields;
}

/** Posts the report form of an entry like a browser without JavaScript (multipart). */
export async function postReportForm(
  slug: string,
  values: Record<string, string | Blob>,
  { headers = {}, locale = 'de' }: { headers?: Record<string, string>; locale?: string } = {},
): Promise<Response> {
  const path = `/${locale}/akteure/${slug}/fehler-melden`;
  const html = await (await fetch(`${baseUrl()}${path}`)).text();
  const form = new FormData();
  for (const [name, value] of actionFields(html)) form.append(name, value);
  form.append('organizationSlug', slug);
  form.append('locale', locale);
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  return fetch(`${baseUrl()}${path}`, { method: 'POST', body: form, headers: { Origin: baseUrl(), ...headers }, redirect: 'manual' });
}
