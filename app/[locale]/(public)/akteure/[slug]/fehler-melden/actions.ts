'use server';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/edge/client-ip';
import { createFeedback } from '@/lib/data/feedback';
import { routing } from '@/lib/i18n/routing';
import { feedbackSchema } from '@/lib/schemas/feedback';

export interface FeedbackFormState {
  status: 'idle' | 'error' | 'received' | 'rate-limited' | 'not-found';
  // Message keys of the "Feedback" namespace, per field.
  fieldErrors?: Partial<Record<'message' | 'email' | 'organizationSlug', string>>;
  values?: { message: string; email: string };
}

// A field that is not text (an uploaded file, a missing field) counts as empty: String(file) would
// store "[object File]".
function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

export async function sendFeedbackAction(_state: FeedbackFormState, formData: FormData): Promise<FeedbackFormState> {
  const raw = {
    organizationSlug: text(formData, 'organizationSlug'),
    message: text(formData, 'message'),
    email: text(formData, 'email'),
    website: text(formData, 'website'),
  };
  const localeValue = text(formData, 'locale');
  const locale = (routing.locales as readonly string[]).includes(localeValue) ? localeValue : routing.defaultLocale;
  const values = { message: raw.message, email: raw.email };
  const parsed = feedbackSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: FeedbackFormState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as keyof NonNullable<FeedbackFormState['fieldErrors']>;
      fieldErrors[field] ??= issue.message;
    }
    return { status: 'error', fieldErrors, values };
  }
  const headerList = await headers();
  const outcome = await createFeedback({
    input: parsed.data,
    ip: clientIp(headerList),
    locale,
  });
  return outcome.status === 'received' ? { status: 'received' } : { status: outcome.status, values };
}
