// /veranstaltungen/<slug>.ics: one event for the visitor's calendar ("In den Kalender übernehmen").
import { feedResponse } from '@/lib/events/feed';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const match = /^([\p{L}\p{N}-]{1,120})\.ics$/u.exec(file);
  if (!match) return new Response('Nicht gefunden', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return feedResponse(request, { eventSlug: match[1] });
}
