// The personal calendar feed (text/calendar). The token is the only key; an unknown or revoked
// one gets 404. Never cached: the feed shows the meetings as they stand.
import { renderCalendarFeed } from '@/lib/data/meetings/calendar-feed';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const body = await renderCalendarFeed({ token: token.replace(/\.ics$/, '') });
  if (!body) return new Response('Dieser Kalender-Link ist nicht (mehr) gültig.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="netzwerktreffen.ics"',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    },
  });
}
