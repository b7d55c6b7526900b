import '../../admin/admin.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthI18n } from '@/components/admin/auth-i18n';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { getCurrentUser } from '@/lib/auth/session';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { getInvitationForToken } from '@/lib/data/invitations';
import { authHref, authLangAttributes, authTranslator, getAuthLocale } from '@/lib/i18n/auth';
import { acceptInvitationAction, acceptInvitationForAccountAction } from '../actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return { title: authTranslator(await getAuthLocale((await params).locale, (await searchParams).lang))('invitationTitle'), referrer: 'no-referrer' };
}

// In the URL's language or ?lang= (the invitation mail's language). Setting the password signs the
// new user in (actions.ts); an existing account signs in first and comes back here.
export default async function AcceptInvitationPage({ params, searchParams }: Props) {
  const { token = '', lang } = await searchParams;
  const [invitation, user] = await Promise.all([getInvitationForToken({ token }), getCurrentUser()]);
  const locale = await getAuthLocale((await params).locale, lang);
  const t = authTranslator(locale);
  return (
    <AuthI18n locale={locale}>
      <div className="max-w-md space-y-4" {...authLangAttributes(locale)}>
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
                    <Link href={`${authHref(locale, '/anmelden')}?callbackUrl=${encodeURIComponent(`${authHref(locale, '/einladung')}?token=${token}`)}`} className="btn-primary inline-flex">
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
                  hidden={{ token, lang: locale }}
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
    </AuthI18n>
  );
}
