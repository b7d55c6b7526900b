// The confirm step of a consequential action (publish, unpublish, archive, delete). The button that
// starts the action is a link to the same page with `?bestaetigen=...#bestaetigen`; the page then
// shows this panel instead, naming the entry and what will happen, with the real form (a server
// action, authorized in lib/data as always) and "Abbrechen". A plain link and a plain form: it works
// without JavaScript. Server component.
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import type { FormState } from '@/components/forms/form-state';
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import { adminTranslator } from '@/lib/i18n/admin';

const CONFIRM_ANCHOR = 'bestaetigen';

// The link that opens the confirm step (styled like the button it replaces), e.g.
// confirmHref(base, { bestaetigen: 'archivieren' }).
export function confirmHref(base: string, params: Record<string, string>): string {
  return `${base}?${new URLSearchParams(params).toString()}#${CONFIRM_ANCHOR}`;
}

export function ConfirmAction({
  locale,
  title,
  subject,
  consequence,
  confirmLabel,
  action,
  cancelHref,
  variant = 'primary',
}: {
  locale: AdminLocale;
  title: string;
  // What is affected, e.g. "Eintrag: Caritas Stendal".
  subject: string;
  consequence: string;
  confirmLabel: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  cancelHref: string;
  variant?: 'primary' | 'danger';
}) {
  const t = adminTranslator(locale, 'Confirm');
  return (
    <section id={CONFIRM_ANCHOR} aria-labelledby={`${CONFIRM_ANCHOR}-titel`} className="confirm-panel mb-6">
      <h2 id={`${CONFIRM_ANCHOR}-titel`} className="admin-h2">{title}</h2>
      <p className="mb-2 font-semibold">{subject}</p>
      <p className="mb-4">{consequence}</p>
      <div className="flex flex-wrap items-start gap-2">
        <ActionButton action={action} label={confirmLabel} variant={variant} />
        <Link href={cancelHref} className="btn-secondary">{t('cancel')}</Link>
      </div>
    </section>
  );
}
