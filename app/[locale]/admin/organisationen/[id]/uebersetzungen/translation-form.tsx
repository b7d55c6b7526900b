'use client';
// One form per entity and language: the German text next to each input, the state of each
// translation in words ("fehlt", "veraltet", "aktuell"), inputs marked with the language and its
// writing direction, field errors next to the field and the entered values kept on error.
import { useActionState, useEffect, useRef } from 'react';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/components/forms/form-state';

export interface TranslationFieldView {
  name: string;
  label: string;
  isLong: boolean;
  maxLength: number;
  german: string;
  value: string;
  state: 'missing' | 'upToDate' | 'outdated';
}

const STATE_LABELS: Record<TranslationFieldView['state'], { text: string; className: string }> = {
  missing: { text: 'fehlt', className: 'badge text-red-800' },
  outdated: { text: 'veraltet', className: 'badge badge-ARCHIVED' },
  upToDate: { text: 'aktuell', className: 'badge badge-PUBLISHED' },
};

function SubmitButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className="btn-primary">
      {pending ? 'Wird gespeichert …' : label}
    </button>
  );
}

export function TranslationForm({
  action,
  formId,
  fields,
  locale,
  dir,
  languageName,
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  formId: string;
  fields: TranslationFieldView[];
  locale: string;
  dir: 'ltr' | 'rtl';
  languageName: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' } as FormState);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') alertRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <div ref={alertRef} tabIndex={-1} role={state.status === 'idle' ? undefined : 'alert'} className="outline-none">
        {state.status !== 'idle' && state.message ? <p className={state.status === 'success' ? 'alert-success' : 'alert-error'}>{state.message}</p> : null}
      </div>
      {fields.map((field) => {
        const id = `${formId}-${field.name}`;
        const germanId = `${id}-de`;
        const stateId = `${id}-stand`;
        const errors = state.fieldErrors?.[field.name];
        const errorId = errors?.length ? `${id}-error` : undefined;
        const kept = state.values?.[field.name];
        const value = typeof kept === 'string' ? kept : field.value;
        const badge = STATE_LABELS[field.state];
        const common = {
          id,
          name: field.name,
          lang: locale,
          dir,
          defaultValue: value,
          maxLength: field.maxLength,
          'aria-describedby': [germanId, stateId, errorId].filter(Boolean).join(' '),
          'aria-invalid': errors?.length ? true : undefined,
          className: 'input w-full',
        };
        return (
          <div key={field.name} className="grid gap-3 border-t border-slate-200 pt-3 md:grid-cols-2">
            <div>
              <p className="field-label">{field.label} (Deutsch)</p>
              {field.german ? (
                <p id={germanId} lang="de" dir="ltr" className="whitespace-pre-wrap rounded bg-slate-100 p-2">
                  {field.german}
                </p>
              ) : (
                <p id={germanId} className="field-hint">
                  Kein deutscher Text mehr. Bitte leeren Sie das Feld, dann wird die Übersetzung entfernt.
                </p>
              )}
            </div>
            <div className="field">
              <div className="flex flex-wrap items-center gap-2">
                <label htmlFor={id} className="field-label">
                  {field.label} ({languageName})
                </label>
                <span id={stateId} className={badge.className}>
                  <span className="sr-only">Übersetzung: </span>
                  {badge.text}
                </span>
              </div>
              {field.isLong ? <textarea {...common} rows={5} /> : <input {...common} type="text" />}
              {errorId ? (
                <p id={errorId} className="field-error">
                  {errors!.join(' ')}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
      <p className="field-hint">Ein leeres Feld entfernt die Übersetzung; Besucher*innen sehen dann den deutschen Text.</p>
      <SubmitButton label={submitLabel} />
    </form>
  );
}
