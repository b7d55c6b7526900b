// Upload of the German Sign Language video (multipart: `transcript`, then `video`). A route
// handler, not a server action: server actions have a small body limit, and this body is streamed
// into the database (lib/data/sign-language.ts) without being held in memory. Outside the proxy's
// matcher (/api), so no request body is buffered for it.
//
// Answers JSON to the admin page's upload form (fetch, with progress) and a 303 redirect back to
// the admin page when the form is posted without JavaScript.
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';
import { expireCache, SIGN_LANGUAGE_TAG } from '@/lib/cache';
import { storeSignLanguageVideo } from '@/lib/data/sign-language';
import { AppError, isAppError } from '@/lib/errors';
import { formatMegabytes, SIGN_VIDEO_ERRORS, SIGN_VIDEO_MAX_BYTES } from '@/lib/schemas/sign-language';

const ADMIN_PAGE = '/de/admin/gebaerdensprache';
// Multipart framing and the transcript on top of the file itself.
const BODY_OVERHEAD = 256 * 1024;

type Outcome = { ok: true; id: string } | { ok: false; status: number; error: AppError };

// Same-origin posts only: the browser says where a request comes from (Sec-Fetch-Site, Origin).
function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.get('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host === (request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
  } catch {
    return false;
  }
}

async function receive(request: Request): Promise<Outcome> {
  const actor = await getCurrentUser();
  if (!actor) return { ok: false, status: 401, error: new AppError('UNAUTHENTICATED') };
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data') || !request.body) {
    return { ok: false, status: 400, error: new AppError('VALIDATION', undefined, { fieldErrors: { video: [SIGN_VIDEO_ERRORS.empty] } }) };
  }
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > SIGN_VIDEO_MAX_BYTES + BODY_OVERHEAD) {
    const message = SIGN_VIDEO_ERRORS.tooLarge(formatMegabytes(SIGN_VIDEO_MAX_BYTES));
    return { ok: false, status: 413, error: new AppError('VALIDATION', undefined, { fieldErrors: { video: [message] } }) };
  }

  return new Promise<Outcome>((resolve) => {
    let settled = false;
    let sawFile = false;
    const fields: Record<string, string> = {};
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const fail = (error: unknown) => {
      if (isAppError(error)) return finish({ ok: false, status: error.code === 'FORBIDDEN' ? 403 : 400, error });
      console.error(error);
      finish({ ok: false, status: 500, error: new AppError('VALIDATION', 'Das hat leider nicht geklappt. Bitte versuchen Sie es erneut.') });
    };
    const parser = busboy({
      headers: { 'content-type': type },
      // One byte more than allowed, so that the data layer sees an oversized file and refuses it.
      limits: { files: 1, fields: 10, fieldSize: 100_000, fileSize: SIGN_VIDEO_MAX_BYTES + 1 },
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'video' || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      if (fields.transcript === undefined) {
        stream.resume();
        fail(new AppError('VALIDATION', undefined, { fieldErrors: { transcript: [SIGN_VIDEO_ERRORS.transcriptFirst] } }));
        return;
      }
      storeSignLanguageVideo({ actor, declaredType: info.mimeType, transcript: fields.transcript, body: stream }).then(
        ({ id }) => finish({ ok: true, id }),
        (error) => {
          // Drain the rest of the upload so that the answer reaches the browser.
          stream.resume();
          fail(error);
        },
      );
    });
    parser.on('close', () => {
      if (!sawFile) fail(new AppError('VALIDATION', undefined, { fieldErrors: { video: [SIGN_VIDEO_ERRORS.empty], ...(fields.transcript?.trim() ? {} : { transcript: ['Bitte füllen Sie dieses Feld aus.'] }) } }));
    });
    parser.on('error', fail);
    Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>).on('error', fail).pipe(parser);
  });
}

// The key of a refusal for the no-JavaScript redirect (?fehler=...), so the page can say it.
function errorKey(error: AppError): string {
  if (error.code === 'UNAUTHENTICATED') return 'unauthenticated';
  if (error.code === 'FORBIDDEN') return 'forbidden';
  const messages = Object.values(error.details.fieldErrors ?? {}).flat();
  const first = messages[0] ?? '';
  for (const [key, text] of Object.entries(SIGN_VIDEO_ERRORS)) {
    if (typeof text === 'string' ? text === first : first.startsWith(text('').slice(0, 20))) return key;
  }
  if (error.details.fieldErrors?.transcript) return 'transcript';
  return 'failed';
}

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return NextResponse.json({ ok: false, message: 'Nicht erlaubt.' }, { status: 403 });
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const outcome = await receive(request);
  if (outcome.ok) {
    // The public page and the header link follow at once.
    await expireCache([SIGN_LANGUAGE_TAG]);
    if (wantsJson) return NextResponse.json({ ok: true, id: outcome.id });
    return NextResponse.redirect(new URL(`${ADMIN_PAGE}?hochgeladen=1`, request.url), 303);
  }
  const { error, status } = outcome;
  if (wantsJson) {
    return NextResponse.json({ ok: false, message: error.message, fieldErrors: error.details.fieldErrors ?? {} }, { status });
  }
  if (error.code === 'UNAUTHENTICATED') {
    return NextResponse.redirect(new URL(`/de/anmelden?callbackUrl=${encodeURIComponent(ADMIN_PAGE)}`, request.url), 303);
  }
  return NextResponse.redirect(new URL(`${ADMIN_PAGE}?fehler=${errorKey(error)}`, request.url), 303);
}
