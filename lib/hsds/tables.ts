// The HSDS 3.0 tabular data package (/api/hsds/datapackage.zip): one CSV per HSDS table with the
// scalar fields of its schema as columns, and a datapackage.json (Frictionless Data) describing
// them. Pure: the rows come from the same mapped objects as the JSON API, so both agree.
import { stringify } from 'csv-stringify/sync';
import type { mapOrganizationToHsds } from './map';

type Row = Record<string, unknown>;

// Column: name and Frictionless type (the schema's datapackage_type).
const S = 'string';
const TABLES = {
  organization: { id: S, name: S, alternate_name: S, description: S, email: S, website: S, tax_status: S, tax_id: S, year_incorporated: 'number', legal_status: S, logo: S, uri: S, parent_organization_id: S },
  service: {
    id: S, organization_id: S, program_id: S, name: S, alternate_name: S, description: S, url: S, email: S, status: S, interpretation_services: S,
    application_process: S, fees_description: S, wait_time: S, fees: S, accreditations: S, eligibility_description: S, minimum_age: 'number',
    maximum_age: 'number', assured_date: 'date', assurer_email: S, licenses: S, alert: S, last_modified: 'datetime',
  },
  location: { id: S, location_type: S, url: S, organization_id: S, name: S, alternate_name: S, description: S, transportation: S, latitude: 'number', longitude: 'number', external_identifier: S, external_identifier_type: S },
  address: { id: S, location_id: S, attention: S, address_1: S, address_2: S, city: S, region: S, state_province: S, postal_code: S, country: S, address_type: S },
  accessibility: { id: S, location_id: S, description: S, details: S, url: S },
  service_at_location: { id: S, service_id: S, location_id: S, description: S },
  contact: { id: S, organization_id: S, service_id: S, service_at_location_id: S, location_id: S, name: S, title: S, department: S, email: S },
  phone: { id: S, location_id: S, service_id: S, organization_id: S, contact_id: S, service_at_location_id: S, number: S, extension: 'number', type: S, description: S },
  language: { id: S, service_id: S, location_id: S, phone_id: S, name: S, code: S, note: S },
  schedule: {
    id: S, service_id: S, location_id: S, service_at_location_id: S, valid_from: 'date', valid_to: 'date', dtstart: 'date', timezone: 'number', until: 'date',
    count: 'number', wkst: S, freq: S, interval: 'number', byday: S, byweekno: S, bymonthday: S, byyearday: S, description: S, opens_at: 'time',
    closes_at: 'time', schedule_link: S, attending_type: S, notes: S,
  },
  attribute: { id: S, link_id: S, taxonomy_term_id: S, link_type: S, link_entity: S, value: S },
  taxonomy: { id: S, name: S, description: S, uri: S, version: S },
  taxonomy_term: { id: S, code: S, name: S, description: S, parent_id: S, taxonomy: S, language: S, taxonomy_id: S, term_uri: S },
} as const;

type Table = keyof typeof TABLES;
export type HsdsTables = Record<Table, Row[]>;

const list = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);

// Every nested object of the mapped organizations, one row per id and table.
export function toTables(
  organizations: ReturnType<typeof mapOrganizationToHsds>[],
  { taxonomies, terms }: { taxonomies: Row[]; terms: Row[] },
): HsdsTables {
  const tables = Object.fromEntries(Object.keys(TABLES).map((table) => [table, new Map<string, Row>()])) as Record<Table, Map<string, Row>>;
  const add = (table: Table, row: Row) => tables[table].set(String(row.id), row);
  const addPhones = (phones: unknown) => {
    for (const phone of list(phones)) {
      add('phone', phone);
      for (const language of list(phone.languages)) add('language', language);
    }
  };
  const addContacts = (contacts: unknown) => {
    for (const contact of list(contacts)) {
      add('contact', contact);
      addPhones(contact.phones);
    }
  };
  for (const org of organizations as unknown as Row[]) {
    add('organization', org);
    addPhones(org.phones);
    addContacts(org.contacts);
    for (const attribute of list(org.attributes)) add('attribute', attribute);
    for (const location of list(org.locations)) {
      add('location', location);
      for (const address of list(location.addresses)) add('address', address);
      for (const accessibility of list(location.accessibility)) add('accessibility', accessibility);
      for (const schedule of list(location.schedules)) add('schedule', schedule);
    }
    for (const service of list(org.services)) {
      add('service', service);
      for (const language of list(service.languages)) add('language', language);
      for (const schedule of list(service.schedules)) add('schedule', schedule);
      for (const link of list(service.service_at_locations)) add('service_at_location', link);
      for (const attribute of list(service.attributes)) add('attribute', attribute);
      addContacts(service.contacts);
    }
  }
  for (const taxonomy of taxonomies) add('taxonomy', taxonomy);
  for (const term of terms) add('taxonomy_term', term);
  return Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, [...rows.values()]])) as HsdsTables;
}

function csv(table: Table, rows: Row[]): string {
  const columns = Object.keys(TABLES[table]);
  return stringify(
    rows.map((row) => columns.map((column) => row[column] ?? '')),
    { header: true, columns, record_delimiter: '\r\n' },
  );
}

// The files of the package: datapackage.json first, then one CSV per table.
export function dataPackageFiles(tables: HsdsTables, { baseUrl, created }: { baseUrl: string; created: string }): Record<string, string> {
  const names = Object.keys(TABLES) as Table[];
  const descriptor = {
    profile: 'tabular-data-package',
    name: 'netzwerk-integration-stendal-hsds',
    title: 'Netzwerk Integration Stendal: Verzeichnis im Format HSDS 3.0',
    description: 'Öffentliche Einträge des Verzeichnisses (Open Referral Human Services Data Specification 3.0, tabellarisch).',
    homepage: `${baseUrl}/de/akteure`,
    version: '3.0',
    created,
    licenses: [{ name: 'dl-de-by-2.0', path: 'https://www.govdata.de/dl-de/by-2-0', title: 'Datenlizenz Deutschland – Namensnennung – Version 2.0' }],
    resources: names.map((table) => ({
      name: table,
      path: `${table}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: Object.entries(TABLES[table]).map(([name, type]) => ({ name, type, ...(name === 'id' ? { constraints: { required: true, unique: true } } : {}) })),
        primaryKey: 'id',
      },
    })),
  };
  return {
    'datapackage.json': JSON.stringify(descriptor, null, 2),
    ...Object.fromEntries(names.map((table) => [`${table}.csv`, csv(table, tables[table])])),
  };
}
