'use client';
// A form that asks for a code and, on success, shows the new recovery codes once: they exist only
// in this answer (the server keeps their hashes), so the page says to write them down now.
import { useActionState, useEffect, useRef } from 'react';
import { useFormStatus } from 'react-dom';
import { useAdminI18n } from '@/components/admin/admin-i18n-context';
import type { FormState } from '@/components/forms/form-state';

export interface RecoveryCodesTexts {
  codeLabel: string;
  codeHint: string;
  submit: string;
  saving: string;
  codesHeading: string;
  codesIntro: string;
  continueLabel: string;
  continueHref: string;
}

type State = FormState & { recoveryCodes?: string[] };

function Submit({ label, saving }: { label: string; saving: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn-primary" disabled={pending} aria-disabled={pending}>
      {pending ? saving : label}
    </button>
  );
}

export function RecoveryCodesForm({ action, texts, formId }: { action: (state: State, formData: FormData) => Promise<State>; texts: RecoveryCodesTexts; formId: string }) {
  const [state, formAction] = useActionState(action, { status: 'idle' } as State);
  const { message } = useAdminI18n();
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') resultRef.current?.focus();
  }, [state]);
  const errors = state.fieldErrors?.code?.map(message);
  if (state.status === 'success' && state.recoveryCodes) {
    return (
      <div ref={resultRef} tabIndex={-1} role="alert" className="space-y-3 outline-none">
        <h3 className="text-lg font-semibold">{texts.codesHeading}</h3>
        <p>{texts.codesIntro}</p>
        <ol className="grid max-w-md grid-cols-2 gap-2 font-mono text-lg" aria-label={texts.codesHeading}>
          {state.recoveryCodes.map((code) => (
            <li key={code} className="rounded border border-slate-300 px-2 py-1">
              {code}
            </li>
          ))}
        </ol>
        <p>
          <a href={texts.continueHref} className="btn-primary inline-flex">
            {texts.continueLabel}
          </a>
        </p>
      </div>
    );
  }
  const id = `${formId}-code`;
  return (
    <form action={formAction} noValidate className="max-w-md space-y-4">
      <div ref={resultRef} tabIndex={-1} role={state.status === 'error' ? 'alert' : undefined} className="outline-none">
        {state.status === 'error' && state.message ? <p className="alert-error">{message(state.message)}</p> : null}
      </div>
      <div className="field">
        <label htmlFor={id} className="field-label">
          {texts.codeLabel}
        </label>
        <p id={`${id}-hint`} className="field-hint">
          {texts.codeHint}
        </p>
        <input
          id={id}
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={40}
          required
          className="input"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={[`${id}-hint`, errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ')}
        />
        {errors?.length ? (
          <p id={`${id}-error`} className="field-error">
            {errors.join(' ')}
          </p>
        ) : null}
      </div>
      <Submit label={texts.submit} saving={texts.saving} />
    </form>
  );
}
