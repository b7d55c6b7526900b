// Public events (issue 14 point 4): one schema for the coordinators' form, the partners' proposal
// and the data function. Times are typed as Berlin wall-clock time ("2026-12-10T18:00").
import { z } from 'zod';
import { berlinLocalToUtc } from '@/lib/format/berlin-time';
import { checkbox, idList, languageCodeList, optionalId, optionalText, optionalUrl, requiredText } from './common';

const DATE_TIME_MESSAGE = 'Bitte geben Sie Datum und Uhrzeit ein (z. B. 10.12.2026, 18:00).';

const berlinDateTime = () =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : value),
    z
      .string({ error: DATE_TIME_MESSAGE })
      .min(1, DATE_TIME_MESSAGE)
      .transform((value, ctx) => {
        const instant = berlinLocalToUtc(value.slice(0, 16));
        if (!instant) {
          ctx.addIssue({ code: 'custom', message: DATE_TIME_MESSAGE });
          return z.NEVER;
        }
        return instant;
      }),
  );

const optionalBerlinDateTime = () =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), berlinDateTime().nullable()).optional();

const eventFields = {
  title: requiredText(200),
  description: optionalText(6000),
  startsAt: berlinDateTime(),
  endsAt: optionalBerlinDateTime(),
  organizerId: z.uuid({ error: 'Bitte wählen Sie die veranstaltende Organisation.' }),
  locationId: optionalId(),
  placeName: optionalText(200),
  placeAddress: optionalText(300),
  town: optionalText(100),
  onlineUrl: optionalUrl(),
  languageCodes: languageCodeList(),
  isFree: checkbox(),
  cost: optionalText(300),
  registrationRequired: checkbox(),
  registrationInfo: optionalText(1000),
  registrationUrl: optionalUrl(),
  registrationUntil: optionalBerlinDateTime(),
  isCancelled: checkbox(),
  termIds: idList(),
  // Coordinators only: a partner's proposal never carries it (approval publishes).
  isPublished: checkbox(),
};

type EventTimes = { startsAt?: Date; endsAt?: Date | null };
const endAfterStart = (value: EventTimes) => !value.startsAt || !value.endsAt || value.endsAt > value.startsAt;
const END_MESSAGE = { message: 'Das Ende muss nach dem Beginn liegen.', path: ['endsAt'] };

export const eventInputSchema = z.object(eventFields).refine(endAfterStart, END_MESSAGE);
export const eventPartialSchema = z.object(eventFields).partial().refine(endAfterStart, END_MESSAGE);
export type EventInput = z.infer<typeof eventInputSchema>;

export const EVENT_ARRAY_FIELDS = ['languageCodes', 'termIds'] as const;
export const eventShape = eventFields;
