'use client';
// One form per entity and language: the German text next to each input, the state of each
// translation in words ("fehlt", "veraltet", "aktuell"), inputs marked with the language and its
// writing direction, field errors next to the field and the entered values kept on error.
import { useActionState, useEffect, useRef } from 'react';
import { useAdminI18n } from '@/components/admin/admin-i18n-context';
import type { FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/submit-button';

export interface TranslationFieldView {
  name: string;
  label: string;
  isLong: boolean;
  maxLength: number;
  german: string;
  value: string;
  state: 'missing' | 'upToDate' | 'outdated';
}

// The texts in the admin's language (Admin.Translations), passed by the page.
export interface TranslationFormTexts {
  states: Record<TranslationFieldView['state'], string>;
  german: string;
  translationPrefix: string;
  noGerman: string;
  emptyHint: string;
}

const STATE_CLASSES: Record<TranslationFieldView['state'], string> = {
  missing: 'badge text-red-800',
  outdated: 'badge badge-ARCHIVED',
  upToDate: 'badge badge-PUBLISHED',
};

export function TranslationForm({
  action,
  formId,
  fields,
  locale,
  dir,
  languageName,
  submitLabel,
  texts,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  formId: string;
  fields: TranslationFieldView[];
  locale: string;
  dir: 'ltr' | 'rtl';
  languageName: string;
  submitLabel: string;
  texts: TranslationFormTexts;
}) {
  const { message } = useAdminI18n();
  const [state, formAction] = useActionState(action, { status: 'idle' } as FormState);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') alertRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <div ref={alertRef} tabIndex={-1} role={state.status === 'idle' ? undefined : 'alert'} className="outline-none">
        {state.status !== 'idle' && state.message ? <p className={state.status === 'success' ? 'alert-success' : 'alert-error'}>{message(state.message)}</p> : null}
      </div>
      {fields.map((field) => {
        const id = `${formId}-${field.name}`;
        const germanId = `${id}-de`;
        const stateId = `${id}-stand`;
        const errors = state.fieldErrors?.[field.name];
        const errorId = errors?.length ? `${id}-error` : undefined;
        const kept = state.values?.[field.name];
        const value = typeof kept === 'string' ? kept : field.value;
        const badgeClass = STATE_CLASSES[field.state];
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
              <p className="field-label">{field.label} ({texts.german})</p>
              {field.german ? (
                <p id={germanId} lang="de" dir="ltr" className="whitespace-pre-wrap rounded bg-slate-100 p-2">
                  {field.german}
                </p>
              ) : (
                <p id={germanId} className="field-hint">
                  {texts.noGerman}
                </p>
              )}
            </div>
            <div className="field">
              <div className="flex flex-wrap items-center gap-2">
                <label htmlFor={id} className="field-label">
                  {field.label} ({languageName})
                </label>
                <span id={stateId} className={badgeClass}>
                  <span className="sr-only">{texts.translationPrefix}</span>
                  {texts.states[field.state]}
                </span>
              </div>
              {field.isLong ? <textarea {...common} rows={5} /> : <input {...common} type="text" />}
              {errorId ? (
                <p id={errorId} className="field-error">
                  {errors!.map(message).join(' ')}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
      <p className="field-hint">{texts.emptyHint}</p>
      <SubmitButton label={submitLabel} />
    </form>
  );
}
