// Two-factor sign-in: set up (QR code for the authenticator app, first code, recovery codes),
// new recovery codes, turn off. Reachable by a coordinator's session that must set it up first
// (REQUIRE_ADMIN_MFA); every other admin page sends such a session here.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { RecoveryCodesForm } from '@/components/admin/recovery-codes-form';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { getCurrentSession, MFA_SETUP_PATH } from '@/lib/auth/session';
import { getSecondFactorStatus } from '@/lib/data/account-security';
import { adminFormats, adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { confirmSecondFactorAction, disableSecondFactorAction, regenerateRecoveryCodesAction, startSecondFactorAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale(), 'AccountSecurity')('secondFactorHeading'), referrer: 'no-referrer' };
}

export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const session = await getCurrentSession();
  if (!session) redirect(`/de/anmelden?callbackUrl=${encodeURIComponent(MFA_SETUP_PATH)}`);
  const [status, search, locale] = await Promise.all([getSecondFactorStatus({ actor: session.actor }), searchParams, getAdminLocale()]);
  const s = adminTranslator(locale, 'AccountSecurity');
  const { dateTime } = adminFormats(locale);
  const codeTexts = {
    codeLabel: s('codeLabel'),
    codeHint: s('codeHint'),
    saving: s('saving'),
    codesHeading: s('recoveryCodesHeading'),
    codesIntro: s('recoveryCodesIntro'),
    continueLabel: session.mustSetUpSecondFactor ? s('continueToAdmin') : s('done'),
    continueHref: session.mustSetUpSecondFactor ? '/de/admin' : MFA_SETUP_PATH,
  };
  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="admin-h1">{s('secondFactorHeading')}</h1>
      <div role="status">
        {session.mustSetUpSecondFactor ? <p className="alert-error">{s('requiredNotice')}</p> : null}
        {search.ausgeschaltet ? <p className="alert-success">{s('turnedOff')}</p> : null}
      </div>
      <p>{s('secondFactorIntro')}</p>

      {status.isEnabled ? (
        <>
          <p>{s('secondFactorOn', { date: dateTime.format(status.enabledAt!), left: status.recoveryCodesLeft })}</p>
          <section aria-labelledby="neue-codes" className="space-y-3">
            <h2 id="neue-codes" className="admin-h2">
              {s('newRecoveryCodesHeading')}
            </h2>
            <p>{s('newRecoveryCodesIntro')}</p>
            <RecoveryCodesForm action={regenerateRecoveryCodesAction} texts={{ ...codeTexts, submit: s('newRecoveryCodes') }} formId="neue-codes" />
          </section>
          <section aria-labelledby="ausschalten" className="space-y-3">
            <h2 id="ausschalten" className="admin-h2">
              {s('turnOffHeading')}
            </h2>
            {status.isRequired ? (
              <p>{s('turnOffNotAllowed')}</p>
            ) : (
              <EntityForm
                action={disableSecondFactorAction}
                formId="ausschalten"
                fields={[
                  { name: 'password', label: s('currentPassword'), type: 'password', isRequired: true, autoComplete: 'current-password' },
                  { name: 'code', label: s('codeLabel'), isRequired: true, autoComplete: 'one-time-code', hint: s('codeHint') },
                ]}
                initialValues={{}}
                submitLabel={s('turnOff')}
              />
            )}
          </section>
        </>
      ) : status.setup ? (
        <section id="einrichten" aria-labelledby="einrichten-heading" className="space-y-4">
          <h2 id="einrichten-heading" className="admin-h2">
            {s('setupHeading')}
          </h2>
          <ol className="list-decimal space-y-4 ps-6">
            <li>{s('stepApp')}</li>
            <li className="space-y-2">
              <p>{s('stepScan')}</p>
              <div
                role="img"
                aria-label={s('qrLabel')}
                className="w-56 max-w-full border border-slate-300 bg-white p-2"
                // Generated on the server from our own otpauth: URI (lib/auth/mfa.ts), no user input.
                dangerouslySetInnerHTML={{ __html: status.setup.qrSvg }}
              />
              <p>
                {s('manualKey')} <code className="break-all font-mono text-lg">{status.setup.secret}</code>
              </p>
            </li>
            <li className="space-y-2">
              <p>{s('stepCode')}</p>
              <RecoveryCodesForm action={confirmSecondFactorAction} texts={{ ...codeTexts, submit: s('turnOn') }} formId="bestaetigen" />
            </li>
          </ol>
          <ActionButton action={startSecondFactorAction} label={s('restartSetup')} />
        </section>
      ) : (
        <section className="space-y-3">
          <p>{status.isRequired ? s('secondFactorRequired') : s('secondFactorOff')}</p>
          <ActionButton action={startSecondFactorAction} label={s('startSetup')} variant="primary" />
        </section>
      )}

      {session.mustSetUpSecondFactor ? null : (
        <p>
          <Link href="/de/admin/konto" className="admin-link">
            {s('backToAccount')}
          </Link>
        </p>
      )}
    </div>
  );
}
