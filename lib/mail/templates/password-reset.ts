// "Forgot password": the reset link, in the account's admin language (User.locale).
import type { MailMessage } from '@/lib/mail/send';
import type { MailLocale } from './invitation';

export function passwordResetMail({ locale, name, link, validMinutes }: { locale: MailLocale; name: string; link: string; validMinutes: number }): MailMessage {
  if (locale === 'en') {
    return {
      subject: 'Reset your password – Netzwerk Integration Stendal',
      text: [
        `Hello ${name},`,
        '',
        'You (or someone else) asked for a new password. Open this link to choose it:',
        link,
        '',
        `The link is valid for ${validMinutes} minutes and can be used once. If you did not ask for it, ignore this e-mail: your password stays as it is.`,
      ].join('\n'),
      secrets: [link],
    };
  }
  return {
    subject: 'Passwort zurücksetzen – Netzwerk Integration Stendal',
    text: [
      `Guten Tag ${name},`,
      '',
      'Sie (oder jemand anderes) haben ein neues Passwort angefordert. Über diesen Link legen Sie es fest:',
      link,
      '',
      `Der Link gilt ${validMinutes} Minuten und nur einmal. Wenn Sie nichts angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.`,
    ].join('\n'),
    secrets: [link],
  };
}
