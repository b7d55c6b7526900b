// Notices about changes to the sign-in of an account, so that its owner notices a change they did
// not make. They carry no link and no secret. (German letters go on in lower case after the
// greeting's comma; English ones start a new sentence.)
import type { MailMessage } from '@/lib/mail/send';
import type { MailLocale } from './invitation';

export type SecurityEvent = 'password-changed' | 'second-factor-on' | 'second-factor-off' | 'second-factor-reset';

const TEXTS: Record<MailLocale, { subject: Record<SecurityEvent, string>; body: Record<SecurityEvent, string>; hello: (name: string) => string; closing: string }> = {
  de: {
    subject: {
      'password-changed': 'Ihr Passwort wurde geändert',
      'second-factor-on': 'Zwei-Faktor-Anmeldung eingeschaltet',
      'second-factor-off': 'Zwei-Faktor-Anmeldung ausgeschaltet',
      'second-factor-reset': 'Zwei-Faktor-Anmeldung zurückgesetzt',
    },
    body: {
      'password-changed': 'das Passwort Ihres Kontos wurde soeben geändert. Alle anderen Anmeldungen wurden beendet.',
      'second-factor-on': 'für Ihr Konto ist jetzt die Zwei-Faktor-Anmeldung mit einer Authenticator-App eingeschaltet.',
      'second-factor-off': 'für Ihr Konto wurde die Zwei-Faktor-Anmeldung ausgeschaltet.',
      'second-factor-reset': 'die Koordinierungsstelle hat die Zwei-Faktor-Anmeldung Ihres Kontos zurückgesetzt. Bei der nächsten Anmeldung richten Sie sie neu ein.',
    },
    hello: (name) => `Guten Tag ${name},`,
    closing: 'Waren Sie das nicht? Dann wenden Sie sich bitte sofort an die Koordinierungsstelle Integration.',
  },
  en: {
    subject: {
      'password-changed': 'Your password was changed',
      'second-factor-on': 'Two-factor sign-in turned on',
      'second-factor-off': 'Two-factor sign-in turned off',
      'second-factor-reset': 'Two-factor sign-in reset',
    },
    body: {
      'password-changed': 'The password of your account was just changed. All other sign-ins were ended.',
      'second-factor-on': 'Two-factor sign-in with an authenticator app is now turned on for your account.',
      'second-factor-off': 'Two-factor sign-in was turned off for your account.',
      'second-factor-reset': 'The coordination office reset the two-factor sign-in of your account. You will set it up again at your next sign-in.',
    },
    hello: (name) => `Hello ${name},`,
    closing: 'Was this not you? Then please contact the coordination office (Koordinierungsstelle Integration) at once.',
  },
};

export function accountSecurityMail({ locale, name, event }: { locale: MailLocale; name: string; event: SecurityEvent }): MailMessage {
  const t = TEXTS[locale];
  return {
    subject: `${t.subject[event]} – Netzwerk Integration Stendal`,
    text: [t.hello(name), '', t.body[event], '', t.closing].join('\n'),
  };
}
