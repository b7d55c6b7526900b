// Distribution lists ("Verteiler") and circulars: one schema per input, shared by forms and server.
// German messages; English through Admin.ExchangeValidation (lib/i18n/admin-translate.ts).
import { z } from 'zod';
import { checkbox, languageCodeList, msg, optionalText, requiredText } from './common';

const ADDRESS_MODES = ['FUNCTIONAL_MAILBOX', 'ALL_CONTACTS', 'ROLE'] as const;

const exchangeMsg = {
  addressMode: 'Bitte wählen Sie, welche Adressen der Verteiler nutzt.',
  roleRequired: 'Bitte geben Sie die Funktion an, zum Beispiel „Migrationsberatung“.',
  emptyList: 'Bitte wählen Sie Merkmale oder mindestens eine Organisation oder einen Kontakt von Hand.',
  tooMany: 'Bitte wählen Sie höchstens 2000 Einträge.',
  municipality: 'Bitte wählen Sie Orte aus der Liste.',
  subjectRequired: 'Bitte geben Sie einen Betreff ein.',
  bodyRequired: 'Bitte schreiben Sie einen Text.',
};

// Many ids from checkboxes (a hand-picked list can be long).
const manyIds = () =>
  z
    .preprocess(
      (value) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((v) => v !== '')),
      z.array(z.uuid({ error: msg.choice })).max(2000, exchangeMsg.tooMany),
    )
    .transform((ids) => [...new Set(ids)]);

const textList = () =>
  z
    .preprocess(
      (value) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '')),
      z.array(z.string().max(100, exchangeMsg.municipality)).max(200, exchangeMsg.municipality),
    )
    .transform((values) => [...new Set(values)]);

export const distributionListInputSchema = z
  .object({
    name: requiredText(120),
    description: optionalText(1000),
    useFilter: checkbox(),
    categoryIds: manyIds(),
    topicIds: manyIds(),
    municipalities: textList(),
    languageCodes: languageCodeList().transform((codes) => [...new Set(codes ?? [])]),
    isMembersOnly: checkbox(),
    organizationIds: manyIds(),
    contactIds: manyIds(),
    addressMode: z.enum(ADDRESS_MODES, { error: exchangeMsg.addressMode }),
    role: optionalText(200),
    includeInternal: checkbox(),
  })
  .refine((list) => list.addressMode !== 'ROLE' || Boolean(list.role), { path: ['role'], message: exchangeMsg.roleRequired })
  .refine((list) => list.useFilter || list.organizationIds.length > 0 || list.contactIds.length > 0, {
    path: ['useFilter'],
    message: exchangeMsg.emptyList,
  });
export type DistributionListInput = z.infer<typeof distributionListInputSchema>;

export const circularInputSchema = z.object({
  subject: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string({ error: exchangeMsg.subjectRequired }).min(1, exchangeMsg.subjectRequired).max(200, msg.tooLong(200))),
  body: z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trimEnd() : v), z.string({ error: exchangeMsg.bodyRequired }).min(1, exchangeMsg.bodyRequired).max(50_000, msg.tooLong(50_000))),
});

// Attachments: 10 MB in total per circular (mail servers commonly accept 20-25 MB after base64).
export const CIRCULAR_ATTACHMENTS_MAX_BYTES = 10 * 1024 * 1024;
export const CIRCULAR_ATTACHMENTS_MAX_COUNT = 10;
// Executable and script types are refused: recipients' mail filters would reject the circular.
export const BLOCKED_ATTACHMENT_EXTENSIONS = ['exe', 'bat', 'cmd', 'com', 'js', 'jse', 'msi', 'ps1', 'scr', 'vbs', 'vbe', 'wsf', 'jar', 'lnk', 'hta'];
