// A partner's own pending proposal on the record's edit page: which fields wait for review, with the
// proposed value and the value public now; the form is prefilled with the proposal, so saving again
// amends it (lib/data/change-requests/propose.ts), and the proposal can be withdrawn. Server component.
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import type { FieldSpec } from '@/components/forms/form-state';
import type { OwnPendingProposal } from '@/lib/data/change-requests/own-pending';
import { adminFormats, adminTranslator } from '@/lib/i18n/admin';
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import { withdrawChangeRequestAction } from '@/app/[locale]/admin/aenderungen/actions';

export function PendingProposal({ locale, proposal, organizationId }: { locale: AdminLocale; proposal: OwnPendingProposal; organizationId: string }) {
  const t = adminTranslator(locale, 'PendingProposal');
  const { dateTime } = adminFormats(locale);
  return (
    <section aria-labelledby="wartender-vorschlag" className="mb-6 rounded border-2 border-amber-700 bg-amber-50 p-3" data-pending-proposal={proposal.id}>
      <h2 id="wartender-vorschlag" className="admin-h2">{t('heading')}</h2>
      <p className="mb-2">{t('intro', { date: dateTime.format(proposal.createdAt) })}</p>
      <ul className="mb-2 list-disc ps-6">
        {proposal.fields.map((row) => (
          <li key={row.field} data-pending-field={row.field}>
            {t('field', { label: row.label, after: row.after ?? t('empty'), before: row.before ?? t('empty') })}
          </li>
        ))}
      </ul>
      <p className="mb-2">{t('amend')}</p>
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/de/admin/aenderungen/${proposal.id}`} className="admin-link">{t('view')}</Link>
        <Link href={`/de/vorschau/${organizationId}?vorschlag=${proposal.id}`} className="admin-link" data-preview-link>{adminTranslator(locale, 'Preview')('withProposal')}</Link>
        <ActionButton action={withdrawChangeRequestAction.bind(null, proposal.id)} label={t('withdraw')} confirm={t('withdrawConfirm')} variant="danger" />
      </div>
    </section>
  );
}

// The form's fields with a "waiting for review" hint on each field the proposal changes.
export function markPendingFields(locale: AdminLocale, fields: FieldSpec[], proposal: OwnPendingProposal | null): FieldSpec[] {
  if (!proposal) return fields;
  const t = adminTranslator(locale, 'PendingProposal');
  const pending = new Map(proposal.fields.map((row) => [row.field, row]));
  return fields.map((spec) => {
    const row = pending.get(spec.name);
    if (!row) return spec;
    const marker = t('hint', { before: row.before ?? t('empty') });
    return { ...spec, hint: spec.hint ? `${marker} ${spec.hint}` : marker };
  });
}
