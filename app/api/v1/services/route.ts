// Open JSON API: public services of the organizations the directory search finds, cursor paged.
// proxy.ts sends valid requests without If-None-Match to the cached twin
// app/api/cached/v1/services/[key]; this answers the rest (errors, conditional requests, no parameters).
import { apiOptions } from '@/lib/api/http';
import { servicesResponse } from './respond';

export async function GET(request: Request) {
  return servicesResponse(new URL(request.url).searchParams, request);
}

export const OPTIONS = apiOptions;
