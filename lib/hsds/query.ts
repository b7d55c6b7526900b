import { z } from 'zod';

// Query of the HSDS list endpoints: page numbers start at 1, at most 100 items a page.
export const hsdsListQuerySchema = z.object({
  page: z.coerce.number().int('Seite muss eine ganze Zahl sein.').min(1, 'Seite muss mindestens 1 sein.').default(1),
  per_page: z.coerce
    .number()
    .int('per_page muss eine ganze Zahl sein.')
    .min(1, 'per_page muss mindestens 1 sein.')
    .max(100, 'per_page darf höchstens 100 sein.')
    .default(50),
});

export const hsdsIdSchema = z.uuid('Ungültige ID.');
