// next-auth checks `callbackUrl` (query) and its callback-url cookie itself and answers 500 when
// either is not a URL ("x", "1e309", "<script>") or holds characters a header cannot carry ("/😀"
// is written back into a cookie), and when `error` holds such characters (written into a Location
// header). The edge hands next-auth only values it accepts: the query value
// becomes the same-origin path of lib/auth/redirect.ts (or goes), a cookie it would refuse goes.
// next-auth's redirect callback still decides where a sign-in or sign-out ends.
import { sameOriginPath } from '../auth/redirect.ts';

const AUTH_PATH = /^\/api\/auth(?:\/|$)/;
const CALLBACK_COOKIE = /^(?:__Secure-)?next-auth\.callback-url$/;

function isAcceptedCookieValue(raw: string): boolean {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return false;
  }
  // What next-auth accepts (a path or an http(s) URL), in characters a header can carry.
  return (value.startsWith('/') || /^https?:\/\//i.test(value)) && /^[\x21-\x7e]*$/.test(value);
}

export function sanitizeAuthRequest(target: string, cookie: string | undefined, origin: string): { target: string; cookie: string | undefined } {
  const queryStart = target.indexOf('?');
  const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
  if (!AUTH_PATH.test(pathname)) return { target, cookie };
  let nextTarget = target;
  if (queryStart !== -1) {
    const params = new URLSearchParams(target.slice(queryStart + 1));
    let changed = false;
    // next-auth writes `error` into the Location of its error page: only its codes (words) pass.
    if (params.has('error') && !/^[A-Za-z]{1,60}$/.test(params.get('error') ?? '')) {
      params.delete('error');
      changed = true;
    }
    if (params.has('callbackUrl')) {
      const safe = sameOriginPath(params.get('callbackUrl'), origin);
      params.delete('callbackUrl');
      if (safe) params.set('callbackUrl', safe);
      changed = true;
    }
    if (changed) {
      const query = params.toString();
      nextTarget = query ? `${pathname}?${query}` : pathname;
    }
  }
  const nextCookie = cookie
    ?.split(';')
    .filter((part) => {
      const equals = part.indexOf('=');
      const name = part.slice(0, equals === -1 ? undefined : equals).trim();
      return !CALLBACK_COOKIE.test(name) || isAcceptedCookieValue(part.slice(equals + 1).trim());
    })
    .join(';');
  return { target: nextTarget, cookie: nextCookie };
}
