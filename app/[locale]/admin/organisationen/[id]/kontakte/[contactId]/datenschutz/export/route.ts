// "Everything stored about this person" as a JSON download (GDPR Art. 15). Coordinators only:
// exportContactPersonData checks the permission. Never cached.
import { getCurrentUser } from '@/lib/auth/session';
import { getAdminContact } from '@/lib/data/contacts';
import { exportContactPersonData } from '@/lib/data/personal-data';
import { isAppError } from '@/lib/errors';

const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 } as Record<string, number>;

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; contactId: string }> }): Promise<Response> {
  const { id, contactId } = await params;
  const actor = await getCurrentUser();
  if (!actor) return refuse(401, 'Bitte melden Sie sich an.');
  try {
    // The address must name the person's own organization.
    const contact = await getAdminContact({ actor, id: contactId });
    if (contact.organizationId !== id) return refuse(404, 'Der Eintrag wurde nicht gefunden.');
    const data = await exportContactPersonData({ actor, contactId });
    const date = new Date().toISOString().slice(0, 10);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="kontaktperson-${contactId}-${date}.json"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (isAppError(error) && STATUS[error.code]) return refuse(STATUS[error.code], error.message);
    console.error(error);
    return refuse(500, 'Das hat leider nicht geklappt.');
  }
}
