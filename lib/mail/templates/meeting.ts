// The meeting mails (issue 14), German: invitation, update (moved or changed), cancellation and
// the reminder the day before. The calendar file travels as an attachment (lib/meetings/ics.ts);
// the answer link is personal and never stored (it is declared as the mail's secret).
import type { MailMessage } from '@/lib/mail/send';

export type MeetingMailKind = 'INVITATION' | 'UPDATE' | 'CANCELLATION' | 'REMINDER';

export interface MeetingMailInput {
  kind: MeetingMailKind;
  name: string | null;
  title: string;
  kindLabel: string;
  when: string;
  place: string | null;
  accessibilityNote: string | null;
  onlineUrl: string | null;
  agendaDeadline: string | null;
  answerUrl: string | null;
  senderName: string;
}

const SUBJECT: Record<MeetingMailKind, string> = {
  INVITATION: 'Einladung',
  UPDATE: 'Geänderter Termin',
  CANCELLATION: 'Abgesagt',
  REMINDER: 'Erinnerung: morgen',
};

const OPENING: Record<MeetingMailKind, string> = {
  INVITATION: 'wir laden Sie herzlich ein zum folgenden Treffen des Netzwerks Integration Stendal:',
  UPDATE: 'das folgende Treffen hat sich geändert. Bitte beachten Sie die neuen Angaben:',
  CANCELLATION: 'das folgende Treffen findet leider nicht statt:',
  REMINDER: 'wir erinnern Sie an das Treffen morgen:',
};

export function meetingMail(input: MeetingMailInput): MailMessage {
  const lines = [
    input.name ? `Guten Tag ${input.name},` : 'Guten Tag,',
    '',
    OPENING[input.kind],
    '',
    `${input.kindLabel}: ${input.title}`,
    `Wann: ${input.when}`,
    ...(input.place ? [`Wo: ${input.place}`] : []),
    ...(input.accessibilityNote ? [`Barrierefreiheit: ${input.accessibilityNote}`] : []),
    ...(input.onlineUrl ? [`Online: ${input.onlineUrl}`] : []),
    '',
  ];
  if (input.kind !== 'CANCELLATION') {
    lines.push('Den Termin finden Sie als Kalenderdatei (.ics) im Anhang; Ihr Kalenderprogramm kann ihn übernehmen.');
    if (input.answerUrl) {
      lines.push(
        '',
        'Bitte sagen Sie uns, ob Sie kommen (Ja, Nein oder Vielleicht, mit wie vielen Personen). Sie brauchen dafür kein Konto:',
        input.answerUrl,
        '',
        'Der Link ist persönlich. Er gilt bis zum Ende des Treffens; ein Link aus einer älteren E-Mail zu diesem Treffen gilt nicht mehr.',
      );
    }
    if (input.agendaDeadline && input.kind === 'INVITATION') lines.push('', `Mitgliedsorganisationen können bis ${input.agendaDeadline} Themen für die Tagesordnung vorschlagen (im Mitgliederbereich).`);
  } else {
    lines.push('Die Kalenderdatei im Anhang entfernt den Termin aus Ihrem Kalender.');
  }
  lines.push('', 'Viele Grüße', input.senderName, 'Koordinierungsstelle Netzwerk Integration Stendal');
  return {
    subject: `${SUBJECT[input.kind]}: ${input.title} – Netzwerk Integration Stendal`,
    text: lines.join('\n'),
    secrets: input.answerUrl ? [input.answerUrl] : [],
  };
}
