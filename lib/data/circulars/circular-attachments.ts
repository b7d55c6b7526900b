import 'server-only';
import { AppError, validationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { BLOCKED_ATTACHMENT_EXTENSIONS, CIRCULAR_ATTACHMENTS_MAX_BYTES, CIRCULAR_ATTACHMENTS_MAX_COUNT } from '@/lib/schemas/distribution-list';
import { requireScopeAll } from '../access';
import { writeAudit } from '../audit';
import { assertUuid, inTransaction } from '../versioning';
import { findDraft } from './shared';

// Refusals by code, so that the upload route can name them in a redirect (no free text in URLs).
export const ATTACHMENT_ERRORS = {
  none: 'Bitte wählen Sie eine Datei.',
  empty: 'Die Datei ist leer.',
  blocked: 'Programme und Skripte können nicht angehängt werden.',
  total: 'Die Anhänge dürfen zusammen höchstens 10 MB groß sein.',
  count: 'Höchstens 10 Anhänge.',
} as const;
export type AttachmentErrorCode = keyof typeof ATTACHMENT_ERRORS;

export function attachmentErrorCode(message: string | undefined): AttachmentErrorCode | null {
  return (Object.entries(ATTACHMENT_ERRORS).find(([, text]) => text === message)?.[0] as AttachmentErrorCode | undefined) ?? null;
}

export interface UploadedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

// A file name that is safe in a mail header and on every file system.
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '_').trim().slice(-150);
  return cleaned || 'anhang';
}

export async function addCircularAttachments({ actor, id, files }: { actor: Actor | null; id: string; files: UploadedFile[] }) {
  const coordinator = requireScopeAll(actor, 'circular.send');
  assertUuid(id);
  const chosen = files.filter((file) => file.content.length > 0 || file.filename);
  if (!chosen.length) throw validationError({ files: [ATTACHMENT_ERRORS.none] });
  for (const file of chosen) {
    if (!file.content.length) throw validationError({ files: [ATTACHMENT_ERRORS.empty] });
    const extension = cleanFilename(file.filename).split('.').pop()?.toLowerCase() ?? '';
    if (BLOCKED_ATTACHMENT_EXTENSIONS.includes(extension)) throw validationError({ files: [ATTACHMENT_ERRORS.blocked] });
  }
  return inTransaction(async (tx) => {
    await findDraft(tx, id);
    // Serialize uploads to the same draft so that two parallel uploads cannot pass the limit.
    await tx.$executeRaw`SELECT 1 FROM "Circular" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const existing = await tx.circularAttachment.findMany({ where: { circularId: id }, select: { size: true } });
    const total = existing.reduce((sum, a) => sum + a.size, 0) + chosen.reduce((sum, f) => sum + f.content.length, 0);
    if (total > CIRCULAR_ATTACHMENTS_MAX_BYTES) throw validationError({ files: [ATTACHMENT_ERRORS.total] });
    if (existing.length + chosen.length > CIRCULAR_ATTACHMENTS_MAX_COUNT) throw validationError({ files: [ATTACHMENT_ERRORS.count] });
    for (const file of chosen) {
      const created = await tx.circularAttachment.create({
        data: { circularId: id, filename: cleanFilename(file.filename), contentType: file.contentType || 'application/octet-stream', size: file.content.length, content: new Uint8Array(file.content) },
        select: { id: true, filename: true, size: true },
      });
      await writeAudit(tx, { actor: coordinator, action: 'CREATE', entityType: 'CircularAttachment', entityId: created.id, changes: { filename: { before: null, after: created.filename }, size: { before: null, after: created.size } } });
    }
  });
}

export async function removeCircularAttachment({ actor, id, attachmentId }: { actor: Actor | null; id: string; attachmentId: string }) {
  const coordinator = requireScopeAll(actor, 'circular.send');
  assertUuid(id);
  assertUuid(attachmentId);
  return inTransaction(async (tx) => {
    await findDraft(tx, id);
    const attachment = await tx.circularAttachment.findFirst({ where: { id: attachmentId, circularId: id }, select: { filename: true } });
    if (!attachment) throw new AppError('NOT_FOUND');
    await tx.circularAttachment.delete({ where: { id: attachmentId } });
    await writeAudit(tx, { actor: coordinator, action: 'DELETE', entityType: 'CircularAttachment', entityId: attachmentId, changes: { filename: { before: attachment.filename, after: null } } });
  });
}
