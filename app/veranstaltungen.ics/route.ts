// /veranstaltungen.ics: the public iCal feed of events (all, or one topic with ?thema=<slug>;
// ?lang= names the language, German by default). Outside [locale]: the proxy skips paths with a dot.
import { feedResponse } from '@/lib/events/feed';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return feedResponse(request, {});
}
