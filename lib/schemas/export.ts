// The export form (GET parameters): the admin list's filter plus tables, format and whether
// network-internal contacts are included. Lenient like the list filter: unknown values are dropped.
import { z } from 'zod';
import { EXPORT_TABLES } from './import';
import { organizationListQuerySchema } from './organization';

export const exportQuerySchema = organizationListQuerySchema.extend({
  format: z.enum(['csv', 'xlsx']).catch('xlsx'),
  tables: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
    .transform((values) => EXPORT_TABLES.filter((table) => values.includes(table))),
  includeInternal: z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean()).catch(false),
});
