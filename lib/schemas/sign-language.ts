// The German Sign Language video (Gebärdensprache page): its transcript, type and size. Shared by
// the admin form and the upload route handler.
import { z } from 'zod';
import { requiredText } from './common';

export const SIGN_VIDEO_TYPES = ['video/mp4', 'video/webm'] as const;
export type SignVideoType = (typeof SIGN_VIDEO_TYPES)[number];

// A few minutes of 720p video; the admin page says so. Larger files are refused while they stream.
export const SIGN_VIDEO_MAX_BYTES = 200 * 1024 * 1024;

export const signVideoTranscriptSchema = z.object({
  transcript: requiredText(20_000),
});

// Messages of a refused upload (German; the admin catalogue translates them). The keys travel in
// the URL when a form is posted without JavaScript (?fehler=tooLarge).
export const SIGN_VIDEO_ERRORS = {
  type: 'Bitte laden Sie ein Video im Format MP4 oder WebM hoch.',
  notVideo: 'Die Datei ist kein Video im Format MP4 oder WebM (oder nicht im angegebenen Format).',
  tooLarge: (max: string) => `Die Datei ist zu groß: höchstens ${max}.`,
  empty: 'Bitte wählen Sie eine Videodatei aus.',
  transcriptFirst: 'Bitte füllen Sie die Abschrift aus, bevor Sie die Datei senden.',
} as const;

export const signVideoTypeSchema = z.enum(SIGN_VIDEO_TYPES, { error: SIGN_VIDEO_ERRORS.type });

export const SIGN_VIDEO_FIELD_LABELS: Record<string, string> = {
  video: 'Videodatei (MP4 oder WebM)',
  transcript: 'Abschrift (Text des Videos)',
};

// What the first bytes of the file say it is, whatever the browser declared: MP4 has an "ftyp"
// box at offset 4, WebM is an EBML document whose DocType is "webm".
export function sniffVideoType(head: Uint8Array): SignVideoType | null {
  if (head.length >= 12 && String.fromCharCode(...head.subarray(4, 8)) === 'ftyp') return 'video/mp4';
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    const text = String.fromCharCode(...head.subarray(0, Math.min(head.length, 64)));
    if (text.includes('webm')) return 'video/webm';
  }
  return null;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}
