'use client';
// One accessible form for every admin entity: labels, hints and errors tied to each field
// (aria-describedby, aria-invalid), values kept on error, and on a version conflict a list of
// what the other person changed next to the user's own input. After a failed submit an error
// summary at the top (GOV.UK pattern) takes focus and links to each field with an error.
import { useActionState, useEffect, useRef, useState } from 'react';
import { useAdminI18n, type FormTexts } from '@/components/admin/admin-i18n-context';
import type { FormValues } from '@/lib/schemas/common';
import type { FieldSpec, FormState } from './form-state';
import { SubmitButton } from './submit-button';

function show(value: unknown, form: FormTexts): string {
  if (value === null || value === undefined || value === '') return form.empty;
  if (typeof value === 'boolean') return value ? form.yes : form.no;
  if (Array.isArray(value)) return value.length ? value.join(', ') : form.empty;
  return String(value);
}

function Field({ spec, value, errors, formId }: { spec: FieldSpec; value: string | string[] | undefined; errors?: string[]; formId: string }) {
  const id = `${formId}-${spec.name}`;
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const invalid = errors?.length ? true : undefined;
  const type = spec.type ?? 'text';
  const text = Array.isArray(value) ? value[0] ?? '' : value ?? '';
  const errorBlock = errorId ? (
    <p id={errorId} className="field-error">
      {errors!.join(' ')}
    </p>
  ) : null;
  const hintBlock = hintId ? (
    <p id={hintId} className="field-hint">
      {spec.hint}
    </p>
  ) : null;
  const wide = spec.isWide || type === 'textarea' || type === 'checkboxes' ? 'sm:col-span-2' : '';

  if (type === 'checkbox') {
    return (
      <div className={`field ${wide}`}>
        <div className="flex items-center gap-2">
          <input id={id} name={spec.name} type="checkbox" defaultChecked={text === 'on' || text === 'true'} aria-describedby={describedBy} aria-invalid={invalid} className="size-5" />
          <label htmlFor={id}>{spec.label}</label>
        </div>
        {hintBlock}
        {errorBlock}
      </div>
    );
  }
  if (type === 'checkboxes') {
    const selected = new Set(Array.isArray(value) ? value : value ? [value] : []);
    const boxes = (options: { value: string; label: string }[]) => (
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((option) => (
          <div key={option.value} className="flex items-center gap-2">
            <input id={`${id}-${option.value}`} type="checkbox" name={spec.name} value={option.value} defaultChecked={selected.has(option.value)} className="size-5" />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    );
    return (
      <fieldset id={id} className={`field ${wide}`} aria-describedby={describedBy} aria-invalid={invalid}>
        <legend className="field-label">{spec.label}</legend>
        {hintBlock}
        {spec.optionGroups?.length ? (
          spec.optionGroups.map((group, index) => (
            <fieldset key={group.label} className="mt-2" aria-labelledby={`${id}-group-${index}`}>
              <legend id={`${id}-group-${index}`} className="font-semibold">{group.label}</legend>
              {boxes(group.options)}
            </fieldset>
          ))
        ) : (
          boxes(spec.options ?? [])
        )}
        {errorBlock}
      </fieldset>
    );
  }
  const common = {
    id,
    name: spec.name,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    required: spec.isRequired,
    autoComplete: spec.autoComplete,
    lang: spec.lang,
    dir: spec.dir,
    className: 'input',
  };
  return (
    <div className={`field ${wide}`}>
      <label htmlFor={id} className="field-label">
        {spec.label}
        {spec.isRequired ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hintBlock}
      {type === 'textarea' ? (
        <textarea {...common} defaultValue={text} rows={spec.rows ?? 6} />
      ) : type === 'select' ? (
        <select {...common} defaultValue={text}>
          {(spec.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={type} defaultValue={type === 'password' ? undefined : text} inputMode={type === 'number' ? 'numeric' : undefined} />
      )}
      {errorBlock}
    </div>
  );
}

// Where the summary's link of a field leads: the control itself, or a group's first box.
function targetId(spec: FieldSpec, formId: string): string {
  const id = `${formId}-${spec.name}`;
  const first = spec.type === 'checkboxes' ? spec.options?.[0] : undefined;
  return first ? `${id}-${first.value}` : id;
}

// Follows a summary link without changing the URL, focusing the field and showing its label
// (its question) above it, as the GOV.UK error summary does; the plain link works without script.
function focusField(event: React.MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const label = target.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${id}"]`);
  (label ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
}

export function EntityForm({
  action,
  fields,
  initialValues,
  submitLabel,
  submitVariant = 'primary',
  hidden = {},
  fieldLabels = {},
  formId = 'form',
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  initialValues: FormValues;
  submitLabel?: string;
  submitVariant?: 'primary' | 'danger';
  hidden?: Record<string, string>;
  fieldLabels?: Record<string, string>;
  formId?: string;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' } as FormState);
  const { locale, form, message } = useAdminI18n();
  // The German conflict labels come from the data layer; other languages use the form's labels.
  const labelOf = (field: string) =>
    (locale === 'de' ? fieldLabels[field] : fields.find((spec) => spec.name === field)?.label ?? fieldLabels[field]) ?? field;
  const fieldErrors = (name: string) => state.fieldErrors?.[name]?.map(message);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') alertRef.current?.focus();
  }, [state]);
  // Each answer of the server mounts the fields afresh with the returned values: React applies a
  // changed defaultValue of a <select> only when it mounts, and resets the form after the action,
  // so a kept select would otherwise fall back to its first option ("keine").
  const [answered, setAnswered] = useState(state);
  const [round, setRound] = useState(0);
  if (answered !== state) {
    setAnswered(state);
    setRound(round + 1);
  }
  const errorLinks = Object.entries(state.fieldErrors ?? {})
    .filter(([, messages]) => messages?.length)
    .map(([name, messages]) => ({ name, spec: fields.find((spec) => spec.name === name), text: messages!.map(message).join(' ') }));
  const values = state.values ?? initialValues;
  // After a conflict the next save is based on the current version, the user's input stays.
  const version = state.currentVersion !== undefined ? String(state.currentVersion) : hidden.version;
  return (
    <form action={formAction} noValidate className="space-y-6">
      {Object.entries({ ...hidden, ...(version ? { version } : {}) }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div ref={alertRef} tabIndex={-1} role={state.status === 'idle' ? undefined : 'alert'} className="outline-none">
        {state.status === 'error' && errorLinks.length ? (
          <div className="alert-error error-summary space-y-2" aria-labelledby={`${formId}-error-summary`}>
            <h2 id={`${formId}-error-summary`} className="font-bold">
              {form.errorSummaryTitle}
            </h2>
            {state.message ? <p>{message(state.message)}</p> : null}
            <ul className="list-disc ps-6">
              {errorLinks.map(({ name, spec, text }) => (
                <li key={name}>
                  {spec ? (
                    <a href={`#${targetId(spec, formId)}`} onClick={(event) => focusField(event, targetId(spec, formId))}>
                      {spec.label}: {text}
                    </a>
                  ) : (
                    text
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : state.status === 'error' && state.message ? (
          <p className="alert-error">{message(state.message)}</p>
        ) : null}
        {state.status === 'success' && state.message ? <p className="alert-success">{message(state.message)}</p> : null}
        {state.status === 'conflict' ? (
          <div className="alert-error space-y-2">
            <p>{state.message ? message(state.message) : null}</p>
            {state.conflict?.length ? (
              <>
                <p>{form.conflictIntro}</p>
                <ul className="list-disc ps-6">
                  {state.conflict.map((change) => (
                    <li key={change.field}>
                      <strong>{labelOf(change.field)}</strong>: „{show(change.before, form)}“ → „{show(change.after, form)}“ ({change.by})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
      <div key={round} className="grid gap-4 sm:grid-cols-2">
        {fields.map((spec) => (
          <Field key={spec.name} spec={spec} value={values[spec.name]} errors={fieldErrors(spec.name)} formId={formId} />
        ))}
      </div>
      <SubmitButton label={submitLabel ?? form.save} variant={submitVariant} />
    </form>
  );
}
