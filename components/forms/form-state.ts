import type { ConflictChange, FieldErrors } from '@/lib/errors';
import type { FormValues } from '@/lib/schemas/common';

export interface FormState {
  status: 'idle' | 'error' | 'conflict' | 'success';
  message?: string;
  fieldErrors?: FieldErrors;
  // What the user entered (never passwords or tokens), so nothing is lost on an error.
  values?: FormValues;
  conflict?: ConflictChange[];
  currentVersion?: number;
}

type FieldType = 'text' | 'email' | 'url' | 'tel' | 'password' | 'textarea' | 'number' | 'select' | 'checkbox' | 'checkboxes' | 'time' | 'date' | 'datetime-local';

export interface FieldSpec {
  name: string;
  label: string;
  type?: FieldType;
  hint?: string;
  isRequired?: boolean;
  autoComplete?: string;
  options?: { value: string; label: string }[];
  // A checkbox group shown as separate labelled groups (topics apart from target groups) that post
  // under the one name; `options` still lists every option (the server and error links use it).
  optionGroups?: { label: string; options: { value: string; label: string }[] }[];
  // Wide fields span both columns.
  isWide?: boolean;
  // A field whose text is in another language than the page (e.g. Arabic keywords: lang "ar", dir "rtl").
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  // Visible lines of a textarea (default 6).
  rows?: number;
}
