// "Everything stored about this person" as a JSON download (GDPR Art. 15). Coordinators only:
// exportContactPersonData checks the permission. Never cached.
import { getCurrentUser } from '@/lib/auth/session';
import { getAdminContact } from '@/lib/data/contacts';
import { exportContactPersonData } from '@/lib/data/personal-data';
import { AppError } from '@/lib/errors';
import { downloadResponse, refusal } from '@/lib/http/download';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; contactId: string }> }): Promise<Response> {
  const { id, contactId } = await params;
  try {
    const actor = await getCurrentUser();
    if (!actor) throw new AppError('UNAUTHENTICATED');
    // The address must name the person's own organization.
    const contact = await getAdminContact({ actor, id: contactId });
    if (contact.organizationId !== id) throw new AppError('NOT_FOUND');
    const data = await exportContactPersonData({ actor, contactId });
    const date = new Date().toISOString().slice(0, 10);
    return downloadResponse(Buffer.from(JSON.stringify(data, null, 2)), {
      contentType: 'application/json; charset=utf-8',
      disposition: `attachment; filename="kontaktperson-${contactId}-${date}.json"`,
    });
  } catch (error) {
    return refusal(error);
  }
}
