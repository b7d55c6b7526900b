// Likely duplicates while a coordinator types a new entry's name (lib/data/duplicates): JSON for
// the warning next to the form. Coordinators only.
import { getCurrentUser } from '@/lib/auth/session';
import { findOrganizationDuplicates } from '@/lib/data/duplicates/find-duplicates';
import { refusal } from '@/lib/http/download';

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  try {
    const matches = await findOrganizationDuplicates({
      actor: await getCurrentUser(),
      input: { name: url.searchParams.get('name') ?? '', street: url.searchParams.get('street'), postalCode: url.searchParams.get('postalCode') },
    });
    return Response.json(matches.map(({ id, name, reason }) => ({ id, name, reason })), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return refusal(error);
  }
}
