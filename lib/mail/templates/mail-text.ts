// What a mail template produces; lib/mail/send.ts adds recipient, kind and reference.
export interface MailText {
  subject: string;
  text: string;
}
