// Meetings (issue 14): one schema per input, shared by the admin forms, the answer page and the
// data layer. Times arrive as Berlin wall times from <input type="datetime-local">.
import { z } from 'zod';
import { berlinLocalToUtc } from '@/lib/format/berlin-time';
import { checkbox, msg, optionalId, optionalText, optionalUrl, requiredDate, requiredText } from './common';

export const MEETING_KINDS = ['NETWORK_MEETING', 'WORKING_GROUP', 'ROUND_TABLE', 'OTHER'] as const;
const MEETING_ANSWERS = ['YES', 'NO', 'MAYBE'] as const;

const meetingMsg = {
  dateTime: 'Bitte geben Sie Datum und Uhrzeit ein (TT.MM.JJJJ, HH:MM).',
  dateTimeGap: 'Diese Uhrzeit gibt es an diesem Tag nicht (Zeitumstellung). Bitte wählen Sie eine andere.',
  endBeforeStart: 'Das Ende muss nach dem Beginn liegen.',
  tooLong: 'Ein Treffen kann höchstens 7 Tage dauern.',
  place: 'Bitte geben Sie einen Ort an (Standort, Ortsangabe oder Online-Link).',
  kind: 'Bitte wählen Sie die Art des Treffens.',
  deadline: 'Die Frist für Vorschläge muss vor dem Beginn liegen.',
  nobody: 'Bitte wählen Sie einen Verteiler, Organisationen oder Kontakte.',
  answer: 'Bitte wählen Sie „Ja“, „Nein“ oder „Vielleicht“.',
  people: 'Bitte geben Sie eine Zahl von 1 bis 50 ein.',
  agendaDecision: 'Bitte wählen Sie „annehmen“ oder „ablehnen“.',
  documentSource: 'Bitte wählen Sie eine Datei oder geben Sie einen Link an.',
};

const berlinDateTime = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: meetingMsg.dateTime })
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, meetingMsg.dateTime)
      .transform((value, context) => {
        const instant = berlinLocalToUtc(value);
        if (!instant) {
          context.addIssue({ code: 'custom', message: meetingMsg.dateTimeGap });
          return z.NEVER;
        }
        return instant;
      }),
  );

const optionalBerlinDateTime = () => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), berlinDateTime().optional());

export const meetingInputSchema = z
  .object({
    title: requiredText(200),
    kind: z.enum(MEETING_KINDS, { error: meetingMsg.kind }),
    description: z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : v ?? ''), z.string().max(20_000, msg.tooLong(20_000))),
    startsAt: berlinDateTime(),
    endsAt: berlinDateTime(),
    locationId: optionalId(),
    placeText: optionalText(300),
    accessibilityNote: optionalText(1000),
    onlineUrl: optionalUrl(),
    agendaDeadline: optionalBerlinDateTime(),
  })
  .refine((m) => m.endsAt > m.startsAt, { path: ['endsAt'], message: meetingMsg.endBeforeStart })
  .refine((m) => m.endsAt.getTime() - m.startsAt.getTime() <= 7 * 86_400_000, { path: ['endsAt'], message: meetingMsg.tooLong })
  .refine((m) => Boolean(m.locationId || m.placeText || m.onlineUrl), { path: ['placeText'], message: meetingMsg.place })
  .refine((m) => !m.agendaDeadline || m.agendaDeadline <= m.startsAt, { path: ['agendaDeadline'], message: meetingMsg.deadline });

const ids = () =>
  z
    .preprocess((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== '')), z.array(z.uuid({ error: msg.choice })).max(2000))
    .transform((list) => [...new Set(list)]);

export const meetingInviteSchema = z
  .object({
    listId: optionalId(),
    organizationIds: ids(),
    contactIds: ids(),
  })
  .refine((i) => Boolean(i.listId) || i.organizationIds.length > 0 || i.contactIds.length > 0, { path: ['listId'], message: meetingMsg.nobody });

export const meetingAnswerSchema = z.object({
  answer: z.enum(MEETING_ANSWERS, { error: meetingMsg.answer }),
  peopleCount: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : /^\d+$/.test(v.trim()) ? Number(v.trim()) : v) : v ?? null),
    z.number({ error: meetingMsg.people }).int(meetingMsg.people).min(1, meetingMsg.people).max(50, meetingMsg.people).nullable(),
  ),
  note: optionalText(1000),
});

export const agendaProposalSchema = z.object({
  title: requiredText(200),
  description: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v ?? ''), z.string().max(2000, msg.tooLong(2000))),
  organizationId: optionalId(),
});

export const agendaDecisionSchema = z.object({
  status: z.enum(['ACCEPTED', 'REJECTED', 'PROPOSED'], { error: meetingMsg.agendaDecision }),
  sortOrder: z.preprocess((v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v ?? 0), z.number({ error: msg.number }).int(msg.number).min(0).max(999)),
});

export const attendanceSchema = z.object({ presentIds: ids() });

const markdown = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trimEnd() : v ?? ''), z.string().max(max, msg.tooLong(max)));

export const minutesSchema = z.object({
  minutesReports: markdown(50_000),
  minutesProblems: markdown(50_000),
  minutesDecisions: markdown(50_000),
  publish: checkbox(),
});

export const meetingTaskSchema = z.object({
  title: requiredText(300),
  organizationId: z.uuid({ error: msg.choice }),
  dueDate: requiredDate(),
  note: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v ?? ''), z.string().max(2000, msg.tooLong(2000))),
});

// What a member may change on a task of its organization: done or not, and the note.
export const meetingTaskProgressSchema = z.object({
  isDone: checkbox(),
  note: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v ?? ''), z.string().max(2000, msg.tooLong(2000))),
});

export const meetingDocumentLinkSchema = z.object({ title: requiredText(200), url: optionalUrl() }).refine((d) => Boolean(d.url), { path: ['url'], message: meetingMsg.documentSource });

export const meetingDocumentFileSchema = z.object({ title: requiredText(200) });
