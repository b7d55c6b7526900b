// The typeahead's answer, shared by its two routes: ./route.ts (per request) and
// app/api/cached/v1/suggestions/[key] (the same answer from the full-route cache, proxy.ts).
import { NextResponse } from 'next/server';
import { CONSENT_BOUND_CACHE_CONTROL } from '@/lib/http/cache-control';
import { getSuggestions } from '@/lib/data/directory/search';
import { suggestionParams } from '@/lib/edge/cached-routes';

export async function suggestionsResponse(params: URLSearchParams): Promise<Response> {
  const { q, locale } = suggestionParams(params);
  const suggestions = await getSuggestions({ q, locale });
  return NextResponse.json(
    { suggestions: suggestions.map((s) => ({ ...s, href: `/${locale}${s.href}` })) },
    { headers: { 'Cache-Control': CONSENT_BOUND_CACHE_CONTROL } },
  );
}
