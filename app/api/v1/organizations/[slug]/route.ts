// One public organization as JSON (the data of its page). 404 for anything not public.
import { NextResponse } from 'next/server';
import { getPublicOrganizationPage } from '@/lib/data/organizations';
import { isLocale } from '@/lib/i18n/routing';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const requested = new URL(request.url).searchParams.get('locale') ?? 'de';
  const locale = isLocale(requested) ? requested : 'de';
  const organization = await getPublicOrganizationPage({ slug, locale });
  if (!organization) return NextResponse.json({ error: 'NOT_FOUND' }, { status: 404 });
  const { id: _id, ...rest } = organization;
  return NextResponse.json(rest, {
    headers: { 'Cache-Control': 'public, max-age=0, s-maxage=60, stale-while-revalidate=300' },
  });
}
