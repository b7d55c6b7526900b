// The German Sign Language video, with HTTP range requests (RFC 9110 §14): players seek and
// browsers fetch the video piece by piece. The URL holds the video's id, so a new upload has a new
// URL and this one can be cached for good; an older id answers 404.
import { Readable } from 'node:stream';
import { getServableSignLanguageVideo, readSignLanguageVideo } from '@/lib/data/sign-language';
import { parseRange } from '@/lib/http/range';

export const dynamic = 'force-dynamic';

function body(id: string, start: number, end: number): ReadableStream<Uint8Array> {
  return Readable.toWeb(Readable.from(readSignLanguageVideo({ id, start, end }))) as ReadableStream<Uint8Array>;
}

async function answer(request: Request, id: string, withBody: boolean): Promise<Response> {
  const video = await getServableSignLanguageVideo(id);
  if (!video) return new Response('Nicht gefunden', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const etag = `"${video.sha256}"`;
  const headers = new Headers({
    'Accept-Ranges': 'bytes',
    'Content-Type': video.mimeType,
    ETag: etag,
    'Last-Modified': new Date(video.updatedAt).toUTCString(),
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  // If-Range with another validator: the file changed since the client's first part, send it all.
  const ifRange = request.headers.get('if-range');
  const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get('range'), video.size);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${video.size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: video.size - 1 };
  headers.set('Content-Length', String(end - start + 1));
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${video.size}`);
  return new Response(withBody ? body(video.id, start, end) : null, { status: range ? 206 : 200, headers });
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(request, (await params).id, true);
}

export async function HEAD(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(request, (await params).id, false);
}
