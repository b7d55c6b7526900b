// One-click opt-out (RFC 8058): mail programs POST "List-Unsubscribe=One-Click" to the URL in the
// List-Unsubscribe header. Only POST changes anything; GET sends people to the page with the button.
import { optOutOfCirculars } from '@/lib/data/circulars/opt-out';

export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const ok = await optOutOfCirculars({ token });
  return new Response(ok ? 'Abgemeldet.' : 'Der Link ist ungültig.', {
    status: ok ? 200 : 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return Response.redirect(new URL(`/de/rundschreiben/abbestellen/${encodeURIComponent(token)}`, request.url), 303);
}
