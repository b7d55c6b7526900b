// Typeahead suggestions for the search field. Public data only; not logged (only submitted
// searches are), cached briefly by shared caches. proxy.ts sends the usual requests (q and
// locale only) to the cached twin app/api/cached/v1/suggestions/[key]; this answers the rest.
import { suggestionsResponse } from './respond';

export async function GET(request: Request) {
  return suggestionsResponse(new URL(request.url).searchParams);
}
