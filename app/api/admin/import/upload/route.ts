// Upload of an import file (CSV or XLSX, up to 10 MB). A route handler, not a server action: the
// file exceeds the server action body limit (lib/http/upload-limits.ts). The file is parsed here
// and kept as an import session; the answer redirects to its mapping and preview page (or back to
// the upload form with an error code). Nothing is imported before the coordinator confirms.
import { getCurrentUser } from '@/lib/auth/session';
import { createImportSession } from '@/lib/data/import/import-sessions';
import { isAppError } from '@/lib/errors';
import { assertSameOrigin, filesOf, ForeignOrigin, readFormData, UploadTooLarge } from '@/lib/http/upload';
import { uploadLimitFor } from '@/lib/http/upload-limits';
import { ImportFileError, parseImportFile } from '@/lib/import/parse-file';
import { requireScopeAll } from '@/lib/data/access';

const FILE_ERRORS: Record<ImportFileError['code'], string> = {
  empty: 'leer',
  unreadable: 'unlesbar',
  tooManyRows: 'zu-viele-zeilen',
  tooManyColumns: 'zu-viele-spalten',
  noHeader: 'keine-kopfzeile',
};

function to(request: Request, path: string): Response {
  return Response.redirect(new URL(path, request.url), 303);
}

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    // Who is asking, before reading 10 MB.
    const actor = requireScopeAll(await getCurrentUser(), 'directory.import');
    const form = await readFormData(request, uploadLimitFor('/api/admin/import/upload') ?? 0);
    const [file] = await filesOf(form, 'file');
    if (!file || !file.content.length) return to(request, '/de/admin/import?fehler=leer');
    if (!/\.(csv|txt|xlsx)$/i.test(file.filename)) return to(request, '/de/admin/import?fehler=format');
    const table = await parseImportFile(file.content, file.filename);
    const { id } = await createImportSession({ actor, filename: file.filename, table });
    return to(request, `/de/admin/import/${id}`);
  } catch (error) {
    if (error instanceof ForeignOrigin) return new Response('Nicht erlaubt.', { status: 403 });
    if (error instanceof UploadTooLarge) return to(request, '/de/admin/import?fehler=zu-gross');
    if (error instanceof ImportFileError) return to(request, `/de/admin/import?fehler=${FILE_ERRORS[error.code]}`);
    if (isAppError(error) && error.code === 'UNAUTHENTICATED') return to(request, `/de/anmelden?callbackUrl=${encodeURIComponent('/de/admin/import')}`);
    if (isAppError(error) && error.code === 'FORBIDDEN') return new Response(error.message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    console.error(error);
    return to(request, '/de/admin/import?fehler=unlesbar');
  }
}
