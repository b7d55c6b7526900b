import { NextResponse } from 'next/server';
import { getHsdsOrganization } from '@/lib/data/hsds';
import { getEnv } from '@/lib/env';
import { mapOrganizationToHsds } from '@/lib/hsds/map';
import { hsdsIdSchema } from '@/lib/hsds/query';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const parsed = hsdsIdSchema.safeParse(id);
  if (!parsed.success) return NextResponse.json({ error: 'Ungültige ID.' }, { status: 400 });
  const organization = await getHsdsOrganization({ id: parsed.data });
  if (!organization) return NextResponse.json({ error: 'Nicht gefunden.' }, { status: 404 });
  return NextResponse.json(mapOrganizationToHsds(organization, { baseUrl: getEnv().APP_URL }), {
    headers: { 'Cache-Control': 'public, s-maxage=300, stale-while-revalidate=3600' },
  });
}
