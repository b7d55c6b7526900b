// The import template: every column the import understands, two example rows (clearly marked as
// examples), as CSV for Excel and as XLSX with a sheet explaining the columns.
import ExcelJS from 'exceljs';
import { toExcelCsv } from '@/lib/format/csv';
import { IMPORT_FIELDS } from './fields';

const EXAMPLES: Record<string, string>[] = [
  {
    externalId: 'B-001',
    name: 'Beratungsstelle am Markt (Beispiel)',
    category: 'Beratungsdienste',
    topics: 'Beratung, Familie',
    email: 'beratung@example.org',
    phone: '03931 000000',
    keywords: 'Aufenthalt, Wohnung suchen',
    keywordsAr: 'إقامة، سكن',
    serviceName: 'Migrationsberatung (Beispiel)',
    serviceLanguages: 'Arabisch, Ukrainisch',
    appointmentRequired: 'ja',
    locationName: 'Büro am Markt',
    street: 'Beispielstraße 1',
    postalCode: '39576',
    city: 'Stendal',
    municipality: 'Stendal',
    wheelchairAccessible: 'ja',
    contactRole: 'Migrationsberatung für Erwachsene',
    contactEmail: 'team@example.org',
    contactVisibility: 'öffentlich',
  },
  {
    externalId: 'B-001',
    name: 'Beratungsstelle am Markt (Beispiel)',
    contactRole: 'Leitung',
    contactName: 'Vorname Nachname (Beispiel)',
    contactEmail: 'leitung@example.org',
    contactVisibility: 'intern',
  },
];

const TEMPLATE_HELP: Record<string, string> = {
  externalId: 'Ihre eigene Nummer für den Eintrag. Zeilen mit derselben ID gehören zu einer Organisation; beim nächsten Import wird der Eintrag daran wiedererkannt und aktualisiert.',
  organizationId: 'Nur für vorhandene Einträge: die Organisations-ID aus dem Export. Der Eintrag mit dieser ID wird aktualisiert; für neue Einträge leer lassen.',
  slug: 'Die Adresse des Eintrags (/de/akteure/…). Vorhandene Einträge werden daran wiedererkannt.',
  name: 'Pflichtfeld für neue Einträge.',
  category: 'Ein Bereich aus der Verwaltung (Name oder Kurzname), z. B. „Beratungsdienste“.',
  topics: 'Themen oder Zielgruppen, durch Komma getrennt.',
  keywords: 'Deutsche Suchbegriffe: Wörter, unter denen der Eintrag gefunden werden soll, durch Komma getrennt. Leer = unverändert.',
  keywordsEn: 'Englische Suchbegriffe, durch Komma getrennt.',
  keywordsAr: 'Arabische Suchbegriffe, durch Komma (auch „،“) getrennt.',
  keywordsUk: 'Ukrainische Suchbegriffe, durch Komma getrennt.',
  keywordsRu: 'Russische Suchbegriffe, durch Komma getrennt.',
  serviceLanguages: 'Sprachen (Name oder Kürzel wie „ar“), durch Komma getrennt.',
  contactLanguages: 'Sprachen (Name oder Kürzel), durch Komma getrennt.',
  appointmentRequired: '„ja“ oder „nein“.',
  interpretationOffered: '„ja“ oder „nein“.',
  wheelchairAccessible: '„ja“ oder „nein“; leer = unbekannt.',
  contactVisibility: '„öffentlich“ oder „intern“ (Standard: intern).',
  contactConsent: '„ja“, wenn die Person der Veröffentlichung zugestimmt hat; dann auch den Umfang angeben.',
};

export function templateCsv(): Buffer {
  return toExcelCsv(
    IMPORT_FIELDS.map((f) => f.label),
    EXAMPLES.map((example) => IMPORT_FIELDS.map((f) => example[f.key] ?? '')),
  );
}

export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Import');
  sheet.addRow(IMPORT_FIELDS.map((f) => f.label)).font = { bold: true };
  for (const example of EXAMPLES) sheet.addRow(IMPORT_FIELDS.map((f) => example[f.key] ?? ''));
  sheet.columns.forEach((column) => {
    column.width = 24;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = workbook.addWorksheet('Hinweise');
  help.addRow(['Spalte', 'Hinweis']).font = { bold: true };
  for (const field of IMPORT_FIELDS) help.addRow([field.label, TEMPLATE_HELP[field.key] ?? '']);
  help.getColumn(1).width = 36;
  help.getColumn(2).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
