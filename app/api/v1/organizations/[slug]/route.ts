// One public organization as JSON (the data of its page). 404 for anything not public.
import { apiBadRequest, apiJson, apiNotFound, apiOptions } from '@/lib/api/http';
import { parseLocaleOnly } from '@/lib/api/query';
import { getPublicOrganizationPage } from '@/lib/data/organizations';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const parsed = parseLocaleOnly(new URL(request.url).searchParams);
  if (!parsed.success) return apiBadRequest(parsed.errors);
  const { slug } = await params;
  const organization = await getPublicOrganizationPage({ slug, locale: parsed.locale });
  if (!organization) return apiNotFound();
  const { id: _id, ...rest } = organization;
  return apiJson(request, rest);
}

export const OPTIONS = apiOptions;
