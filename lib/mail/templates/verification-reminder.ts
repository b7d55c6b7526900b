// "Is your entry still correct?": to the entry's partners (in their admin language, User.locale)
// or to its functional address (German).
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import type { MailText } from './mail-text';

interface VerificationReminder {
  organizationName: string;
  confirmUrl: string;
  editUrl: string;
  expiresAt: Date;
}

const until = (date: Date, tag: string) => date.toLocaleDateString(tag, { timeZone: 'Europe/Berlin', dateStyle: 'long' });

const TEXTS: Record<AdminLocale, (mail: VerificationReminder) => MailText> = {
  de: ({ organizationName, confirmUrl, editUrl, expiresAt }) => ({
    subject: `Bitte prüfen: ${organizationName}`,
    text: [
      'Guten Tag,',
      '',
      `der Eintrag „${organizationName}“ im Wegweiser des Netzwerks Integration Stendal sollte wieder geprüft werden.`,
      '',
      'Alles ist noch richtig? Dann bestätigen Sie das bitte mit einem Klick (ohne Anmeldung):',
      confirmUrl,
      '',
      'Etwas hat sich geändert? Dann melden Sie sich an und bearbeiten Sie den Eintrag:',
      editUrl,
      '',
      `Der Bestätigungslink gilt einmal und bis zum ${until(expiresAt, 'de-DE')}.`,
      '',
      'Vielen Dank!',
      'Koordinierungsstelle Integration des Landkreises Stendal',
    ].join('\n'),
  }),
  en: ({ organizationName, confirmUrl, editUrl, expiresAt }) => ({
    subject: `Please check: ${organizationName}`,
    text: [
      'Hello,',
      '',
      `the entry “${organizationName}” in the directory of the Netzwerk Integration Stendal is due to be checked again.`,
      '',
      'Is everything still correct? Then please confirm it with one click (no sign-in needed):',
      confirmUrl,
      '',
      'Has something changed? Then sign in and edit the entry:',
      editUrl,
      '',
      `The confirmation link works once and until ${until(expiresAt, 'en-GB')}.`,
      '',
      'Thank you!',
      'Coordination office for integration, district of Stendal',
    ].join('\n'),
  }),
};

export function verificationReminderMail(locale: AdminLocale, mail: VerificationReminder): MailText {
  return TEXTS[locale](mail);
}
