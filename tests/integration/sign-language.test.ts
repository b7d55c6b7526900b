// The German Sign Language video: stored in chunks in PostgreSQL by the upload route handler
// (multipart, streamed), refused without permission, without transcript, with a wrong type or
// too large — writing nothing; served with range requests (206, Accept-Ranges, Content-Range,
// 416, HEAD, ETag) across chunk boundaries; a new upload replaces the old one.
import { createHash, randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { expectCode } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));

const data = await import('@/lib/data/sign-language');
const upload = await import('@/app/api/admin/gebaerdensprache/route');
const video = await import('@/app/api/gebaerdensprache/[id]/route');
const db = getTestDb();
const BASE = 'http://localhost:3000';
const CHUNK = data.SIGN_VIDEO_CHUNK_BYTES;

// A WebM header (EBML, DocType "webm") followed by random bytes: enough for the type check.
function fakeWebm(size: number): Buffer {
  const header = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, ...Buffer.from('webm')]);
  return Buffer.concat([header, randomBytes(size - header.length)]);
}

async function* pieces(buffer: Buffer, size = 64 * 1024) {
  for (let offset = 0; offset < buffer.length; offset += size) yield new Uint8Array(buffer.subarray(offset, offset + size));
}

async function signInAs(actor: { id: string; name: string; email: string } | null) {
  session.cookie = actor ? await sessionCookieFor(actor) : undefined;
}

function uploadRequest(file: Buffer, { type = 'video/webm', transcript = 'Hallo. Das ist die Abschrift.', json = true, origin = BASE } = {}) {
  const form = new FormData();
  if (transcript !== undefined) form.append('transcript', transcript);
  form.append('video', new Blob([new Uint8Array(file)], { type }), 'erklaerung.webm');
  return new Request(`${BASE}/api/admin/gebaerdensprache`, {
    method: 'POST',
    body: form,
    headers: { ...(json ? { Accept: 'application/json' } : {}), Origin: origin, Host: 'localhost:3000' },
  });
}

function getVideo(id: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') {
  const request = new Request(`${BASE}/api/gebaerdensprache/${id}`, { method, headers });
  return (method === 'GET' ? video.GET : video.HEAD)(request, { params: Promise.resolve({ id }) });
}

async function stored() {
  return { videos: await db.signLanguageVideo.count(), chunks: await db.signLanguageVideoChunk.count(), audit: await db.auditLog.count() };
}

beforeEach(async () => {
  await resetDb();
  await signInAs(null);
});

describe('storing the video', () => {
  it('streams a coordinator upload into 1 MiB chunks and makes it the current video, audited', async () => {
    const admin = await createAdminActor();
    const file = fakeWebm(2 * CHUNK + 12_345);
    const { id, size } = await data.storeSignLanguageVideo({ actor: admin, declaredType: 'video/webm', transcript: '  Die Abschrift.  ', body: pieces(file) });
    expect(size).toBe(file.length);
    const chunks = await db.signLanguageVideoChunk.findMany({ where: { videoId: id }, orderBy: { seq: 'asc' } });
    expect(chunks.map((chunk) => chunk.data.length)).toEqual([CHUNK, CHUNK, 12_345]);
    const current = await data.getSignLanguageVideo();
    expect(current).toMatchObject({ id, size: file.length, mimeType: 'video/webm', transcript: 'Die Abschrift.' });
    expect(current?.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'SignLanguageVideo' } });
    expect(audit).toMatchObject({ action: 'CREATE', entityId: id, actorId: admin.id });

    // A range that spans a chunk boundary comes back byte for byte.
    const parts: Buffer[] = [];
    for await (const part of data.readSignLanguageVideo({ id, start: CHUNK - 10, end: CHUNK + 9 })) parts.push(Buffer.from(part));
    expect(Buffer.concat(parts).equals(file.subarray(CHUNK - 10, CHUNK + 10))).toBe(true);
  });

  it('replaces the earlier video with a new upload', async () => {
    const admin = await createAdminActor();
    const first = await data.storeSignLanguageVideo({ actor: admin, declaredType: 'video/webm', transcript: 'Erstes.', body: pieces(fakeWebm(1000)) });
    const second = await data.storeSignLanguageVideo({ actor: admin, declaredType: 'video/webm', transcript: 'Zweites.', body: pieces(fakeWebm(2000)) });
    expect((await data.getSignLanguageVideo())?.id).toBe(second.id);
    expect(await db.signLanguageVideo.findUnique({ where: { id: first.id } })).toBeNull();
    expect(await db.signLanguageVideoChunk.count({ where: { videoId: first.id } })).toBe(0);
  });

  it('refuses anonymous visitors and partners, and writes nothing', async () => {
    const partner = await createPartnerActor([]);
    await expectCode(data.storeSignLanguageVideo({ actor: null, declaredType: 'video/webm', transcript: 'x', body: pieces(fakeWebm(100)) }), 'UNAUTHENTICATED');
    await expectCode(data.storeSignLanguageVideo({ actor: partner, declaredType: 'video/webm', transcript: 'x', body: pieces(fakeWebm(100)) }), 'FORBIDDEN');
    expect(await stored()).toEqual({ videos: 0, chunks: 0, audit: 0 });
  });

  it('refuses a missing transcript, another type, content that is no video and a file over the limit, writing nothing', async () => {
    const admin = await createAdminActor();
    const noTranscript = await expectCode(data.storeSignLanguageVideo({ actor: admin, declaredType: 'video/webm', transcript: '  ', body: pieces(fakeWebm(100)) }), 'VALIDATION');
    expect(noTranscript.details.fieldErrors?.transcript).toBeDefined();
    const wrongType = await expectCode(data.storeSignLanguageVideo({ actor: admin, declaredType: 'application/pdf', transcript: 'x', body: pieces(fakeWebm(100)) }), 'VALIDATION');
    expect(wrongType.details.fieldErrors?.video?.[0]).toContain('MP4 oder WebM');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * CHUNK)]);
    const notVideo = await expectCode(data.storeSignLanguageVideo({ actor: admin, declaredType: 'video/webm', transcript: 'x', body: pieces(pdf) }), 'VALIDATION');
    expect(notVideo.details.fieldErrors?.video?.[0]).toContain('kein Video');
    const tooLarge = await expectCode(
      data.storeSignLanguageVideo({ actor: admin, declaredType: 'video/webm', transcript: 'x', body: pieces(fakeWebm(3 * CHUNK)), maxBytes: 2 * CHUNK }),
      'VALIDATION',
    );
    expect(tooLarge.details.fieldErrors?.video?.[0]).toContain('zu groß');
    expect(await stored()).toEqual({ videos: 0, chunks: 0, audit: 0 });
  });
});

describe('upload route handler (multipart)', () => {
  it('stores a coordinator upload and answers JSON', async () => {
    await signInAs(await createAdminActor());
    const file = fakeWebm(CHUNK + 500);
    const response = await upload.POST(uploadRequest(file));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; id: string };
    expect(body.ok).toBe(true);
    const current = await data.getSignLanguageVideo();
    expect(current?.id).toBe(body.id);
    expect(current?.size).toBe(file.length);
  });

  it('answers a form post without JavaScript with a redirect back, naming the reason', async () => {
    await signInAs(await createAdminActor());
    const ok = await upload.POST(uploadRequest(fakeWebm(5000), { json: false }));
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toMatch(/\/de\/admin\/gebaerdensprache\?hochgeladen=1$/);
    const refused = await upload.POST(uploadRequest(Buffer.from('%PDF-1.7 keine Videodatei'), { json: false }));
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toMatch(/\?fehler=notVideo$/);
  });

  it('refuses anonymous visitors, partners, cross-site posts and files of another type', async () => {
    const before = await stored();
    let response = await upload.POST(uploadRequest(fakeWebm(1000)));
    expect(response.status).toBe(401);
    await signInAs(await createPartnerActor([]));
    response = await upload.POST(uploadRequest(fakeWebm(1000)));
    expect(response.status).toBe(403);
    await signInAs(await createAdminActor());
    response = await upload.POST(uploadRequest(fakeWebm(1000), { origin: 'https://evil.example' }));
    expect(response.status).toBe(403);
    response = await upload.POST(uploadRequest(Buffer.from('GIF89a....'), { type: 'image/gif' }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(body.fieldErrors.video[0]).toContain('MP4 oder WebM');
    const after = await stored();
    expect(after.videos).toBe(before.videos);
    expect(after.chunks).toBe(before.chunks);
  });
});

describe('serving the video with range requests', () => {
  async function storeFile(size: number) {
    const admin = await createAdminActor();
    const file = fakeWebm(size);
    const { id } = await data.storeSignLanguageVideo({ actor: admin, declaredType: 'video/webm', transcript: 'Abschrift.', body: pieces(file) });
    return { id, file };
  }

  it('sends the whole file with Accept-Ranges, and any byte range as 206 with Content-Range', async () => {
    const { id, file } = await storeFile(2 * CHUNK + 100);
    const full = await getVideo(id);
    expect(full.status).toBe(200);
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect(full.headers.get('content-type')).toBe('video/webm');
    expect(full.headers.get('content-length')).toBe(String(file.length));
    expect(Buffer.from(await full.arrayBuffer()).equals(file)).toBe(true);

    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      [`bytes=${CHUNK - 50}-${CHUNK + 49}`, CHUNK - 50, CHUNK + 49],
      [`bytes=${2 * CHUNK}-`, 2 * CHUNK, file.length - 1],
      ['bytes=-10', file.length - 10, file.length - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await getVideo(id, { Range: range });
      expect(response.status, range).toBe(206);
      expect(response.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/${file.length}`);
      expect(response.headers.get('content-length'), range).toBe(String(end - start + 1));
      expect(Buffer.from(await response.arrayBuffer()).equals(file.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('answers 416 for a range beyond the end, HEAD without a body, 304 for a known ETag', async () => {
    const { id, file } = await storeFile(5000);
    const beyond = await getVideo(id, { Range: `bytes=${file.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${file.length}`);
    const head = await getVideo(id, { Range: 'bytes=10-19' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers.get('content-length')).toBe('10');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const etag = (await getVideo(id)).headers.get('etag')!;
    expect((await getVideo(id, { 'If-None-Match': etag })).status).toBe(304);
    // If-Range with an old validator: the whole (changed) file instead of a part.
    expect((await getVideo(id, { Range: 'bytes=0-9', 'If-Range': '"alt"' })).status).toBe(200);
  });

  it('answers 404 for an unknown id and for a replaced video', async () => {
    const { id } = await storeFile(1000);
    expect((await getVideo('nicht-da')).status).toBe(404);
    expect((await getVideo('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    await storeFile(1000);
    expect((await getVideo(id)).status).toBe(404);
  });
});
