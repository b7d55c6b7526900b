// To the partner who proposed a change: it was approved or rejected. German and English, in the
// recipient's admin language (User.locale).
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import type { MailText } from './mail-text';

interface ChangeRequestReviewed {
  recipientName: string;
  organizationName: string;
  // What was proposed, in the recipient's language ("Angebot neu anlegen").
  change: string;
  reviewerName: string;
  isApproved: boolean;
  comment: string | null;
  url: string;
}

const TEXTS: Record<AdminLocale, (mail: ChangeRequestReviewed) => MailText> = {
  de: ({ recipientName, organizationName, change, reviewerName, isApproved, comment, url }) => ({
    subject: isApproved ? 'Ihre Änderung wurde übernommen – Netzwerk Integration Stendal' : 'Ihre Änderung wurde nicht übernommen – Netzwerk Integration Stendal',
    text: [
      `Guten Tag ${recipientName},`,
      '',
      isApproved
        ? `Ihre Änderung an „${organizationName}“ (${change}) wurde von ${reviewerName} geprüft und übernommen. Sie ist jetzt im Wegweiser sichtbar.`
        : `Ihre Änderung an „${organizationName}“ (${change}) wurde von ${reviewerName} geprüft und nicht übernommen.`,
      ...(comment ? ['', `${isApproved ? 'Hinweis' : 'Begründung'}: ${comment}`] : []),
      '',
      isApproved ? 'Details:' : 'Sie können die Angaben anpassen und erneut einreichen. Details:',
      url,
    ].join('\n'),
  }),
  en: ({ recipientName, organizationName, change, reviewerName, isApproved, comment, url }) => ({
    subject: isApproved ? 'Your change was accepted – Netzwerk Integration Stendal' : 'Your change was not accepted – Netzwerk Integration Stendal',
    text: [
      `Hello ${recipientName},`,
      '',
      isApproved
        ? `${reviewerName} has reviewed and accepted your change to “${organizationName}” (${change}). It is now visible in the directory.`
        : `${reviewerName} has reviewed your change to “${organizationName}” (${change}) and did not accept it.`,
      ...(comment ? ['', `${isApproved ? 'Note' : 'Reason'}: ${comment}`] : []),
      '',
      isApproved ? 'Details:' : 'You can adjust the details and submit them again. Details:',
      url,
    ].join('\n'),
  }),
};

export function changeRequestReviewedMail(locale: AdminLocale, mail: ChangeRequestReviewed): MailText {
  return TEXTS[locale](mail);
}
