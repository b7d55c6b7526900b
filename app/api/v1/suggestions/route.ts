// Typeahead suggestions for the search field. Public data only; not logged (only submitted
// searches are), cached briefly by shared caches.
import { NextResponse } from 'next/server';
import { CONSENT_BOUND_CACHE_CONTROL } from '@/lib/http/cache-control';
import { isLocale } from '@/lib/i18n/routing';
import { getSuggestions } from '@/lib/data/directory/search';

export async function GET(request: Request) {
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').slice(0, 100);
  const requested = url.searchParams.get('locale') ?? 'de';
  const locale = isLocale(requested) ? requested : 'de';
  const suggestions = await getSuggestions({ q, locale });
  return NextResponse.json(
    { suggestions: suggestions.map((s) => ({ ...s, href: `/${locale}${s.href}` })) },
    { headers: { 'Cache-Control': CONSENT_BOUND_CACHE_CONTROL } },
  );
}
