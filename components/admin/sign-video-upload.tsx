'use client';
// Upload form for the sign language video. Without JavaScript it posts (multipart) to the route
// handler, which redirects back. With JavaScript it sends the same form with XMLHttpRequest to
// show progress (a video can take minutes) and shows a refusal next to the field, keeping what
// was typed. The transcript comes before the file: the server reads it first.
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useAdminI18n } from '@/components/admin/admin-i18n-context';
import { SIGN_VIDEO_TYPES } from '@/lib/schemas/sign-language';

interface Texts {
  transcriptLabel: string;
  transcriptHint: string;
  fileLabel: string;
  fileHint: string;
  upload: string;
  // "{percent}" is replaced.
  uploading: string;
  failed: string;
}

type Errors = Partial<Record<'transcript' | 'video' | '_form', string[]>>;

export function SignVideoUpload({
  action,
  initialTranscript,
  error,
  texts,
}: {
  action: string;
  initialTranscript: string;
  error: string | null;
  texts: Texts;
}) {
  const { message } = useAdminI18n();
  const router = useRouter();
  const [percent, setPercent] = useState<number | null>(null);
  const [errors, setErrors] = useState<Errors>(error ? { _form: [error] } : {});
  const alertRef = useRef<HTMLDivElement>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const request = new XMLHttpRequest();
    request.open('POST', action);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable) setPercent(Math.floor((progress.loaded / progress.total) * 100));
    };
    const show = (next: Errors) => {
      setPercent(null);
      setErrors(next);
      requestAnimationFrame(() => alertRef.current?.focus());
    };
    request.onload = () => {
      let body: { ok?: boolean; message?: string; fieldErrors?: Errors } = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // Not JSON: treated as a failure below.
      }
      if (request.status === 200 && body.ok) {
        setPercent(null);
        router.replace(`${window.location.pathname}?hochgeladen=1`);
        router.refresh();
        return;
      }
      const fieldErrors = body.fieldErrors ?? {};
      show(Object.keys(fieldErrors).length ? fieldErrors : { _form: [body.message ?? texts.failed] });
    };
    request.onerror = () => show({ _form: [texts.failed] });
    setErrors({});
    setPercent(0);
    request.send(new FormData(form));
  }

  const fieldError = (name: 'transcript' | 'video') =>
    errors[name]?.length ? (
      <p id={`sign-${name}-error`} className="field-error">
        {errors[name]!.map(message).join(' ')}
      </p>
    ) : null;
  const describedBy = (name: 'transcript' | 'video') => [`sign-${name}-hint`, errors[name]?.length ? `sign-${name}-error` : ''].filter(Boolean).join(' ');

  return (
    <form method="post" action={action} encType="multipart/form-data" onSubmit={submit} noValidate className="space-y-4">
      <div ref={alertRef} tabIndex={-1} role={errors._form?.length ? 'alert' : undefined} className="outline-none">
        {errors._form?.length ? <p className="alert-error">{errors._form.map(message).join(' ')}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="sign-transcript" className="field-label">
          {texts.transcriptLabel}
          <span aria-hidden="true"> *</span>
        </label>
        <p id="sign-transcript-hint" className="field-hint">
          {texts.transcriptHint}
        </p>
        <textarea
          id="sign-transcript"
          name="transcript"
          rows={8}
          required
          defaultValue={initialTranscript}
          aria-describedby={describedBy('transcript')}
          aria-invalid={errors.transcript?.length ? true : undefined}
          className="input"
        />
        {fieldError('transcript')}
      </div>
      <div className="field">
        <label htmlFor="sign-video" className="field-label">
          {texts.fileLabel}
          <span aria-hidden="true"> *</span>
        </label>
        <p id="sign-video-hint" className="field-hint">
          {texts.fileHint}
        </p>
        <input
          id="sign-video"
          name="video"
          type="file"
          required
          accept={SIGN_VIDEO_TYPES.join(',')}
          aria-describedby={describedBy('video')}
          aria-invalid={errors.video?.length ? true : undefined}
          className="input"
        />
        {fieldError('video')}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={percent !== null}>
          {texts.upload}
        </button>
        <p role="status" aria-live="polite">
          {percent !== null ? (
            <>
              <progress max={100} value={percent} className="me-2 align-middle" aria-hidden="true" />
              {texts.uploading.replace('{percent}', String(percent))}
            </>
          ) : null}
        </p>
      </div>
    </form>
  );
}
