'use client';
// The column mapping of an import: one select per column of the file, with sample values, errors
// next to the column, the values kept on error.
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { useAdminI18n } from '@/components/admin/admin-i18n-context';
import type { FormState } from '@/components/forms/form-state';

export interface MappingColumn {
  index: number;
  header: string;
  samples: string[];
  value: string;
}

function Submit({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn-primary" disabled={pending}>
      {label}
    </button>
  );
}

export function ImportMappingForm({
  action,
  columns,
  options,
  texts,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  columns: MappingColumn[];
  options: { group: string; items: { value: string; label: string }[] }[];
  texts: { caption: string; column: string; samples: string; field: string; ignore: string; submit: string };
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' } as FormState);
  const { message } = useAdminI18n();
  const values = state.values ?? {};
  return (
    <form action={formAction} className="space-y-4">
      {state.status === 'error' ? (
        <div role="alert" className="alert-error">
          <p>{state.message ? message(state.message) : null}</p>
          {state.fieldErrors?._form?.map((text) => <p key={text}>{message(text)}</p>)}
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <table className="admin-table">
          <caption className="sr-only">{texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.column}</th>
              <th scope="col">{texts.samples}</th>
              <th scope="col">{texts.field}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => {
              const name = `column-${column.index}`;
              const errors = state.fieldErrors?.[name];
              const current = typeof values[name] === 'string' ? (values[name] as string) : column.value;
              return (
                <tr key={column.index}>
                  <th scope="row">
                    <label htmlFor={`zuordnung-${column.index}`}>{column.header}</label>
                  </th>
                  <td className="text-sm">{column.samples.join(' · ') || '–'}</td>
                  <td>
                    <select
                      id={`zuordnung-${column.index}`}
                      name={name}
                      defaultValue={current}
                      className="input"
                      aria-invalid={errors?.length ? true : undefined}
                      aria-describedby={errors?.length ? `zuordnung-${column.index}-error` : undefined}
                    >
                      <option value="">{texts.ignore}</option>
                      {options.map((group) => (
                        <optgroup key={group.group} label={group.group}>
                          {group.items.map((item) => (
                            <option key={item.value} value={item.value}>
                              {item.label}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                    {errors?.length ? (
                      <p id={`zuordnung-${column.index}-error`} className="field-error">
                        {errors.map(message).join(' ')}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Submit label={texts.submit} />
    </form>
  );
}
