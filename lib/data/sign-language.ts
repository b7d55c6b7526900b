// The site explained in German Sign Language (BITV 2.0 §4): one current video with its transcript.
// Coordinators upload it (route handler app/api/admin/gebaerdensprache/route.ts, streamed, no
// body-size limit of server actions); the public page shows it and app/api/gebaerdensprache/[id]
// serves it with range requests. Stored in PostgreSQL in chunks (see schema.prisma and
// docs/architecture.md): the newest complete upload is the current one.
import 'server-only';
import { createHash } from 'node:crypto';
import { SIGN_LANGUAGE_TAG } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError, validationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import {
  formatMegabytes,
  SIGN_VIDEO_ERRORS,
  SIGN_VIDEO_MAX_BYTES,
  signVideoTranscriptSchema,
  signVideoTypeSchema,
  sniffVideoType,
  type SignVideoType,
} from '@/lib/schemas/sign-language';
import { requireScopeAll, TRANSACTION_OPTIONS } from './access';
import { writeAudit } from './audit';
import { cachedPublicRead } from './public-cache';
import { parseInput } from './versioning';

/** @internal Exported for its tests. */
export const SIGN_VIDEO_CHUNK_BYTES = 1024 * 1024;
const ENTITY = 'SignLanguageVideo';
// Chunks fetched per query while streaming: bounded memory, few round trips.
const CHUNKS_PER_QUERY = 4;

export interface PublicSignLanguageVideo {
  id: string;
  mimeType: string;
  size: number;
  sha256: string;
  transcript: string;
  updatedAt: string;
}

const currentWhere = { isComplete: true } as const;
const currentOrder = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

export const getSignLanguageVideo = cachedPublicRead(
  async (): Promise<PublicSignLanguageVideo | null> => {
    const row = await db.signLanguageVideo.findFirst({
      where: currentWhere,
      orderBy: currentOrder,
      select: { id: true, mimeType: true, size: true, sha256: true, transcript: true, updatedAt: true },
    });
    return row ? { ...row, updatedAt: row.updatedAt.toISOString() } : null;
  },
  ['sign-language-video'],
  [SIGN_LANGUAGE_TAG],
);

// The video a URL names, only while it is the current one (an older id answers 404).
export async function getServableSignLanguageVideo(id: string): Promise<PublicSignLanguageVideo | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const current = await getSignLanguageVideo();
  return current && current.id === id ? current : null;
}

export async function getSignLanguageVideoForAdmin({ actor }: { actor: Actor | null }) {
  requireScopeAll(actor, 'page.edit');
  return db.signLanguageVideo.findFirst({
    where: currentWhere,
    orderBy: currentOrder,
    select: { id: true, mimeType: true, size: true, transcript: true, uploadedByName: true, createdAt: true, updatedAt: true },
  });
}

// Streams an upload into the database chunk by chunk and makes it the current video once it is
// complete. Refuses, and stores nothing, when the caller may not edit pages, the transcript is
// missing, the declared or the actual type is not MP4/WebM, or the file is empty or too large.
export async function storeSignLanguageVideo({
  actor,
  declaredType,
  transcript,
  body,
  maxBytes = SIGN_VIDEO_MAX_BYTES,
}: {
  actor: Actor | null;
  declaredType: string;
  transcript: unknown;
  body: AsyncIterable<Uint8Array>;
  maxBytes?: number;
}): Promise<{ id: string; size: number }> {
  requireScopeAll(actor, 'page.edit');
  const input = parseInput(signVideoTranscriptSchema, { transcript });
  const type = signVideoTypeSchema.safeParse(declaredType);
  if (!type.success) throw validationError({ video: [type.error.issues[0].message] });

  const video = await db.signLanguageVideo.create({
    data: {
      mimeType: type.data,
      size: 0,
      sha256: '',
      chunkSize: SIGN_VIDEO_CHUNK_BYTES,
      transcript: input.transcript,
      uploadedByName: actor!.name,
    },
    select: { id: true },
  });
  try {
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let sniffed: SignVideoType | null | undefined;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const flush = async (final: boolean) => {
      while (pendingBytes >= SIGN_VIDEO_CHUNK_BYTES || (final && pendingBytes > 0)) {
        const all = Buffer.concat(pending, pendingBytes);
        const data = all.subarray(0, Math.min(SIGN_VIDEO_CHUNK_BYTES, all.length));
        const rest = all.subarray(data.length);
        if (sniffed === undefined) {
          sniffed = sniffVideoType(data);
          if (sniffed !== type.data) {
            throw validationError({ video: [SIGN_VIDEO_ERRORS.notVideo] });
          }
        }
        await db.signLanguageVideoChunk.create({ data: { videoId: video.id, seq, data: new Uint8Array(data) } });
        seq += 1;
        pending = rest.length ? [rest] : [];
        pendingBytes = rest.length;
      }
    };
    for await (const part of body) {
      size += part.length;
      if (size > maxBytes) {
        throw validationError({ video: [SIGN_VIDEO_ERRORS.tooLarge(formatMegabytes(maxBytes))] });
      }
      hash.update(part);
      pending.push(part);
      pendingBytes += part.length;
      if (pendingBytes >= SIGN_VIDEO_CHUNK_BYTES) await flush(false);
    }
    await flush(true);
    if (size === 0) throw validationError({ video: [SIGN_VIDEO_ERRORS.empty] });

    const sha256 = hash.digest('hex');
    await db.$transaction(async (tx) => {
      await tx.signLanguageVideo.update({ where: { id: video.id }, data: { size, sha256, isComplete: true } });
      // The new video replaces every earlier one, and uploads cut off long ago (one still
      // streaming next to this one is left alone).
      await tx.signLanguageVideo.deleteMany({
        where: { id: { not: video.id }, OR: [{ isComplete: true }, { createdAt: { lt: new Date(Date.now() - 6 * 3600 * 1000) } }] },
      });
      await writeAudit(tx, {
        actor: actor!,
        action: 'CREATE',
        entityType: ENTITY,
        entityId: video.id,
        changes: {
          mimeType: { before: null, after: type.data },
          size: { before: null, after: size },
          sha256: { before: null, after: sha256 },
          transcript: { before: null, after: input.transcript },
        },
      });
    }, TRANSACTION_OPTIONS);
    return { id: video.id, size };
  } catch (error) {
    await db.signLanguageVideo.delete({ where: { id: video.id } }).catch(() => {});
    throw error;
  }
}

export async function updateSignLanguageTranscript({ actor, input }: { actor: Actor | null; input: unknown }): Promise<void> {
  requireScopeAll(actor, 'page.edit');
  const data = parseInput(signVideoTranscriptSchema, input);
  const current = await db.signLanguageVideo.findFirst({ where: currentWhere, orderBy: currentOrder, select: { id: true, transcript: true } });
  if (!current) throw new AppError('NOT_FOUND', 'Es gibt noch kein Video.');
  if (current.transcript === data.transcript) return;
  await db.$transaction(async (tx) => {
    await tx.signLanguageVideo.update({ where: { id: current.id }, data: { transcript: data.transcript } });
    await writeAudit(tx, {
      actor: actor!,
      action: 'UPDATE',
      entityType: ENTITY,
      entityId: current.id,
      changes: { transcript: { before: current.transcript, after: data.transcript } },
    });
  }, TRANSACTION_OPTIONS);
}

export async function deleteSignLanguageVideo({ actor }: { actor: Actor | null }): Promise<void> {
  requireScopeAll(actor, 'page.edit');
  const current = await db.signLanguageVideo.findFirst({ where: currentWhere, orderBy: currentOrder, select: { id: true, size: true } });
  if (!current) throw new AppError('NOT_FOUND', 'Es gibt kein Video.');
  await db.$transaction(async (tx) => {
    await tx.signLanguageVideo.deleteMany({});
    await writeAudit(tx, { actor: actor!, action: 'DELETE', entityType: ENTITY, entityId: current.id, changes: { size: { before: current.size, after: null } } });
  }, TRANSACTION_OPTIONS);
}

// The bytes start..end (inclusive) of a stored video, read a few chunks at a time.
export async function* readSignLanguageVideo({
  id,
  start,
  end,
}: {
  id: string;
  start: number;
  end: number;
}): AsyncGenerator<Uint8Array> {
  const first = Math.floor(start / SIGN_VIDEO_CHUNK_BYTES);
  const last = Math.floor(end / SIGN_VIDEO_CHUNK_BYTES);
  for (let from = first; from <= last; from += CHUNKS_PER_QUERY) {
    const chunks = await db.signLanguageVideoChunk.findMany({
      where: { videoId: id, seq: { gte: from, lte: Math.min(last, from + CHUNKS_PER_QUERY - 1) } },
      orderBy: { seq: 'asc' },
      select: { seq: true, data: true },
    });
    if (chunks.length === 0) return;
    for (const chunk of chunks) {
      const offset = chunk.seq * SIGN_VIDEO_CHUNK_BYTES;
      const sliceStart = Math.max(0, start - offset);
      const sliceEnd = Math.min(chunk.data.length, end - offset + 1);
      if (sliceEnd > sliceStart) yield chunk.data.subarray(sliceStart, sliceEnd);
    }
  }
}
