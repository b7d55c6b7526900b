// Change requests in the reader's admin language: subjects ("Angebot „X“ ändern"), the titles of
// the records they are about, and each field's old and new value with its label (names for ids,
// weekdays, times, dates, yes/no, enum values). Texts: messages/admin/<locale>.json; no database.
import 'server-only';
import type { ChangeAction } from '@/lib/generated/prisma/enums';
import { adminTranslator } from '@/lib/i18n/admin';
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import { fieldLabel } from '@/lib/i18n/field-labels';
import { CHANGE_ENTITIES, type ChangeEntityType } from '@/lib/schemas/change-request';
import { isKeywordField } from '@/lib/schemas/keywords';
import { formatMinutes } from '@/lib/schedule/open-status';
import type { CurrentRecord } from './current';
import type { ChangePayload } from './payload';

export interface DiffRow {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

// Names of the records a request's values refer to.
export interface Lookups {
  terms: Map<string, string>;
  organizations: Map<string, string>;
  services: Map<string, string>;
  locations: Map<string, Record<string, unknown>>;
  languages: Map<string, string>;
  // Public contacts a project may name (by id).
  contacts?: Map<string, string>;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function texts(locale: AdminLocale) {
  return {
    present: adminTranslator(locale, 'Present') as unknown as Translate,
    labels: adminTranslator(locale, 'Labels') as unknown as Translate,
    weekday: (value: number) => (adminTranslator(locale, 'Fields') as unknown as Translate)(`weekdays.${value}`),
  };
}

const ENUM_FIELDS = new Set(['status', 'visibility', 'consent']);
const isoDay = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : '');

// The title of a record as stored (current values).
export function recordTitle(locale: AdminLocale, entityType: ChangeEntityType, values: Record<string, unknown>): string | null {
  const { present, weekday } = texts(locale);
  if (entityType === 'Schedule') {
    return present('scheduleTitle', { weekday: weekday(values.weekday as number), from: formatMinutes(values.opensAt as number), to: formatMinutes(values.closesAt as number) });
  }
  if (entityType === 'ScheduleException') {
    const [from, to] = [isoDay(values.startsOn), isoDay(values.endsOn)];
    return from === to ? from : present('dateRange', { from, to });
  }
  if (entityType === 'ContactPerson') return (values.role as string) ?? null;
  if (entityType === 'Location') return (values.name as string) || [values.street, values.city].filter(Boolean).join(', ') || present('location');
  if (entityType === 'Project' || entityType === 'Event') return (values.title as string) ?? null;
  return (values.name as string) ?? null;
}

// The title of a proposed record, from the form's values.
function payloadTitle(locale: AdminLocale, entityType: ChangeEntityType, payload: ChangePayload): string | null {
  const { present, weekday } = texts(locale);
  const text = (key: string) => (typeof payload[key] === 'string' && payload[key] ? (payload[key] as string) : null);
  if (entityType === 'Service' || entityType === 'Organization') return text('name');
  if (entityType === 'Project' || entityType === 'Event') return text('title');
  if (entityType === 'ContactPerson') return text('role');
  if (entityType === 'Location') return text('name') ?? ([text('street'), text('city')].filter(Boolean).join(', ') || null);
  if (entityType === 'Schedule') {
    const day = Number(payload.weekday);
    return present('scheduleTitle', { weekday: day >= 1 && day <= 7 ? weekday(day) : '', from: text('opensAt') ?? '', to: text('closesAt') ?? '' }).trim();
  }
  const [from, to] = [text('startsOn'), text('endsOn')];
  return from && to ? present('dateRange', { from, to }) : from || to;
}

// "Angebot „X“ ändern"; without a title "Angebot ändern" (the organization's own data has none).
export function requestSubject(locale: AdminLocale, entityType: ChangeEntityType, action: ChangeAction, title?: string | null): string {
  const { labels } = texts(locale);
  const verb = { CREATE: 'Create', UPDATE: 'Update', DELETE: 'Delete' }[action];
  if (entityType === 'Project' || entityType === 'Event') {
    const own = adminTranslator(locale, 'ProjectsEvents') as unknown as Translate;
    return title ? own(`subject${entityType}${verb}Titled`, { title }) : own(`subject${entityType}${verb}`);
  }
  return entityType !== 'Organization' && title ? labels(`subject${entityType}${verb}Titled`, { title }) : labels(`subject${entityType}${verb}`);
}

export function subjectOf(
  locale: AdminLocale,
  request: { entityType: ChangeEntityType; entityId: string | null; action: ChangeAction; payload: unknown },
  titles: Map<string, string>,
): string {
  const title = (request.entityId && titles.get(request.entityId)) || payloadTitle(locale, request.entityType, request.payload as ChangePayload);
  return requestSubject(locale, request.entityType, request.action, title);
}

export function displayValue(locale: AdminLocale, entityType: ChangeEntityType, field: string, value: unknown, lookups: Lookups): string | null {
  const { present, weekday } = texts(locale);
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return field === 'wheelchairAccessible' ? present('unknown') : null;
  }
  const location = (id: string) => {
    const values = lookups.locations.get(id);
    return values ? recordTitle(locale, 'Location', values)! : null;
  };
  const name = (found: string | null | undefined) => found ?? present('unknownRecord');
  // Keywords are words, not ids: shown as entered.
  if (Array.isArray(value) && isKeywordField(field)) return value.map(String).join(', ');
  if (Array.isArray(value)) {
    const of = (id: string) =>
      name(field === 'locationIds' ? location(id) : (field === 'languageCodes' ? lookups.languages : field === 'partnerOrganizationIds' ? lookups.organizations : lookups.terms).get(id));
    return value.map((v) => of(String(v))).sort((a, b) => a.localeCompare(b, locale)).join(', ');
  }
  if (field === 'categoryId') return name(lookups.terms.get(String(value)));
  if (field === 'parentId' || field === 'leadOrganizationId' || field === 'organizerId') return name(lookups.organizations.get(String(value)));
  if (field === 'status' && entityType === 'Project') return (adminTranslator(locale, 'ProjectsEvents') as unknown as Translate)(`status_${String(value)}`);
  if (field === 'contactPersonId') return name(lookups.contacts?.get(String(value)));
  if (entityType === 'Event' && value instanceof Date) {
    return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(value);
  }
  if (field === 'serviceId') return name(lookups.services.get(String(value)));
  if (field === 'locationId') return name(location(String(value)));
  if (field === 'weekday') return Number(value) >= 1 && Number(value) <= 7 ? weekday(Number(value)) : String(value);
  if ((entityType === 'Schedule' || entityType === 'ScheduleException') && (field === 'opensAt' || field === 'closesAt') && typeof value === 'number') {
    return present('time', { time: formatMinutes(value) });
  }
  if (value instanceof Date) return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(value);
  if (typeof value === 'boolean') return value ? present('yes') : present('no');
  if (ENUM_FIELDS.has(field)) {
    const key = `${field}.${String(value)}`;
    return (adminTranslator(locale, 'Present') as unknown as { has: (key: string) => boolean }).has(key) ? present(key) : String(value);
  }
  return String(value);
}

// Old and new value of every field the proposal changes (for a new record: every filled field; for
// a deletion: every field of the record that goes).
export function buildDiff(
  locale: AdminLocale,
  entityType: ChangeEntityType,
  action: ChangeAction,
  payload: ChangePayload,
  current: CurrentRecord | null,
  lookups: Lookups,
): DiffRow[] {
  const fields = Object.keys(CHANGE_ENTITIES[entityType].schema.shape);
  const parsed = CHANGE_ENTITIES[entityType].schema.safeParse(payload);
  const proposed = (parsed.success ? parsed.data : payload) as Record<string, unknown>;
  const rows: DiffRow[] = [];
  for (const field of fields) {
    const before = action === 'CREATE' || !current ? null : displayValue(locale, entityType, field, current.values[field], lookups);
    const after = action === 'DELETE' ? null : field in proposed ? displayValue(locale, entityType, field, proposed[field], lookups) : before;
    if (action === 'UPDATE' && before === after) continue;
    if (action !== 'UPDATE' && before === null && after === null) continue;
    rows.push({ field, label: fieldLabel(locale, entityType, field), before, after });
  }
  return rows;
}

// What an approval applied, from its audit rows (dates are stored as ISO strings).
export function appliedDiff(locale: AdminLocale, entityType: ChangeEntityType, changes: Record<string, { before: unknown; after: unknown }>[], lookups: Lookups): DiffRow[] {
  const show = (field: string, value: unknown) =>
    displayValue(locale, entityType, field, typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(value) ? new Date(value) : value, lookups);
  return changes.flatMap((row) =>
    Object.entries(row)
      .filter(([field]) => field !== 'version')
      .map(([field, change]) => ({ field, label: fieldLabel(locale, entityType, field), before: show(field, change.before), after: show(field, change.after) })),
  );
}
