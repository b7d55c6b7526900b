import { z } from 'zod';
import {
  checkbox,
  idList,
  languageCodeList,
  optionalDate,
  optionalEmail,
  optionalFloat,
  optionalId,
  optionalInt,
  optionalPhone,
  optionalText,
  optionalUrl,
  requiredDate,
  requiredText,
  timeOfDay,
} from './common';
import { keywordList } from './keywords';

export const organizationInputSchema = z.object({
  name: requiredText(200),
  shortName: optionalText(60),
  description: optionalText(5000),
  categoryId: optionalId(),
  parentId: optionalId(),
  website: optionalUrl(),
  email: optionalEmail(),
  phone: optionalPhone(),
  isCoordinationOffice: checkbox(),
  reviewIntervalMonths: optionalInt(1, 60),
  sortOrder: optionalInt(-1000, 1000),
  topicIds: idList(),
  // Suchbegriffe per UI language (lib/schemas/keywords.ts); stored together in Organization.keywords.
  keywords_de: keywordList(),
  keywords_en: keywordList(),
  keywords_ar: keywordList(),
  keywords_uk: keywordList(),
  keywords_ru: keywordList(),
});
export type OrganizationInput = z.infer<typeof organizationInputSchema>;

// Fields that shape the network rather than one entry's facts: only coordinators set them. Partners'
// direct edits (trusted organizations) and proposals leave them out.
export const COORDINATOR_ONLY_ORGANIZATION_FIELDS = ['isCoordinationOffice', 'reviewIntervalMonths', 'sortOrder', 'parentId'] as const;

export function withoutCoordinatorOnlyFields<T extends Record<string, unknown>>(values: T): T {
  const result = { ...values };
  for (const field of COORDINATOR_ONLY_ORGANIZATION_FIELDS) delete result[field];
  return result;
}
export const ORGANIZATION_ARRAY_FIELDS = ['topicIds'] as const;

const serviceBaseSchema = z.object({
    name: requiredText(200),
    description: optionalText(5000),
    minAge: optionalInt(0, 120),
    maxAge: optionalInt(0, 120),
    eligibility: optionalText(1000),
    cost: optionalText(500),
    howToApply: optionalText(1000),
    appointmentRequired: checkbox(),
    interpretationOffered: checkbox(),
    status: z.enum(['ACTIVE', 'TEMPORARILY_CLOSED'], { error: 'Bitte wählen Sie einen Status.' }).optional(),
    alertText: optionalText(500),
    sortOrder: optionalInt(-1000, 1000),
    termIds: idList(),
    locationIds: idList(),
    languageCodes: languageCodeList(),
  });
const ageCheck = (s: { minAge?: number | null; maxAge?: number | null }) => s.minAge == null || s.maxAge == null || s.minAge <= s.maxAge;
const ageMessage = { path: ['maxAge'], message: 'Das Höchstalter muss mindestens so hoch sein wie das Mindestalter.' };
export const serviceInputSchema = serviceBaseSchema.refine(ageCheck, ageMessage);
// Partial updates (one field restored from history).
export const servicePartialSchema = serviceBaseSchema.partial().refine(ageCheck, ageMessage);
export type ServiceInput = z.infer<typeof serviceInputSchema>;
export const SERVICE_ARRAY_FIELDS = ['termIds', 'locationIds', 'languageCodes'] as const;

export const locationInputSchema = z.object({
  name: optionalText(200),
  street: optionalText(200),
  postalCode: z
    .preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v), z.string().regex(/^\d{5}$/, 'Bitte geben Sie eine fünfstellige Postleitzahl ein.').nullable())
    .optional(),
  city: optionalText(100),
  municipality: optionalText(100),
  latitude: optionalFloat(-90, 90),
  longitude: optionalFloat(-180, 180),
  wheelchairAccessible: z
    .preprocess((v) => (v === 'yes' ? true : v === 'no' ? false : v === '' || v === 'unknown' ? null : v), z.boolean().nullable())
    .optional(),
  accessibilityNote: optionalText(500),
  transportNote: optionalText(500),
  sortOrder: optionalInt(-1000, 1000),
});
export type LocationInput = z.infer<typeof locationInputSchema>;

const CONSENT_STATES = ['none', 'given', 'withdrawn'] as const;
type ConsentState = (typeof CONSENT_STATES)[number];

// The consent state of a contact person, from the stored moments (forms and proposals show it).
export function consentState({ consentGivenAt, consentWithdrawnAt }: { consentGivenAt: Date | null; consentWithdrawnAt: Date | null }): ConsentState {
  return consentWithdrawnAt ? 'withdrawn' : consentGivenAt ? 'given' : 'none';
}

const contactBaseSchema = z.object({
    serviceId: optionalId(),
    role: requiredText(200),
    name: optionalText(200),
    email: optionalEmail(),
    phone: optionalPhone(),
    mobile: optionalPhone(),
    visibility: z.enum(['PUBLIC', 'NETWORK_INTERNAL'], { error: 'Bitte wählen Sie die Sichtbarkeit.' }).optional(),
    consent: z.enum(CONSENT_STATES, { error: 'Bitte wählen Sie den Stand der Einwilligung.' }).optional(),
    consentScope: optionalText(500),
    sortOrder: optionalInt(-1000, 1000),
    languageCodes: languageCodeList(),
  });
const consentCheck = (c: { consent?: string; consentScope?: string | null }) => c.consent !== 'given' || Boolean(c.consentScope);
const consentMessage = { path: ['consentScope'], message: 'Bitte beschreiben Sie, wozu die Person eingewilligt hat.' };
export const contactInputSchema = contactBaseSchema.refine(consentCheck, consentMessage);
export const contactPartialSchema = contactBaseSchema.partial().refine(consentCheck, consentMessage);
export type ContactInput = z.infer<typeof contactInputSchema>;
export const CONTACT_ARRAY_FIELDS = ['languageCodes'] as const;

export const scheduleInputSchema = z
  .object({
    serviceId: optionalId(),
    locationId: optionalId(),
    // A contact person's own hours, with the languages offered in this slot.
    contactPersonId: optionalId(),
    languageCodes: languageCodeList(),
    weekday: z.coerce.number({ error: 'Bitte wählen Sie einen Wochentag.' }).int().min(1, 'Bitte wählen Sie einen Wochentag.').max(7, 'Bitte wählen Sie einen Wochentag.'),
    opensAt: timeOfDay(),
    closesAt: timeOfDay(),
    appointmentOnly: checkbox(),
    // "Nur nach Vereinbarung": where to book an appointment.
    bookingUrl: optionalUrl(),
    validFrom: optionalDate(),
    validTo: optionalDate(),
    note: optionalText(300),
  })
  .refine((s) => s.closesAt > s.opensAt, { path: ['closesAt'], message: 'Das Ende muss nach dem Beginn liegen.' })
  .refine((s) => !s.validFrom || !s.validTo || s.validFrom <= s.validTo, {
    path: ['validTo'],
    message: '„Gültig bis“ muss nach „Gültig ab“ liegen.',
  })
  .refine((s) => !s.bookingUrl || s.appointmentOnly, {
    path: ['bookingUrl'],
    message: 'Ein Link zur Terminbuchung gehört zu einer Sprechzeit „Nur mit Termin“.',
  });
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

export const scheduleExceptionInputSchema = z
  .object({
    locationId: optionalId(),
    startsOn: requiredDate(),
    endsOn: optionalDate(),
    isClosed: checkbox(),
    opensAt: z.preprocess((v) => (v === '' ? undefined : v), timeOfDay().optional()),
    closesAt: z.preprocess((v) => (v === '' ? undefined : v), timeOfDay().optional()),
    note: optionalText(300),
  })
  .refine((e) => !e.endsOn || e.startsOn <= e.endsOn, { path: ['endsOn'], message: 'Das Ende muss nach dem Beginn liegen.' })
  .refine((e) => e.isClosed || (e.opensAt !== undefined && e.closesAt !== undefined), {
    path: ['opensAt'],
    message: 'Bitte geben Sie die abweichenden Zeiten an oder wählen Sie „geschlossen“.',
  });
export type ScheduleExceptionInput = z.infer<typeof scheduleExceptionInputSchema>;

export const ORGANIZATION_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export const organizationListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(ORGANIZATION_STATUSES).optional().catch(undefined),
  categoryId: z.uuid().optional().catch(undefined),
  isOutdated: z.preprocess((v) => v === '1' || v === 'true', z.boolean()).optional().catch(undefined),
  hasPendingChanges: z.preprocess((v) => v === '1' || v === 'true', z.boolean()).optional().catch(undefined),
  sort: z.enum(['name', 'updatedAt', 'status', 'lastVerifiedAt']).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuerySchema>;
