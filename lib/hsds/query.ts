import { z } from 'zod';

// Query parameters of the HSDS API (Open Referral API specification). Every list takes `page`
// (from 1) and `per_page` (at most 100); each endpoint takes the filters the specification lists
// for it. An unknown parameter, or one we do not support (`full=true`, `format=ndjson`), is a 400
// that names it rather than an answer that silently ignores it.
const base = {
  page: z.coerce.number().int('Seite muss eine ganze Zahl sein.').min(1, 'Seite muss mindestens 1 sein.').default(1),
  per_page: z.coerce
    .number()
    .int('per_page muss eine ganze Zahl sein.')
    .min(1, 'per_page muss mindestens 1 sein.')
    .max(100, 'per_page darf höchstens 100 sein.')
    .default(50),
  search: z.string().trim().max(200, 'search: höchstens 200 Zeichen.').optional(),
  format: z.literal('json', 'format: nur json wird unterstützt.').optional(),
};

const flag = (name: string) =>
  z
    .enum(['true', 'false'], `${name}: erlaubt sind true oder false.`)
    .transform((value) => value === 'true')
    .optional();
// Lists carry the one-to-one fields; the fully nested object is at /{id}.
const notFull = (name: string) =>
  z.literal('false', `${name}=true wird nicht unterstützt: vollständige Objekte liefert /{id}.`).optional();
const uuid = (name: string) => z.uuid(`${name}: bitte eine UUID angeben.`).optional();

const serviceFilters = {
  ...base,
  taxonomy_term_id: uuid('taxonomy_term_id'),
  taxonomy_id: uuid('taxonomy_id'),
  organization_id: uuid('organization_id'),
  // A date, or a date and time with or without offset (ISO 8601); without an offset it is UTC.
  // An unencoded "+01:00" arrives as " 01:00" (a plus in a query is a space): read as meant.
  modified_after: z
    .string()
    .transform((value) => value.replace(/(T[\d:.]+) (\d\d:?\d\d)$/, '$1+$2'))
    .pipe(
      z.union(
        [z.iso.datetime({ offset: true }), z.iso.datetime({ local: true }), z.iso.date()],
        'modified_after: bitte Datum oder Zeitpunkt nach ISO 8601 angeben, z. B. 2024-05-01 oder 2024-05-01T08:00:00Z.',
      ),
    )
    .transform((value) =>
      new Date(/T.*(Z|[+-]\d\d:?\d\d)$/i.test(value) || !value.includes('T') ? value : `${value}Z`).toISOString(),
    )
    .optional(),
  full: notFull('full'),
};

export const hsdsServicesQuerySchema = z.strictObject({ ...serviceFilters, minimal: flag('minimal') });
export const hsdsServiceAtLocationsQuerySchema = z.strictObject({
  ...serviceFilters,
  postcode: z
    .string()
    .regex(/^\d{5}$/, 'postcode: bitte eine fünfstellige Postleitzahl angeben.')
    .optional(),
});
export const hsdsOrganizationsQuerySchema = z.strictObject({
  ...base,
  full: notFull('full'),
  full_service: notFull('full_service'),
});
export const hsdsTaxonomiesQuerySchema = z.strictObject(base);
export const hsdsTaxonomyTermsQuerySchema = z.strictObject({
  ...base,
  taxonomy_id: uuid('taxonomy_id'),
  parent_id: uuid('parent_id'),
  top_only: flag('top_only'),
});
// The nested organization always carries its full services.
export const hsdsOrganizationQuerySchema = z.strictObject({ full_service: flag('full_service') });
export const hsdsNoQuerySchema = z.strictObject({});

export type HsdsServiceFilters = Pick<
  z.output<typeof hsdsServiceAtLocationsQuerySchema>,
  'search' | 'taxonomy_term_id' | 'taxonomy_id' | 'organization_id' | 'modified_after' | 'postcode'
>;

export const hsdsIdSchema = z.uuid('Ungültige ID.');

export interface FieldError {
  field: string;
  message: string;
}

// zod's issues as one entry per parameter; an unknown parameter is named as such.
export function hsdsQueryErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: key, message: `Unbekannter Parameter: ${key}.` }))
      : [{ field: issue.path.join('.'), message: issue.message }],
  );
}
