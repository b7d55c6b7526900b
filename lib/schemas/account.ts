// A signed-in user's own settings: display name and the language of the admin area.
import { z } from 'zod';
import { ADMIN_LOCALES } from '@/lib/i18n/admin-locales';
import { requiredText } from './common';

export const accountInputSchema = z.object({
  name: requiredText(100),
  locale: z.enum(ADMIN_LOCALES, { error: 'Bitte wählen Sie Deutsch oder Englisch.' }),
});
