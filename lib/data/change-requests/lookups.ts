// The names a request's subject and values refer to: the records requests are about, and the
// terms, organizations, services, locations and languages their fields name by id.
import 'server-only';
import { db } from '@/lib/db';
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import type { ChangeEntityType } from '@/lib/schemas/change-request';
import { recordTitle, type Lookups } from './present';

// Titles of the records requests are about, to say "Angebot „Migrationsberatung“ ändern".
export async function loadTitles(locale: AdminLocale, requests: { entityType: string; entityId: string | null }[]): Promise<Map<string, string>> {
  const ids = (type: string) => requests.filter((r) => r.entityType === type && r.entityId).map((r) => r.entityId!);
  const [organizations, services, locations, contacts, schedules, exceptions, projects, events] = await Promise.all([
    db.organization.findMany({ where: { id: { in: ids('Organization') } }, select: { id: true, name: true } }),
    db.service.findMany({ where: { id: { in: ids('Service') } }, select: { id: true, name: true } }),
    db.location.findMany({ where: { id: { in: ids('Location') } }, select: { id: true, name: true, street: true, city: true } }),
    db.contactPerson.findMany({ where: { id: { in: ids('ContactPerson') } }, select: { id: true, role: true } }),
    db.schedule.findMany({ where: { id: { in: ids('Schedule') } }, select: { id: true, weekday: true, opensAt: true, closesAt: true } }),
    db.scheduleException.findMany({ where: { id: { in: ids('ScheduleException') } }, select: { id: true, startsOn: true, endsOn: true } }),
    db.project.findMany({ where: { id: { in: ids('Project') } }, select: { id: true, title: true } }),
    db.event.findMany({ where: { id: { in: ids('Event') } }, select: { id: true, title: true } }),
  ]);
  const titles = new Map<string, string>();
  const add = (entityType: ChangeEntityType, rows: ({ id: string } & Record<string, unknown>)[]) => {
    for (const row of rows) titles.set(row.id, recordTitle(locale, entityType, row) ?? '');
  };
  add('Organization', organizations);
  add('Service', services);
  add('Location', locations);
  add('ContactPerson', contacts);
  add('Schedule', schedules);
  add('ScheduleException', exceptions);
  add('Project', projects);
  add('Event', events);
  return titles;
}

export async function loadLookups(organizationId: string): Promise<Lookups> {
  const [terms, organizations, services, locations, languages, contacts] = await Promise.all([
    db.taxonomyTerm.findMany({ select: { id: true, label: true } }),
    db.organization.findMany({ where: { deletedAt: null }, select: { id: true, name: true } }),
    db.service.findMany({ where: { organizationId }, select: { id: true, name: true } }),
    db.location.findMany({ where: { organizationId }, select: { id: true, name: true, street: true, city: true } }),
    db.language.findMany({ select: { code: true, nameDe: true } }),
    db.contactPerson.findMany({ where: { deletedAt: null, visibility: 'PUBLIC' }, select: { id: true, role: true } }),
  ]);
  return {
    terms: new Map(terms.map((t) => [t.id, t.label])),
    organizations: new Map(organizations.map((o) => [o.id, o.name])),
    services: new Map(services.map((s) => [s.id, s.name])),
    locations: new Map(locations.map((l) => [l.id, l])),
    languages: new Map(languages.map((l) => [l.code, l.nameDe])),
    contacts: new Map(contacts.map((c) => [c.id, c.role])),
  };
}
