// The one form contract of every form that posts to a server action: the server reads exactly the
// fields of the form's own field definition (the list the form is rendered from), not whatever the
// client sends. A checkbox the form contains but the browser did not post (it is unchecked) means
// false, a checkbox group without a ticked box means an empty list; fields the form does not
// contain stay absent, so a form that shows only some fields (a partner's proposal) resets nothing
// else; unknown posted names are ignored. The result goes through the shared zod schema as before.
import type { FormValues } from './common';

// What the server needs of a field definition: its name and kind (labels and options do not matter).
export interface FormFieldShape {
  name: string;
  type?: string;
}

// Posted text values of one name (files are ignored).
function textValues(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((value): value is string => typeof value === 'string');
}

// FormData -> the form's values: one entry per declared field (checkbox 'on' or '', checkbox group a
// list), plus the named hidden fields the form carries (e.g. "version").
export function readForm(formData: FormData, fields: readonly FormFieldShape[], hidden: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const posted = textValues(formData, field.name);
    if (field.type === 'checkbox') values[field.name] = posted.some((value) => value !== '' && value !== 'false' && value !== '0') ? 'on' : '';
    else if (field.type === 'checkboxes') values[field.name] = posted;
    else if (posted.length) values[field.name] = posted[0];
  }
  for (const name of hidden) {
    const posted = textValues(formData, name);
    if (posted.length && !(name in values)) values[name] = posted[0];
  }
  return values;
}
