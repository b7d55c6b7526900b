import { NextResponse, type NextRequest } from 'next/server';
import { listHsdsOrganizations } from '@/lib/data/hsds';
import { getEnv } from '@/lib/env';
import { hsdsPage, mapOrganizationToHsds } from '@/lib/hsds/map';
import { hsdsListQuerySchema } from '@/lib/hsds/query';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const parsed = hsdsListQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    return NextResponse.json(
      { error: 'Ungültige Anfrage.', fields: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })) },
      { status: 400 },
    );
  }
  const { page, per_page: size } = parsed.data;
  const { total, organizations } = await listHsdsOrganizations({ page, perPage: size });
  const baseUrl = getEnv().APP_URL;
  return NextResponse.json(
    hsdsPage(
      organizations.map((org) => mapOrganizationToHsds(org, { baseUrl })),
      { total, page, size },
    ),
    { headers: { 'Cache-Control': 'public, s-maxage=300, stale-while-revalidate=3600' } },
  );
}
