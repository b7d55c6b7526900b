// A meeting's documents: a link, or an uploaded file (size and type checked; programs refused).
// Readable by whoever may read the meeting.
import 'server-only';
import { db } from '@/lib/db';
import { AppError, validationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { meetingDocumentFileSchema, meetingDocumentLinkSchema } from '@/lib/schemas/meeting';
import { requireScopeAll } from '../access';
import { writeAudit } from '../audit';
import { assertUuid, inTransaction, parseInput } from '../versioning';
import { meetingReadWhere } from './shared';

const MEETING_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
// Documents people open in a meeting: office files, PDFs, images, text.
const ALLOWED_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  txt: 'text/plain',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

const MEETING_DOCUMENT_ERRORS = {
  empty: 'Bitte wählen Sie eine Datei (nicht leer).',
  type: 'Bitte laden Sie PDF-, Office-, Text- oder Bilddateien hoch (pdf, docx, xlsx, pptx, odt, txt, png, jpg …).',
  size: 'Die Datei darf höchstens 10 MB groß sein.',
} as const;

function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.normalize('NFC').replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '_').trim().slice(-150) || 'dokument';
}

export async function addMeetingDocument({
  actor,
  meetingId,
  input,
  file,
}: {
  actor: Actor | null;
  meetingId: string;
  input: unknown;
  file?: { filename: string; content: Buffer } | null;
}): Promise<{ id: string }> {
  const coordinator = requireScopeAll(actor, 'meeting.manage');
  assertUuid(meetingId);
  let values: { title: string; url?: string | null; filename?: string; contentType?: string; size?: number; content?: Uint8Array<ArrayBuffer> };
  if (file && (file.content.length || file.filename)) {
    const { title } = parseInput(meetingDocumentFileSchema, input);
    if (!file.content.length) throw validationError({ file: [MEETING_DOCUMENT_ERRORS.empty] });
    if (file.content.length > MEETING_DOCUMENT_MAX_BYTES) throw validationError({ file: [MEETING_DOCUMENT_ERRORS.size] });
    const filename = cleanFilename(file.filename);
    const contentType = ALLOWED_TYPES[filename.split('.').pop()?.toLowerCase() ?? ''];
    if (!contentType) throw validationError({ file: [MEETING_DOCUMENT_ERRORS.type] });
    values = { title, filename, contentType, size: file.content.length, content: new Uint8Array(file.content) };
  } else {
    const { title, url } = parseInput(meetingDocumentLinkSchema, input);
    values = { title, url };
  }
  return inTransaction(async (tx) => {
    if (!(await tx.meeting.count({ where: { id: meetingId } }))) throw new AppError('NOT_FOUND');
    const created = await tx.meetingDocument.create({ data: { meetingId, ...values }, select: { id: true } });
    await writeAudit(tx, { actor: coordinator, action: 'CREATE', entityType: 'MeetingDocument', entityId: created.id, changes: { title: { before: null, after: values.title }, meetingId: { before: null, after: meetingId }, ...(values.url ? { url: { before: null, after: values.url } } : { filename: { before: null, after: values.filename }, size: { before: null, after: values.size } }) } });
    return created;
  });
}

export async function deleteMeetingDocument({ actor, id }: { actor: Actor | null; id: string }): Promise<void> {
  const coordinator = requireScopeAll(actor, 'meeting.manage');
  assertUuid(id);
  await inTransaction(async (tx) => {
    const before = await tx.meetingDocument.findUnique({ where: { id }, select: { title: true } });
    if (!before) throw new AppError('NOT_FOUND');
    await tx.meetingDocument.delete({ where: { id } });
    await writeAudit(tx, { actor: coordinator, action: 'DELETE', entityType: 'MeetingDocument', entityId: id, changes: { title: { before: before.title, after: null } } });
  });
}

// An uploaded file, for the download route: only for callers who may read its meeting.
export async function getMeetingDocumentFile({ actor, id }: { actor: Actor | null; id: string }) {
  const where = meetingReadWhere(actor);
  assertUuid(id);
  const row = await db.meetingDocument.findFirst({ where: { id, content: { not: null }, meeting: { is: where } }, select: { filename: true, contentType: true, content: true } });
  if (!row?.content) throw new AppError('NOT_FOUND');
  return { filename: row.filename ?? 'dokument', contentType: row.contentType ?? 'application/octet-stream', content: Buffer.from(row.content) };
}
