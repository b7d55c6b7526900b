// Building blocks for form schemas: form values arrive as strings ('' for an empty field, 'on' for a
// checked box); these turn them into typed values with German messages. Shared by forms and server.
import { z } from 'zod';
import type { FieldErrors } from '@/lib/errors';
import { isAcceptedPhone } from '@/lib/format/phone';

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const emptyToNull = (value: unknown) => {
  const v = trimmed(value);
  return v === '' ? null : v;
};

export const msg = {
  required: 'Bitte füllen Sie dieses Feld aus.',
  tooLong: (max: number) => `Höchstens ${max} Zeichen.`,
  email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein (z. B. name@beispiel.de).',
  url: 'Bitte geben Sie eine Web-Adresse ein (z. B. beispiel.de).',
  number: 'Bitte geben Sie eine ganze Zahl ein.',
  choice: 'Bitte wählen Sie einen Eintrag aus der Liste.',
  time: 'Bitte geben Sie eine Uhrzeit im Format HH:MM ein.',
  date: 'Bitte geben Sie ein Datum ein.',
  phone: 'Bitte geben Sie eine gültige Telefonnummer ein (z. B. 03931 60-7040 oder +49 3931 607040).',
};

export const requiredText = (max = 200) =>
  z.preprocess(trimmed, z.string({ error: msg.required }).min(1, msg.required).max(max, msg.tooLong(max)));

export const optionalText = (max = 500) =>
  z.preprocess(emptyToNull, z.string().max(max, msg.tooLong(max)).nullable()).optional();

const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

export const requiredEmail = () =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.string({ error: msg.required }).min(1, msg.required).max(254, msg.tooLong(254)).regex(EMAIL_RE, msg.email),
  );

export const optionalEmail = () =>
  z
    .preprocess(
      (value) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim().toLowerCase()) : value),
      z.string().max(254, msg.tooLong(254)).regex(EMAIL_RE, msg.email).nullable(),
    )
    .optional();

// A phone number as people write it ("03931 60-7040", "+49 3931 607040"), kept as written but
// checked with libphonenumber-js (lib/format/phone.ts), so that every saved number makes a tel: link.
export const optionalPhone = () =>
  z
    .preprocess(
      (value) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value),
      z.string().max(60, msg.tooLong(60)).refine(isAcceptedPhone, msg.phone).nullable(),
    )
    .optional();

// People type web addresses as they see them ("beispiel.de", "www.beispiel.de/kontakt"): without a
// scheme, https:// is added. An address with another scheme (mailto:, javascript:) stays as typed
// and is refused below. "beispiel.de:8080" has a port, not a scheme.
function normalizeUrl(value: string): string {
  if (/^https?:\/\//i.test(value)) return value;
  if (value.startsWith('//')) return `https:${value}`;
  if (/^[a-z][a-z\d+-]*:(?!\d)/i.test(value)) return value;
  return `https://${value}`;
}

export const optionalUrl = () =>
  z
    .preprocess(
      (value) => {
        const v = emptyToNull(value);
        return typeof v === 'string' ? normalizeUrl(v) : v;
      },
      z
        .string()
        .max(500, msg.tooLong(500))
        .refine((value) => {
          try {
            const url = new URL(value);
            // A host name with a dot ("beispiel.de"), so that a stray word is not taken for an address.
            return (url.protocol === 'https:' || url.protocol === 'http:') && /\.[a-z]{2,}$/i.test(url.hostname) && !/\s/.test(value);
          } catch {
            return false;
          }
        }, msg.url)
        .nullable(),
    )
    .optional();

export const optionalInt = (min: number, max: number) =>
  z
    .preprocess(
      (value) => {
        const v = emptyToNull(value);
        return typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
      },
      z
        .number({ error: msg.number })
        .int(msg.number)
        .min(min, `Mindestens ${min}.`)
        .max(max, `Höchstens ${max}.`)
        .nullable(),
    )
    .optional();

export const optionalFloat = (min: number, max: number) =>
  z
    .preprocess(
      (value) => {
        const v = emptyToNull(value);
        return typeof v === 'string' && /^-?\d+([.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : v;
      },
      z.number({ error: 'Bitte geben Sie eine Zahl ein.' }).min(min, `Mindestens ${min}.`).max(max, `Höchstens ${max}.`).nullable(),
    )
    .optional();

export const checkbox = () =>
  z.preprocess((value) => value === true || value === 'on' || value === 'true' || value === '1', z.boolean()).optional();

export const optionalId = () =>
  z.preprocess(emptyToNull, z.uuid({ error: msg.choice }).nullable()).optional();

export const idList = () =>
  z
    .preprocess(
      (value) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).filter((v) => v !== '')),
      z.array(z.uuid({ error: msg.choice })).max(200),
    )
    .optional();

export const languageCodeList = () =>
  z
    .preprocess(
      (value) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).filter((v) => v !== '')),
      z.array(z.string().regex(/^[a-z]{2,3}$/, msg.choice)).max(50),
    )
    .optional();

// Minutes after midnight from "HH:MM".
export const timeOfDay = () =>
  z.preprocess(
    trimmed,
    z
      .string({ error: msg.time })
      .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, msg.time)
      .transform((value) => {
        const [hours, minutes] = value.split(':').map(Number);
        return hours * 60 + minutes;
      }),
  );

export const optionalDate = () =>
  z
    .preprocess(
      emptyToNull,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, msg.date)
        .transform((value) => new Date(`${value}T00:00:00.000Z`))
        .nullable(),
    )
    .optional();

export const requiredDate = () =>
  z.preprocess(
    trimmed,
    z
      .string({ error: msg.date })
      .regex(/^\d{4}-\d{2}-\d{2}$/, msg.date)
      .transform((value) => new Date(`${value}T00:00:00.000Z`)),
  );

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form';
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

// FormData -> plain object; fields listed in `arrays` keep all values. Files are ignored.
export function formDataToObject(formData: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData.getAll(key).filter((value): value is string => typeof value === 'string');
    result[key] = arrays.includes(key) ? values : values[0];
  }
  for (const key of arrays) result[key] ??= [];
  return result;
}

// A form's values as its fields hold them: text, or a list for multi-selects and checkbox groups.
export type FormValues = Record<string, string | string[]>;

// A record (or a stored proposal) as form values: checkboxes 'on' or '', calendar dates as
// YYYY-MM-DD, empty values ''.
export function toFormValues(record: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) values[key] = value.map(String);
    else if (typeof value === 'boolean') values[key] = value ? 'on' : '';
    else if (value instanceof Date) values[key] = value.toISOString().slice(0, 10);
    else if (value === null || value === undefined) values[key] = '';
    else values[key] = String(value);
  }
  return values;
}

// Non-secret values to send back into a form after an error (everything but passwords and tokens).
export function safeValues(values: Record<string, unknown>): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(values)) {
    if (/password|token|secret/i.test(key)) continue;
    if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
      result[key] = value as string | string[];
    }
  }
  return result;
}
