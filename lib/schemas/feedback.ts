// A visitor's report about an entry. Error messages are message keys (namespace "Feedback" in
// messages/<locale>.json): the public form shows them in the visitor's language.
import { z } from 'zod';

const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

const FEEDBACK_MESSAGE_MAX = 2000;

export const feedbackSchema = z.object({
  organizationSlug: z.string().trim().min(1, 'errorEntry').max(200, 'errorEntry'),
  message: z
    .string({ error: 'errorMessageRequired' })
    .trim()
    .min(10, 'errorMessageTooShort')
    .max(FEEDBACK_MESSAGE_MAX, 'errorMessageTooLong'),
  email: z
    .string()
    .trim()
    .max(254, 'errorEmail')
    .transform((value) => value.toLowerCase())
    .refine((value) => value === '' || EMAIL_RE.test(value), 'errorEmail')
    .transform((value) => (value === '' ? null : value))
    .optional(),
  // Honeypot: a field hidden from people; bots fill it in.
  website: z.string().max(500).optional(),
});

export type FeedbackInput = z.infer<typeof feedbackSchema>;
