import '../../admin/admin.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminI18n } from '@/components/admin/admin-i18n';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { getCurrentUser } from '@/lib/auth/session';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { getInvitationForToken } from '@/lib/data/invitations';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { acceptInvitationAction, acceptInvitationForAccountAction } from '../actions';

type Search = Record<string, string | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale((await searchParams).lang), 'Auth')('invitationTitle'), referrer: 'no-referrer' };
}

// ?lang=en shows the page in English; the sign-in page after accepting keeps it.
export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { token = '', lang } = await searchParams;
  const [invitation, user] = await Promise.all([getInvitationForToken({ token }), getCurrentUser()]);
  const locale = await getAdminLocale(lang);
  const t = adminTranslator(locale, 'Auth');
  return (
    <AdminI18n locale={locale}>
      <div className="max-w-md space-y-4" lang={locale === 'de' ? undefined : locale}>
        <h1 className="admin-h1">{invitation?.organizations.length ? t('invitationTitleFor', { names: invitation.organizations.join(', ') }) : t('invitationTitle')}</h1>
        {invitation ? (
          <>
            {invitation.organizations.length ? (
              <div>
                <p>{t('invitationOrganizations')}</p>
                <ul className="list-disc ps-6">
                  {invitation.organizations.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {invitation.hasAccount ? (
              user?.email === invitation.email ? (
                <>
                  <p>{t('invitationForAccount', { email: invitation.email })}</p>
                  <ActionButton action={acceptInvitationForAccountAction.bind(null, token)} label={t('acceptInvitation')} variant="primary" />
                </>
              ) : user ? (
                <p className="alert-error">{t('invitationOtherAccount', { email: invitation.email })}</p>
              ) : (
                <>
                  <p>{t('invitationSignInFirst', { email: invitation.email })}</p>
                  <p>
                    <Link href={`/de/anmelden?callbackUrl=${encodeURIComponent(`/de/einladung?token=${token}${lang === 'en' ? '&lang=en' : ''}`)}${locale === 'de' ? '' : `&lang=${locale}`}`} className="btn-primary inline-flex">
                      {t('signIn')}
                    </Link>
                  </p>
                </>
              )
            ) : (
              <>
                <p>{t('invitationFor', { email: invitation.email })}</p>
                <EntityForm
                  action={acceptInvitationAction}
                  hidden={locale === 'de' ? { token } : { token, lang: locale }}
                  fields={[
                    { name: 'name', label: t('yourName'), isRequired: true, autoComplete: 'name', isWide: true },
                    { name: 'password', label: t('password'), type: 'password', isRequired: true, autoComplete: 'new-password', hint: t('passwordHint', { min: MIN_PASSWORD_LENGTH }), isWide: true },
                    { name: 'passwordConfirm', label: t('passwordConfirm'), type: 'password', isRequired: true, autoComplete: 'new-password', isWide: true },
                  ]}
                  initialValues={{ name: invitation.name ?? '' }}
                  submitLabel={t('setUpAccount')}
                  formId="einladung"
                />
              </>
            )}
          </>
        ) : (
          <p className="alert-error">{t('invitationInvalid')}</p>
        )}
      </div>
    </AdminI18n>
  );
}
