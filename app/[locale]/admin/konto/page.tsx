import type { Metadata } from 'next';
import Link from 'next/link';
import { EntityForm } from '@/components/forms/entity-form';
import { ActionButton } from '@/components/forms/action-button';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { getCurrentSession, MFA_SETUP_PATH, requirePageUser } from '@/lib/auth/session';
import { getOwnAccount } from '@/lib/data/account';
import { getSecondFactorStatus, listOwnSessions } from '@/lib/data/account-security';
import { adminFormats, adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { changePasswordAction, endSessionAction, updateAccountAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale(), 'Account')('title') };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/konto');
  const session = (await getCurrentSession())!;
  const [account, search, locale, sessions, secondFactor] = await Promise.all([
    getOwnAccount({ actor }),
    searchParams,
    getAdminLocale(),
    listOwnSessions({ actor, currentSessionId: session.sessionId }),
    getSecondFactorStatus({ actor }),
  ]);
  const t = adminTranslator(locale, 'Account');
  const s = adminTranslator(locale, 'AccountSecurity');
  const { dateTime } = adminFormats(locale);
  const others = sessions.filter((entry) => !entry.isCurrent);
  return (
    <div className="space-y-10">
      <section>
        <h1 className="admin-h1">{t('title')}</h1>
        <div role="status">
          {search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}
          {search.abgemeldet ? <p className="alert-success mb-4">{s('sessionsEnded')}</p> : null}
        </div>
        <p className="mb-2">{t('email', { email: account.email })}</p>
        <p className="mb-4">{t('intro')}</p>
        <EntityForm
          action={updateAccountAction}
          fields={[
            { name: 'name', label: t('name'), isRequired: true, autoComplete: 'name' },
            {
              name: 'locale',
              label: t('locale'),
              type: 'select',
              isRequired: true,
              // Each language in its own name, so everyone finds theirs.
              options: [
                { value: 'de', label: t('localeDe') },
                { value: 'en', label: t('localeEn') },
              ],
            },
          ]}
          initialValues={{ name: account.name, locale: account.locale }}
          formId="konto"
          submitLabel={t('submit')}
        />
      </section>

      <section aria-labelledby="passwort-heading">
        <h2 id="passwort-heading" className="admin-h2">
          {s('passwordHeading')}
        </h2>
        <p className="mb-4">{s('passwordIntro')}</p>
        <EntityForm
          action={changePasswordAction}
          fields={[
            { name: 'currentPassword', label: s('currentPassword'), type: 'password', isRequired: true, autoComplete: 'current-password', isWide: true },
            { name: 'password', label: s('newPassword'), type: 'password', isRequired: true, autoComplete: 'new-password', hint: s('passwordHint', { min: MIN_PASSWORD_LENGTH }) },
            { name: 'passwordConfirm', label: s('passwordConfirm'), type: 'password', isRequired: true, autoComplete: 'new-password' },
          ]}
          initialValues={{}}
          formId="passwort"
          submitLabel={s('changePassword')}
        />
      </section>

      <section aria-labelledby="zwei-faktor-heading">
        <h2 id="zwei-faktor-heading" className="admin-h2">
          {s('secondFactorHeading')}
        </h2>
        <p className="mb-2">
          {secondFactor.isEnabled
            ? s('secondFactorOn', { date: dateTime.format(secondFactor.enabledAt!), left: secondFactor.recoveryCodesLeft })
            : secondFactor.isRequired
              ? s('secondFactorRequired')
              : s('secondFactorOff')}
        </p>
        <p>
          <Link href={MFA_SETUP_PATH} className="admin-link">
            {secondFactor.isEnabled ? s('manageSecondFactor') : s('setUpSecondFactor')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="anmeldungen">
        <h2 id="anmeldungen" className="admin-h2">
          {s('sessionsHeading')}
        </h2>
        <p className="mb-4">{s('sessionsIntro')}</p>
        <ul className="space-y-3">
          {sessions.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-center gap-3">
              <span>
                <strong>{entry.userAgent || s('unknownBrowser')}</strong>
                {entry.isCurrent ? ` (${s('thisBrowser')})` : ''} · {s('signedInAt', { date: dateTime.format(entry.createdAt) })} ·{' '}
                {s('lastSeen', { date: dateTime.format(entry.lastSeenAt) })}
              </span>
              {entry.isCurrent ? null : (
                <ActionButton action={endSessionAction.bind(null, entry.id)} label={s('endSession', { browser: entry.userAgent || s('unknownBrowser') })} />
              )}
            </li>
          ))}
        </ul>
        {others.length > 1 ? (
          <div className="mt-4">
            <ActionButton action={endSessionAction.bind(null, undefined)} label={s('endOtherSessions')} variant="danger" />
          </div>
        ) : null}
      </section>
    </div>
  );
}
