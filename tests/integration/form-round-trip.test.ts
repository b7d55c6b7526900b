// The form contract, table-driven over every admin form that has booleans or selects: each form is
// posted as the browser posts it (an unchecked box is not sent) with each boolean set, then unset,
// then set again, each select changed and then cleared, each checkbox group filled and emptied;
// the database is read after every step. The forms are enumerated from the field definition
// modules, so a new form (or a new field of a form) fails here until it is covered.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldSpec, FormState } from '@/components/forms/form-state';
import type { FormValues } from '@/lib/schemas/common';
import { toFormValues } from '@/lib/schemas/common';
import { KEYWORD_FIELDS, keywordFormValues } from '@/lib/schemas/keywords';
import { adminTranslator } from '@/lib/i18n/admin';
import * as fieldSpecs from '@/components/admin/field-specs';
import * as projectEventFieldSpecs from '@/components/admin/project-event-fields';
import * as listFieldSpecs from '@/components/admin/distribution-list-fields';
import * as languageFieldSpecs from '@/app/[locale]/admin/sprachen/language-fields';
import * as termFieldSpecs from '@/app/[locale]/admin/kategorien/term-fields';
import * as pageFieldSpecs from '@/app/[locale]/admin/seiten/page-fields';
import * as userFieldSpecs from '@/app/[locale]/admin/benutzer/user-fields';
import * as conceptFieldSpecs from '@/app/[locale]/admin/suchwortschatz/concept-fields';
import { createContactPerson, createLanguage, createLocation, createOrganization, createService, createTaxonomyTerm, createUser } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { form, redirectOf } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));

const orgActions = await import('@/app/[locale]/admin/organisationen/actions');
const listActions = await import('@/app/[locale]/admin/verteiler/actions');
const languageActions = await import('@/app/[locale]/admin/sprachen/actions');
const termActions = await import('@/app/[locale]/admin/kategorien/actions');
const userActions = await import('@/app/[locale]/admin/benutzer/actions');
const conceptActions = await import('@/app/[locale]/admin/suchwortschatz/actions');
const projectActions = await import('@/app/[locale]/admin/projekte/actions');
const db = getTestDb();
const idle = { status: 'idle' as const };

type Option = { value: string; label: string };
const opts = (rows: { id: string; name?: string | null; label?: string | null }[]): Option[] => rows.map((r) => ({ value: r.id, label: r.name ?? r.label ?? r.id }));

// One form of the table: its fields (with real options), valid values of its other fields, how it
// is posted, and the stored record as the form would show it (the newest record for forms that
// only create).
interface Case {
  fields: FieldSpec[];
  base: FormValues;
  post: (values: FormValues) => Promise<unknown>;
  read: () => Promise<FormValues>;
  // Checkbox groups the form refuses to save empty (checked once filled, never emptied).
  keepFilled?: string[];
  // Text fields whose stored form is not the text itself (lists of words): each is saved with the
  // given text, read back as the form shows it (`shown`), then cleared.
  texts?: { name: string; value: string; shown: string }[];
}

// Posts what a browser sends: every value but unchecked boxes (empty groups send nothing either).
async function submit(c: Case, values: FormValues) {
  const boxes = new Set(c.fields.filter((f) => f.type === 'checkbox').map((f) => f.name));
  const sent = Object.fromEntries(Object.entries(values).filter(([key, value]) => !(boxes.has(key) && value === '')));
  let state: unknown;
  const target = await redirectOf(c.post(sent).then((s) => (state = s)));
  expect(target, `saved (not ${JSON.stringify(state)})`).not.toBeNull();
}

async function setUp() {
  const admin = await createAdminActor();
  session.cookie = await sessionCookieFor(admin);
  const category = await createTaxonomyTerm({ kind: 'CATEGORY', label: 'Beratungsdienste (Beispiel)' });
  const topic = await createTaxonomyTerm({ kind: 'TOPIC' });
  const parentOrg = await createOrganization();
  const org = await createOrganization();
  const location = await createLocation({ organizationId: org.id });
  const service = await createService({ organizationId: org.id });
  const contact = await createContactPerson({ organizationId: org.id });
  const language = await createLanguage({ code: 'ar' });
  const list = await db.distributionList.create({ data: { name: 'Verteiler (Beispiel)', organizationIds: [org.id] } });
  const parentTerm = await createTaxonomyTerm({ kind: 'TOPIC' });
  const term = await createTaxonomyTerm({ kind: 'TOPIC' });
  const languages: Option[] = [{ value: language.code, label: language.nameDe }];
  const user = await createUser({ role: 'PARTNER' });
  const concept = await db.searchConcept.create({ data: { slug: 'probebegriff', label: 'Probebegriff (Beispiel)' } });
  let invited = 0;
  const publicContact = await createContactPerson({ organizationId: org.id, visibility: 'PUBLIC', consentGivenAt: new Date() });
  const group = await createTaxonomyTerm({ kind: 'TARGET_GROUP' });
  const project = await db.project.create({ data: { slug: 'projekt-beispiel', title: 'Projekt (Beispiel)', leadOrganizationId: org.id, status: 'PLANNED' } });
  const event = await db.event.create({ data: { slug: 'fest-beispiel', title: 'Fest (Beispiel)', startsAt: new Date('2099-06-01T16:00:00Z'), organizerId: org.id, placeName: 'Saal (Beispiel)', town: 'Stendal' } });
  const projectEventOptions = { organizations: opts([parentOrg, org]), topics: opts([topic]), targetGroups: opts([group]), contacts: [{ value: publicContact.id, label: publicContact.role }], locations: opts([location]), languages, isCoordinator: true };
  const versionOf = async (model: 'organization' | 'service' | 'location' | 'contactPerson', id: string) =>
    String(((await (db[model] as unknown as { findUniqueOrThrow: (a: unknown) => Promise<{ version: number }> }).findUniqueOrThrow({ where: { id } })) as { version: number }).version);

  const cases: Record<string, Case> = {
    organizationFields: {
      fields: fieldSpecs.organizationFields({ categories: opts([category]), topics: opts([topic]), organizations: opts([parentOrg]) }),
      base: { name: org.name },
      post: async (values) => orgActions.updateOrganizationAction(org.id, idle, form({ ...values, version: await versionOf('organization', org.id) })),
      read: async () => {
        const row = await db.organization.findUniqueOrThrow({ where: { id: org.id }, include: { topics: true } });
        return {
          ...toFormValues({ categoryId: row.categoryId, parentId: row.parentId, isCoordinationOffice: row.isCoordinationOffice, topicIds: row.topics.map((t) => t.termId) }),
          ...keywordFormValues(row.keywords),
        };
      },
      texts: KEYWORD_FIELDS.map((name) => ({ name, value: ' Wort eins,Wort zwei\nwort EINS ; ', shown: 'Wort eins, Wort zwei' })),
    },
    serviceFields: {
      fields: fieldSpecs.serviceFields({ topics: opts([topic]), locations: opts([location]), languages }),
      base: { name: service.name },
      post: async (values) => orgActions.saveServiceAction(org.id, service.id, idle, form({ ...values, version: await versionOf('service', service.id) })),
      read: async () => {
        const row = await db.service.findUniqueOrThrow({
          where: { id: service.id },
          include: { terms: true, locations: true, languageOffers: { where: { contactPersonId: null } } },
        });
        return toFormValues({
          appointmentRequired: row.appointmentRequired,
          interpretationOffered: row.interpretationOffered,
          status: row.status,
          termIds: row.terms.map((t) => t.termId),
          locationIds: row.locations.map((l) => l.locationId),
          languageCodes: row.languageOffers.map((l) => l.languageCode),
        });
      },
    },
    locationFields: {
      fields: fieldSpecs.locationFields(),
      base: { city: 'Stendal' },
      post: async (values) => orgActions.saveLocationAction(org.id, location.id, idle, form({ ...values, version: await versionOf('location', location.id) })),
      read: async () => {
        const row = await db.location.findUniqueOrThrow({ where: { id: location.id } });
        return { wheelchairAccessible: row.wheelchairAccessible === null ? 'unknown' : row.wheelchairAccessible ? 'yes' : 'no' };
      },
    },
    contactFields: {
      fields: fieldSpecs.contactFields({ services: opts([service]), languages }),
      base: { role: contact.role, consentScope: 'Veröffentlichung auf der Website (Beispiel)' },
      post: async (values) => orgActions.saveContactAction(org.id, contact.id, idle, form({ ...values, version: await versionOf('contactPerson', contact.id) })),
      read: async () => {
        const row = await db.contactPerson.findUniqueOrThrow({ where: { id: contact.id }, include: { languageOffers: true } });
        return toFormValues({
          serviceId: row.serviceId,
          visibility: row.visibility,
          consent: row.consentWithdrawnAt ? 'withdrawn' : row.consentGivenAt ? 'given' : 'none',
          languageCodes: row.languageOffers.map((l) => l.languageCode),
        });
      },
    },
    scheduleFields: {
      fields: fieldSpecs.scheduleFields({ services: opts([service]), locations: opts([location]), contacts: opts([contact]), languages }),
      base: { weekday: '1', opensAt: '09:00', closesAt: '12:00' },
      post: (values) => orgActions.createScheduleAction(org.id, idle, form(values)),
      read: async () => {
        const row = await db.schedule.findFirst({ where: { organizationId: org.id }, orderBy: { createdAt: 'desc' } });
        return row
          ? toFormValues({ weekday: row.weekday, serviceId: row.serviceId, locationId: row.locationId, contactPersonId: row.contactPersonId, languageCodes: row.languageCodes, appointmentOnly: row.appointmentOnly })
          : { weekday: '1' };
      },
    },
    exceptionFields: {
      fields: fieldSpecs.exceptionFields({ locations: opts([location]) }),
      base: { startsOn: '2026-12-24', opensAt: '09:00', closesAt: '11:00' },
      post: (values) => orgActions.createScheduleExceptionAction(org.id, idle, form(values)),
      read: async () => {
        const row = await db.scheduleException.findFirst({ where: { organizationId: org.id }, orderBy: { createdAt: 'desc' } });
        return row ? toFormValues({ locationId: row.locationId, isClosed: row.isClosed }) : {};
      },
    },
    distributionListFields: {
      fields: listFieldSpecs.distributionListFields(
        { categories: opts([category]), topics: opts([topic]), municipalities: [{ value: 'Stendal', label: 'Stendal' }], languages, organizations: opts([org]), contacts: opts([contact]) },
        adminTranslator('de', 'DistributionLists'),
      ),
      base: { name: list.name, role: 'Beratung', organizationIds: [org.id] },
      // Without a filter the list needs a hand-picked organization or contact.
      keepFilled: ['organizationIds'],
      post: async (values) => {
        const { version } = await db.distributionList.findUniqueOrThrow({ where: { id: list.id } });
        return listActions.updateDistributionListAction(list.id, idle, form({ ...values, version: String(version) }));
      },
      read: async () => {
        const row = await db.distributionList.findUniqueOrThrow({ where: { id: list.id } });
        const { includeInternal, useFilter, isMembersOnly, addressMode, categoryIds, topicIds, municipalities, languageCodes, organizationIds, contactIds } = row;
        return toFormValues({ includeInternal, useFilter, isMembersOnly, addressMode, categoryIds, topicIds, municipalities, languageCodes, organizationIds, contactIds });
      },
    },
    languageFields: {
      fields: languageFieldSpecs.languageFields({ withCode: false }),
      base: { nameDe: language.nameDe, nameNative: language.nameNative },
      post: (values) => languageActions.updateLanguageAction(language.code, idle, form(values)),
      read: async () => toFormValues({ isActive: (await db.language.findUniqueOrThrow({ where: { code: language.code } })).isActive }),
    },
    termFields: {
      fields: termFieldSpecs.termFields({ parents: opts([parentTerm]), withKind: false }),
      base: { label: term.label },
      post: (values) => termActions.updateTermAction(term.id, idle, form(values)),
      read: async () => toFormValues({ parentId: (await db.taxonomyTerm.findUniqueOrThrow({ where: { id: term.id } })).parentId }),
    },
    userFields: {
      fields: userFieldSpecs.userFields({ organizations: opts([org]) }),
      base: {},
      post: (values) => userActions.updateUserAction(user.id, idle, form(values)),
      read: async () => {
        const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { memberships: true } });
        return toFormValues({ role: row.role, isActive: row.isActive, organizationIds: row.memberships.map((m) => m.organizationId) });
      },
    },
    conceptFields: {
      fields: conceptFieldSpecs.conceptFields([
        { id: topic.id, kind: 'TOPIC', label: topic.label },
        { id: category.id, kind: 'CATEGORY', label: category.label },
      ]),
      base: { label: concept.label, words_de: 'Probewort' },
      post: (values) => conceptActions.updateConceptAction(concept.id, idle, form(values)),
      read: async () => toFormValues({ terms: (await db.searchConceptTerm.findMany({ where: { conceptId: concept.id } })).map((row) => row.termId) }),
    },
    projectFields: {
      fields: projectEventFieldSpecs.projectFields(projectEventOptions),
      base: { title: project.title },
      post: async (values) => {
        const { version } = await db.project.findUniqueOrThrow({ where: { id: project.id } });
        return projectActions.updateProjectAction(project.id, idle, form({ ...values, version: String(version) }));
      },
      read: async () => {
        const row = await db.project.findUniqueOrThrow({ where: { id: project.id }, include: { partners: true, terms: true } });
        const { leadOrganizationId, status, contactPersonId, isPublished } = row;
        return toFormValues({ leadOrganizationId, status, contactPersonId, isPublished, partnerOrganizationIds: row.partners.map((p) => p.organizationId), termIds: row.terms.map((t) => t.termId) });
      },
    },
    eventFields: {
      fields: projectEventFieldSpecs.eventFields(projectEventOptions),
      base: { title: event.title, startsAt: '2099-06-01T18:00', placeName: 'Saal (Beispiel)', town: 'Stendal' },
      post: async (values) => {
        const { version } = await db.event.findUniqueOrThrow({ where: { id: event.id } });
        return projectActions.updateEventAction(event.id, idle, form({ ...values, version: String(version) }));
      },
      read: async () => {
        const row = await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { terms: true } });
        const { organizerId, locationId, languageCodes, isFree, registrationRequired, isCancelled, isPublished } = row;
        return toFormValues({ organizerId, locationId, languageCodes, isFree, registrationRequired, isCancelled, isPublished, termIds: row.terms.map((t) => t.termId) });
      },
    },
    invitationFields: {
      fields: userFieldSpecs.invitationFields({ organizations: opts([org]) }),
      base: { role: 'PARTNER', locale: 'de', organizationIds: [org.id] },
      // A partner is invited for at least one organization.
      keepFilled: ['organizationIds'],
      // Each post invites another address (an open invitation per address is refused).
      post: (values) => userActions.inviteAction(idle, form({ ...values, email: `eingeladen-${(invited += 1)}@example.org` })),
      read: async () => {
        const row = await db.invitation.findFirst({ orderBy: { createdAt: 'desc' }, include: { organizations: true } });
        return row ? toFormValues({ role: row.role, locale: row.locale, organizationIds: row.organizations.map((o) => o.organizationId) }) : { role: 'PARTNER', locale: 'de', organizationIds: [org.id] };
      },
    },
  };
  return { cases, org, admin };
}

// Field definition functions whose forms have no boolean, select or checkbox group (checked below)
// or that only build the others (entityFields).
const WITHOUT_CHOICES: Record<string, () => FieldSpec[]> = {
  pageFields: () => pageFieldSpecs.pageFields(),
  circularFields: () => listFieldSpecs.circularFields(adminTranslator('de', 'Circulars')),
};
const BUILDERS = new Set(['entityFields']);
// Forms whose only select is chosen once when a record is created and cannot change afterwards
// (a page's language, a term's kind): covered by their edit forms' definitions above.
const CREATE_ONLY_CHOICE = new Set(['newPageFields']);

const definitionModules = { ...fieldSpecs, ...projectEventFieldSpecs, ...listFieldSpecs, ...languageFieldSpecs, ...termFieldSpecs, ...pageFieldSpecs, ...userFieldSpecs, ...conceptFieldSpecs };
const definitionNames = Object.entries(definitionModules)
  .filter(([name, value]) => typeof value === 'function' && name.endsWith('Fields'))
  .map(([name]) => name)
  .sort();

const choiceTypes = new Set(['checkbox', 'checkboxes', 'select']);

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

describe('form round trip', () => {
  it('covers every form definition with booleans or selects', async () => {
    const { cases } = await setUp();
    const covered = [...Object.keys(cases), ...Object.keys(WITHOUT_CHOICES), ...BUILDERS, ...CREATE_ONLY_CHOICE].sort();
    expect(definitionNames).toEqual(covered);
    for (const [name, fields] of Object.entries(WITHOUT_CHOICES)) {
      expect(fields().filter((f) => choiceTypes.has(f.type ?? 'text')), name).toEqual([]);
    }
  });

  it('saves each boolean set, unset and set again, each select changed and cleared, each group filled and emptied', async () => {
    const { cases } = await setUp();
    const figures = { forms: 0, booleans: 0, selects: 0, groups: 0, texts: 0, posts: 0 };
    for (const [name, c] of Object.entries(cases)) {
      const choices = c.fields.filter((f) => choiceTypes.has(f.type ?? 'text'));
      expect(choices.length, name).toBeGreaterThan(0);
      figures.forms += 1;
      // Start from the stored record as the edit page shows it.
      let current: FormValues = { ...c.base, ...(await c.read()) };
      const step = async (field: FieldSpec, value: string | string[]) => {
        await submit(c, { ...current, [field.name]: value });
        figures.posts += 1;
        const stored = await c.read();
        expect(Object.keys(stored), `${name} reads ${field.name}`).toContain(field.name);
        expect(stored[field.name], `${name}.${field.name} after posting ${JSON.stringify(value)}`).toEqual(value);
        current = { ...c.base, ...stored };
      };
      for (const field of choices) {
        if (field.type === 'checkbox') {
          figures.booleans += 1;
          for (const value of ['on', '', 'on']) await step(field, value);
        } else if (field.type === 'select') {
          figures.selects += 1;
          const values = (field.options ?? []).map((o) => o.value);
          const other = values.find((v) => v !== '' && v !== current[field.name]);
          expect(other, `${name}.${field.name} has a choice`).toBeDefined();
          const before = String(current[field.name] ?? '');
          await step(field, other!);
          // Cleared: the empty choice where the select has one, else back to the earlier value.
          await step(field, values.includes('') ? '' : before);
        } else {
          figures.groups += 1;
          const first = field.options?.[0]?.value;
          expect(first, `${name}.${field.name} has an option`).toBeDefined();
          await step(field, [first!]);
          if (!c.keepFilled?.includes(field.name)) await step(field, []);
        }
      }
      for (const text of c.texts ?? []) {
        const field = c.fields.find((f) => f.name === text.name);
        expect(field, `${name} has the field ${text.name}`).toBeDefined();
        figures.texts += 1;
        await submit(c, { ...current, [text.name]: text.value });
        expect((await c.read())[text.name], `${name}.${text.name} after posting ${JSON.stringify(text.value)}`).toEqual(text.shown);
        await submit(c, { ...current, [text.name]: '' });
        expect((await c.read())[text.name], `${name}.${text.name} cleared`).toEqual('');
        figures.posts += 2;
      }
    }
    console.info(`form round trip: ${figures.forms} forms, ${figures.booleans} booleans, ${figures.selects} selects, ${figures.groups} checkbox groups, ${figures.texts} word lists, ${figures.posts} posts`);
    expect(figures.forms).toBe(Object.keys(cases).length);
  }, 180_000);

  it("a partner's form without the coordinator-only fields resets none of them", async () => {
    const { org } = await setUp();
    await db.organization.update({ where: { id: org.id }, data: { isCoordinationOffice: true, isTrusted: true } });
    const partner = await createPartnerActor([org.id]);
    session.cookie = await sessionCookieFor(partner);
    const partnerFields = fieldSpecs.organizationFields({ categories: [], topics: [], organizations: [], isCoordinator: false });
    expect(partnerFields.some((f) => f.name === 'isCoordinationOffice')).toBe(false);
    // A trusted organization's partner saves directly; the partner's form has no such box to post.
    const target = await redirectOf(orgActions.updateOrganizationAction(org.id, idle, form({ name: 'Neuer Name (Beispiel)', version: String(org.version) })));
    expect(target).toContain('gespeichert=1');
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row.name).toBe('Neuer Name (Beispiel)');
    expect(row.isCoordinationOffice).toBe(true);
  });

  it('returns every chosen value with the field errors when validation fails', async () => {
    const { org } = await setUp();
    const category = await db.taxonomyTerm.findFirstOrThrow({ where: { kind: 'CATEGORY' } });
    const topic = await db.taxonomyTerm.findFirstOrThrow({ where: { kind: 'TOPIC' } });
    const state = (await orgActions.updateOrganizationAction(
      org.id,
      idle,
      form({ name: '', categoryId: category.id, isCoordinationOffice: 'on', topicIds: [topic.id], unknownField: 'x', version: String(org.version) }),
    )) as FormState;
    expect(state.status).toBe('error');
    expect(Object.keys(state.fieldErrors ?? {})).toEqual(['name']);
    expect(state.values).toMatchObject({ name: '', categoryId: category.id, isCoordinationOffice: 'on', topicIds: [topic.id] });
    expect(state.values).not.toHaveProperty('unknownField');
    // An unchecked box comes back unchecked, a multi-select without choice as an empty list.
    const service = await db.service.findFirstOrThrow({ where: { organizationId: org.id } });
    const serviceState = (await orgActions.saveServiceAction(org.id, service.id, idle, form({ name: '', status: 'TEMPORARILY_CLOSED', version: String(service.version) }))) as FormState;
    expect(serviceState.status).toBe('error');
    expect(serviceState.values).toMatchObject({ status: 'TEMPORARILY_CLOSED', appointmentRequired: '', interpretationOffered: '', termIds: [] });
    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({ name: service.name, status: 'ACTIVE' });
  });
});
