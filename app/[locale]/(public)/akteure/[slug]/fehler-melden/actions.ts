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

export async function sendFeedbackAction(_state: FeedbackFormState, formData: FormData): Promise<FeedbackFormState> {
  const raw = {
    organizationSlug: String(formData.get('organizationSlug') ?? ''),
    message: String(formData.get('message') ?? ''),
    email: String(formData.get('email') ?? ''),
    website: String(formData.get('website') ?? ''),
  };
  const localeValue = String(formData.get('locale') ?? '');
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
