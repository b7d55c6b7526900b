// Attachments for a circular draft (multipart form, up to 10 MB in total). A route handler, not a
// server action: the files exceed the server action body limit (lib/http/upload-limits.ts).
// Works without JavaScript: the form posts here and the answer redirects back to the draft with
// the outcome in the query.
import { getCurrentUser } from '@/lib/auth/session';
import { addCircularAttachments, attachmentErrorCode } from '@/lib/data/circulars/circular-attachments';
import { isAppError } from '@/lib/errors';
import { assertSameOrigin, filesOf, ForeignOrigin, readFormData, UploadTooLarge } from '@/lib/http/upload';
import { uploadLimitFor } from '@/lib/http/upload-limits';

function back(request: Request, id: string, query: string): Response {
  return Response.redirect(new URL(`/de/admin/rundschreiben/${id}?${query}#anhaenge`, request.url), 303);
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) return new Response('Nicht gefunden.', { status: 404 });
  try {
    assertSameOrigin(request);
    const form = await readFormData(request, uploadLimitFor(new URL(request.url).pathname) ?? 0);
    await addCircularAttachments({ actor: await getCurrentUser(), id, files: await filesOf(form, 'files') });
    return back(request, id, 'anhang=1');
  } catch (error) {
    if (error instanceof ForeignOrigin) return new Response('Nicht erlaubt.', { status: 403 });
    if (error instanceof UploadTooLarge) return back(request, id, 'anhangFehler=total');
    if (isAppError(error)) {
      if (error.code === 'UNAUTHENTICATED') return Response.redirect(new URL(`/de/anmelden?callbackUrl=${encodeURIComponent(`/de/admin/rundschreiben/${id}`)}`, request.url), 303);
      if (error.code === 'VALIDATION') return back(request, id, `anhangFehler=${attachmentErrorCode(error.details.fieldErrors?.files?.[0]) ?? 'unknown'}`);
      return new Response(error.message, { status: error.code === 'FORBIDDEN' ? 403 : error.code === 'NOT_FOUND' ? 404 : 409, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    console.error(error);
    return back(request, id, 'anhangFehler=unknown');
  }
}
