// Reading an upload in a route handler: same-origin only (session cookies are SameSite=Lax, this
// is the second lock), and the body is read up to a limit and then dropped, so an oversized
// request cannot fill the memory.
import 'server-only';

export class UploadTooLarge extends Error {}
export class ForeignOrigin extends Error {}

export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (!origin) return;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    if (new URL(origin).host !== host) throw new ForeignOrigin();
  } catch (error) {
    if (error instanceof ForeignOrigin) throw error;
    throw new ForeignOrigin();
  }
}

export async function readFormData(request: Request, maxBytes: number): Promise<FormData> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new UploadTooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new UploadTooLarge();
      }
      chunks.push(value);
    }
  }
  const body = Buffer.concat(chunks);
  return new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
}

export async function filesOf(form: FormData, name: string): Promise<{ filename: string; contentType: string; content: Buffer }[]> {
  const files = form.getAll(name).filter((value): value is File => typeof value !== 'string');
  return Promise.all(files.filter((file) => file.size > 0 || file.name).map(async (file) => ({ filename: file.name, contentType: file.type, content: Buffer.from(await file.arrayBuffer()) })));
}
