// The invitation mail, in the recipient's language (the inviter chooses German or English). Names
// the organizations the person is invited to. For an address that already has an account (a
// partner inviting a colleague must not learn that) the same link adds the organizations to it.
import type { MailMessage } from '@/lib/mail/send';

export type MailLocale = 'de' | 'en';

export interface InvitationMailInput {
  locale: MailLocale;
  name: string | null;
  inviterName: string;
  role: 'ADMIN' | 'PARTNER';
  organizations: string[];
  link: string;
  hasAccount: boolean;
  isResend?: boolean;
  validDays: number;
}

// The subject names the entries a partner is invited to (the first two, then "…").
function named(organizations: string[], role: 'ADMIN' | 'PARTNER', open: string, close: string): string {
  if (role !== 'PARTNER' || organizations.length === 0) return '';
  const shown = organizations.slice(0, 2).map((name) => `${open}${name}${close}`).join(', ');
  return `: ${shown}${organizations.length > 2 ? ', …' : ''}`;
}

function list(items: string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

export function invitationMail(input: InvitationMailInput): MailMessage {
  const { locale, name, inviterName, role, organizations, link, hasAccount, isResend, validDays } = input;
  if (locale === 'en') {
    const what =
      role === 'ADMIN'
        ? 'to work as a coordinator in the Netzwerk Integration Stendal (integration network of the district of Stendal).'
        : `to keep the following ${organizations.length === 1 ? 'entry' : 'entries'} in the Netzwerk Integration Stendal directory up to date:`;
    return {
      subject: `${isResend ? 'Invitation (sent again)' : 'Invitation'}${named(organizations, role, '“', '”')} – Netzwerk Integration Stendal`,
      text: [
        name ? `Hello ${name},` : 'Hello,',
        '',
        `${inviterName} invites you ${what}`,
        ...(role === 'PARTNER' ? [list(organizations)] : []),
        '',
        hasAccount
          ? 'You already have an account with this e-mail address. Open this link and sign in to accept:'
          : 'Open this link to choose your password and set up your account:',
        link,
        '',
        `The link is valid for ${validDays} days and can be used once. If you did not expect this invitation, you can ignore this e-mail.`,
      ].join('\n'),
      secrets: [link],
    };
  }
  const what =
    role === 'ADMIN'
      ? 'als Koordinator*in im Netzwerk Integration Stendal mitzuarbeiten.'
      : `${organizations.length === 1 ? 'diesen Eintrag' : 'diese Einträge'} im Wegweiser des Netzwerks Integration Stendal aktuell zu halten:`;
  return {
    subject: `${isResend ? 'Einladung (erneut)' : 'Einladung'}${named(organizations, role, '„', '“')} – Netzwerk Integration Stendal`,
    text: [
      name ? `Guten Tag ${name},` : 'Guten Tag,',
      '',
      `${inviterName} lädt Sie ein, ${what}`,
      ...(role === 'PARTNER' ? [list(organizations)] : []),
      '',
      hasAccount
        ? 'Sie haben mit dieser E-Mail-Adresse schon ein Konto. Öffnen Sie diesen Link und melden Sie sich an, um die Einladung anzunehmen:'
        : 'Über diesen Link legen Sie Ihr Passwort fest und richten Ihr Konto ein:',
      link,
      '',
      `Der Link gilt ${validDays} Tage und nur einmal. Wenn Sie keine Einladung erwartet haben, ignorieren Sie diese E-Mail.`,
    ].join('\n'),
    secrets: [link],
  };
}
