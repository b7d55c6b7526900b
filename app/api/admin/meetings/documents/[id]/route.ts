// An uploaded meeting document, for those who may read its meeting (checked in the data layer).
import { getCurrentUser } from '@/lib/auth/session';
import { getMeetingDocumentFile } from '@/lib/data/meetings/meeting-documents';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    const file = await getMeetingDocumentFile({ actor: await getCurrentUser(), id });
    return new Response(new Uint8Array(file.content), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response('Nicht gefunden.\n', { status: error.code === 'UNAUTHENTICATED' ? 401 : 404, headers: { 'Cache-Control': 'no-store' } });
    throw error;
  }
}
