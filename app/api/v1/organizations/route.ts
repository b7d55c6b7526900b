// Open JSON API: the directory search (the same search and filters as /[locale]/akteure), with
// English parameters and cursor paging. Described in /api/v1/openapi.json. proxy.ts sends valid
// requests without If-None-Match to the cached twin app/api/cached/v1/organizations/[key]; this
// answers the rest (errors, conditional requests).
import { apiOptions } from '@/lib/api/http';
import { organizationsResponse } from './respond';

export async function GET(request: Request) {
  return organizationsResponse(new URL(request.url).searchParams, request);
}

export const OPTIONS = apiOptions;
