import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { getAdminContact } from '@/lib/data/contacts';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { can } from '@/lib/permissions';
import { orNotFound, type AdminPageProps } from '../../../../../page-utils';
import { eraseContactAction, withdrawConsentAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Privacy'))('title') };
}

export default async function ContactPrivacyPage({ params, searchParams }: AdminPageProps<{ id: string; contactId: string }>) {
  const { id, contactId } = await params;
  const search = await searchParams;
  const base = `/de/admin/organisationen/${id}/kontakte/${contactId}/datenschutz`;
  const actor = await requirePageUser(base);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const contact = await orNotFound(getAdminContact({ actor, id: contactId }));
  if (contact.organizationId !== org.id) notFound();
  const canWithdraw = can(actor, 'organization.propose', org);
  const canExport = can(actor, 'contact.exportPersonalData');
  const canErase = can(actor, 'contact.erasePersonalData');
  const label = contact.name ? `${contact.role} (${contact.name})` : contact.role;
  const isConfirming = search.schritt === 'loeschen' && canErase;
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Privacy');
  const { dateTime: dateTimeFormat } = adminFormats(locale);
  return (
    <div>
      <p>
        <Link href={`/de/admin/organisationen/${id}/kontakte/${contactId}`} className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">{t('heading', { label })}</h1>
      <div role="status">{search.widerrufen ? <p className="alert-success mb-4">{t('withdrawn')}</p> : null}</div>
      <p className="mb-4">{t('entry', { name: org.name })}</p>

      <section aria-labelledby="einwilligung">
        <h2 id="einwilligung" className="admin-h2">{t('consent')}</h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t('visibility')}</dt>
          <dd>{contact.visibility === 'PUBLIC' ? t('public') : t('internal')}</dd>
          <dt className="font-semibold">{t('givenOn')}</dt>
          <dd>{contact.consentGivenAt ? dateTimeFormat.format(contact.consentGivenAt) : t('noConsent')}</dd>
          <dt className="font-semibold">{t('scope')}</dt>
          <dd>{contact.consentScope ?? '–'}</dd>
          <dt className="font-semibold">{t('withdrawnOn')}</dt>
          <dd>{contact.consentWithdrawnAt ? dateTimeFormat.format(contact.consentWithdrawnAt) : t('notWithdrawn')}</dd>
        </dl>
        {canWithdraw && !contact.consentWithdrawnAt ? (
          <div className="mt-4">
            <p className="mb-2">{t('withdrawIntro')}</p>
            <ActionButton
              action={withdrawConsentAction.bind(null, id, contactId)}
              label={t('withdraw')}
              variant="danger"
              confirm={t('withdrawConfirm')}
            />
          </div>
        ) : null}
      </section>

      {canExport ? (
        <section aria-labelledby="auskunft">
          <h2 id="auskunft" className="admin-h2">{t('access')}</h2>
          <p className="mb-2">{t('accessIntro')}</p>
          <a href={`${base}/export`} className="btn-secondary" download>
            {t('download')}
          </a>
        </section>
      ) : null}

      {canErase ? (
        <section aria-labelledby="loeschung">
          <h2 id="loeschung" className="admin-h2">{t('erasure')}</h2>
          <p className="mb-2">{t('erasureIntro')}</p>
          {isConfirming ? (
            <div className="alert-error space-y-4">
              <p>
                <strong>{t('lastStep')}</strong> {t('confirmErase', { label })}
              </p>
              <EntityForm
                action={eraseContactAction.bind(null, id, contactId)}
                fields={[{ name: 'confirm', label: t('confirmLabel'), type: 'checkbox' }]}
                initialValues={{}}
                formId="loeschen"
                submitLabel={t('erase')}
              />
              <p>
                <Link href={base} className="admin-link">
                  {t('cancel')}
                </Link>
              </p>
            </div>
          ) : (
            <Link href={`${base}?schritt=loeschen#loeschung`} className="btn-danger">
              {t('erasePerson')}
            </Link>
          )}
        </section>
      ) : null}
    </div>
  );
}
