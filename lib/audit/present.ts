// The audit log in the reader's admin language (German or English): what happened ("Eintrag
// geändert"), each field's label, its old and new value as words — names instead of ids (the name
// stored with the row, else today's name, else "gelöscht"), enum values, weekdays, yes/no, dates and
// times in Europe/Berlin — and a word-level diff for long texts (npm `diff`). No database: the
// caller passes the names it looked up (lib/data/history-names.ts). Used by the history page
// (admin/organisationen/[id]/verlauf) and tested in tests/unit/audit-present.test.ts.
import 'server-only';
import { diffWords } from 'diff';
import type { AuditAction } from '@/lib/generated/prisma/enums';
import { adminFormats, adminTranslator, labelTranslator } from '@/lib/i18n/admin';
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import { FIELD_LABEL_KEYS, fieldLabel as entityFieldLabel } from '@/lib/i18n/field-labels';
import { TRANSLATABLE_FIELDS, TRANSLATION_LOCALE_LABELS, translationLocaleSchema, type TranslationLocale } from '@/lib/schemas/content-translation';
import { formatMinutes } from '@/lib/schedule/open-status';
import type { FieldChanges } from './events';

export type ReferenceKind = 'term' | 'organization' | 'service' | 'location' | 'language';

// Fields that name other records by id (or, for languages, by code).
export const REFERENCE_FIELDS: Record<string, ReferenceKind | undefined> = {
  categoryId: 'term',
  topicIds: 'term',
  termIds: 'term',
  parentId: 'organization',
  organizationIds: 'organization',
  serviceId: 'service',
  locationId: 'location',
  locationIds: 'location',
  languageCodes: 'language',
  leadOrganizationId: 'organization',
  partnerOrganizationIds: 'organization',
  organizerId: 'organization',
};

// Every id the rows' reference fields name, by kind (to look up names of rows stored without them).
export function referencedIds(rows: FieldChanges[]): Record<ReferenceKind, string[]> {
  const ids: Record<ReferenceKind, Set<string>> = { term: new Set(), organization: new Set(), service: new Set(), location: new Set(), language: new Set() };
  for (const changes of rows) {
    for (const [field, change] of Object.entries(changes)) {
      const kind = REFERENCE_FIELDS[field];
      if (!kind) continue;
      for (const value of [change.before, change.after].flat()) if (typeof value === 'string' && value) ids[kind].add(value);
    }
  }
  return Object.fromEntries(Object.entries(ids).map(([kind, set]) => [kind, [...set]])) as Record<ReferenceKind, string[]>;
}

// Today's names of referenced records, in the reader's language where the record has one.
export type ReferenceNames = Map<string, string>;

// A value split into words that stayed, went or came (for long texts).
export interface DiffPart {
  text: string;
  change: 'same' | 'removed' | 'added';
}

interface PresentedChange {
  field: string;
  label: string;
  before: string;
  after: string;
  // Long texts: the words, each marked; `before` shows same + removed, `after` same + added.
  words?: DiffPart[];
}

export interface PresentedEntry {
  // "Eintrag", "Angebot", ... and "geändert", "veröffentlicht", ...
  subject: string;
  action: string;
  at: string;
  changes: PresentedChange[];
}

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Checkable = Translate & { has: (key: string) => boolean };

const t = (locale: AdminLocale, namespace: Parameters<typeof adminTranslator>[1]) => adminTranslator(locale, namespace) as unknown as Checkable;

// Fields outside the record types' label tables (flags, change requests, invitations, users).
const EXTRA_FIELDS = new Set(['isTrusted', 'status', 'entityType', 'action', 'reviewComment', 'isEdited', 'revokedAt', 'role', 'email', 'organizationIds', 'invitationId', 'lastVerifiedAt', 'publishedAt', 'archivedAt']);

// The German label of a translated field: the first record type that has a field of that name.
const TRANSLATION_FIELD_LABELS = new Map<string, string>();
for (const specs of Object.values(TRANSLATABLE_FIELDS)) for (const spec of specs) if (!TRANSLATION_FIELD_LABELS.has(spec.name)) TRANSLATION_FIELD_LABELS.set(spec.name, spec.label);

// Audit keys of translations are "<field>.<locale>" (the text) and "<field>.<locale>.status".
function translationFieldLabel(locale: AdminLocale, key: string): string {
  const label = labelTranslator(locale);
  const [field, language, status] = key.split('.');
  const german = TRANSLATION_FIELD_LABELS.get(field);
  if (!german || !translationLocaleSchema.safeParse(language).success) return key;
  const values = { field: label(german), language: label(TRANSLATION_LOCALE_LABELS[language as TranslationLocale]) };
  return status === 'status' ? t(locale, 'History')('translationStatus', values) : `${values.field} (${values.language})`;
}

function fieldName(locale: AdminLocale, entityType: string, field: string): string {
  if (entityType === 'Translation') return translationFieldLabel(locale, field);
  if (FIELD_LABEL_KEYS[entityType]?.[field]) return entityFieldLabel(locale, entityType, field);
  const history = t(locale, 'History');
  return EXTRA_FIELDS.has(field) && history.has(`extra.${field}`) ? history(`extra.${field}`) : field;
}

function actionName(locale: AdminLocale, entityType: string, action: AuditAction | string): string {
  const history = t(locale, 'History');
  if (entityType === 'ChangeRequest' && history.has(`changeRequestActions.${action}`)) return history(`changeRequestActions.${action}`);
  if (entityType === 'Invitation' && action === 'DELETE') return history('revoked');
  if (history.has(`actions.${action}`)) return history(`actions.${action}`);
  const fallback = t(locale, 'AuditActions');
  return fallback.has(action) ? fallback(action) : action;
}

function subjectName(locale: AdminLocale, entityType: string): string {
  if (entityType === 'Translation') return t(locale, 'History')('translation');
  const entities = t(locale, 'Entities');
  return entities.has(entityType) ? entities(entityType) : entityType;
}

// Enum values by field (and, where one field name means different things, by record type).
function enumValue(locale: AdminLocale, entityType: string, field: string, value: string): string | null {
  const lookups: [Checkable, string][] = [];
  if (field === 'status') {
    if (entityType === 'Organization') lookups.push([t(locale, 'Status'), value]);
    else if (entityType === 'ChangeRequest') lookups.push([t(locale, 'ChangeRequests'), `status.${value}`]);
    else lookups.push([t(locale, 'Present'), `status.${value}`]);
  }
  if (field === 'visibility' || field === 'consent') lookups.push([t(locale, 'Present'), `${field}.${value}`]);
  if (field === 'role') lookups.push([t(locale, 'Users'), `role${value}`]);
  if (field === 'entityType') lookups.push([t(locale, 'Entities'), value]);
  if (field === 'action' && entityType === 'ChangeRequest') lookups.push([t(locale, 'History'), `requestKinds.${value}`]);
  if (field === 'locale') lookups.push([t(locale, 'History'), `adminLocales.${value}`]);
  // Translation states are stored in German ("veraltet", "aktuell").
  if (entityType === 'Translation' && (value === 'veraltet' || value === 'aktuell')) return labelTranslator(locale)(value);
  for (const [translate, key] of lookups) if (key && translate.has(key)) return translate(key);
  return null;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const MIDNIGHT_UTC = /^\d{4}-\d{2}-\d{2}T00:00:00(\.0+)?Z$/;
// Fields stored as a calendar day (a date column, midnight UTC); others are instants.
const DAY_FIELDS = new Set(['startsOn', 'endsOn', 'validFrom', 'validTo']);

interface Context {
  locale: AdminLocale;
  entityType: string;
  field: string;
  // Names stored with the row (at the time), then today's names.
  stored: Record<string, string>;
  names: ReferenceNames;
}

function referenceName({ locale, stored, names }: Context, id: string): string {
  // Vocabulary has names in both admin languages: in English today's English name is preferred.
  const today = names.get(id);
  if (locale === 'en' && today) return today;
  return stored[id] ?? today ?? t(locale, 'History')('deletedRecord');
}

function word(context: Context, value: unknown): string {
  const { locale, entityType, field } = context;
  const history = t(locale, 'History');
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return history('empty');
  if (REFERENCE_FIELDS[field]) {
    const list = (Array.isArray(value) ? value : [value]).map((id) => referenceName(context, String(id)));
    return list.sort((a, b) => a.localeCompare(b, locale)).join(', ');
  }
  if (Array.isArray(value)) return value.map((v) => word(context, v)).join(', ');
  if (typeof value === 'boolean') return value ? history('yes') : history('no');
  if (field === 'weekday' && typeof value === 'number' && value >= 1 && value <= 7) return t(locale, 'Fields')(`weekdays.${value}`);
  // Weekly slots and exceptions: minutes after midnight (older rows) or "HH:MM".
  if ((field === 'opensAt' || field === 'closesAt') && (typeof value === 'number' || /^\d{1,2}:\d{2}$/.test(String(value)))) {
    return t(locale, 'Present')('time', { time: typeof value === 'number' ? formatMinutes(value) : String(value) });
  }
  if (typeof value === 'string' && ISO_INSTANT.test(value)) {
    const { date, dateTime } = adminFormats(locale);
    if (DAY_FIELDS.has(field) || MIDNIGHT_UTC.test(value)) {
      return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(value));
    }
    return (field.endsWith('On') ? date : dateTime).format(new Date(value));
  }
  if (typeof value === 'string') return enumValue(locale, entityType, field, value) ?? value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// Texts this long (or with this many words) are shown as a word diff rather than two whole texts.
const LONG_TEXT = 80;

function wordDiff(before: unknown, after: unknown): DiffPart[] | undefined {
  if (typeof before !== 'string' || typeof after !== 'string' || !before || !after) return undefined;
  if (Math.max(before.length, after.length) < LONG_TEXT) return undefined;
  return diffWords(before, after).map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
}

/** @internal */
export function presentChanges(locale: AdminLocale, entityType: string, changes: FieldChanges, names: ReferenceNames): PresentedChange[] {
  return Object.entries(changes)
    .filter(([field]) => field !== 'version')
    .map(([field, change]) => {
      // A change request's amendment records the proposed fields as "<record type>.<field>".
      const [own, name] = field.split('.');
      const [type, base] = entityType === 'ChangeRequest' && name && FIELD_LABEL_KEYS[own] ? [own, name] : [entityType, field];
      const context: Context = { locale, entityType: type, field: base, stored: change.labels ?? {}, names };
      const words = wordDiff(change.before, change.after);
      return { field, label: fieldName(locale, type, base), before: word(context, change.before), after: word(context, change.after), ...(words ? { words } : {}) };
    });
}

export function presentEntry(
  locale: AdminLocale,
  entry: { entityType: string; action: AuditAction | string; createdAt: Date; changes: FieldChanges },
  names: ReferenceNames,
): PresentedEntry {
  return {
    subject: subjectName(locale, entry.entityType),
    action: actionName(locale, entry.entityType, entry.action),
    at: adminFormats(locale).dateTime.format(entry.createdAt),
    changes: presentChanges(locale, entry.entityType, entry.changes, names),
  };
}
