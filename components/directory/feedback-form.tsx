'use client';
// The "report a mistake" form. Works without JavaScript too (the server action answers the post).
import { useActionState } from 'react';
import {
  sendFeedbackAction,
  type FeedbackFormState,
} from '@/app/[locale]/(public)/akteure/[slug]/fehler-melden/actions';

const inputClass =
  'mt-1 block w-full rounded-md border-2 border-slate-500 px-3 py-2 text-base aria-[invalid=true]:border-red-700';

// `messages`: the Feedback namespace of the visitor's catalogue, passed by the server page (no
// client-side message runtime on public pages).
export function FeedbackForm({
  organizationSlug,
  locale,
  messages,
}: {
  organizationSlug: string;
  locale: string;
  messages: Record<string, string>;
}) {
  const t = (key: string) => messages[key] ?? key;
  const [state, formAction, isPending] = useActionState<FeedbackFormState, FormData>(sendFeedbackAction, {
    status: 'idle',
  });
  if (state.status === 'received') {
    return (
      <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 text-green-900">
        {t('success')}
      </p>
    );
  }
  const errors = state.fieldErrors ?? {};
  const notice =
    state.status === 'rate-limited' ? t('rateLimited') : state.status === 'not-found' ? t('notFound') : state.status === 'error' ? t('errorSummary') : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {notice ? (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          {notice}
        </p>
      ) : null}
      <input type="hidden" name="organizationSlug" value={organizationSlug} />
      <input type="hidden" name="locale" value={locale} />
      <div>
        <label htmlFor="feedback-message" className="block font-semibold">
          {t('messageLabel')}
        </label>
        <p id="feedback-message-hint" className="text-sm text-slate-700">
          {t('messageHint')}
        </p>
        <textarea
          id="feedback-message"
          name="message"
          rows={6}
          required
          maxLength={2000}
          defaultValue={state.values?.message}
          aria-invalid={errors.message ? true : undefined}
          aria-describedby={errors.message ? 'feedback-message-hint feedback-message-error' : 'feedback-message-hint'}
          className={inputClass}
        />
        {errors.message ? (
          <p id="feedback-message-error" className="mt-1 font-semibold text-red-800">
            {t(errors.message)}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="feedback-email" className="block font-semibold">
          {t('emailLabel')}
        </label>
        <p id="feedback-email-hint" className="text-sm text-slate-700">
          {t('emailHint')}
        </p>
        <input
          id="feedback-email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.values?.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'feedback-email-hint feedback-email-error' : 'feedback-email-hint'}
          className={inputClass}
        />
        {errors.email ? (
          <p id="feedback-email-error" className="mt-1 font-semibold text-red-800">
            {t(errors.email)}
          </p>
        ) : null}
      </div>
      {/* Honeypot: invisible (clipped to nothing, not moved off-screen, which would widen a
          right-to-left page), skipped by keyboard and screen readers; bots fill it in. */}
      <div className="sr-only" aria-hidden="true">
        <label htmlFor="feedback-website">{t('honeypotLabel')}</label>
        <input id="feedback-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button
        type="submit"
        disabled={isPending}
        className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {isPending ? t('sending') : t('submit')}
      </button>
    </form>
  );
}
