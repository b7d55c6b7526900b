// The yearly report as labelled tables: one definition shared by the admin page (tables and bar
// charts) and the CSV download, so that paper, screen and spreadsheet show the same figures.
import type { YearlyReport } from '@/lib/data/reports/yearly-report';
import type { AdminLocale } from '@/lib/i18n/admin-locales';

// The report's translate function (Admin.YearlyReport), kept structural so this stays pure.
export type ReportT = (key: string, values?: Record<string, string | number>) => string;

export type ReportSection = 'overview' | 'meetings' | 'projects' | 'events' | 'searches';

export interface ReportTable {
  id: string;
  section: ReportSection;
  caption: string;
  columns: string[];
  rows: (string | number)[][];
  // Draw the first column's labels against this numeric column as bars.
  chartColumn?: number;
}

export function buildReportTables(report: YearlyReport, t: ReportT, locale: AdminLocale): ReportTable[] {
  const tag = locale === 'en' ? 'en-GB' : 'de-DE';
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'Europe/Berlin' });
  const languageNames = new Intl.DisplayNames([tag], { type: 'language' });
  const languageName = (code: string | null) => {
    if (!code) return t('noLanguage');
    try {
      const name = languageNames.of(code);
      return name && name !== code ? `${name} (${code})` : code;
    } catch {
      return code;
    }
  };
  const { meetings, tasks, projects, events, entries, searches } = report;
  return [
    {
      id: 'kennzahlen',
      section: 'overview',
      caption: t('captionSummary', { year: report.year }),
      columns: [t('colFigure'), t('colCount')],
      rows: [
        [t('figMeetingsHeld'), meetings.held],
        [t('figMeetingsCancelled'), meetings.cancelled],
        [t('figOrganizations'), meetings.organizations],
        [t('figPersons'), meetings.persons],
        [t('figAgenda'), report.agenda.length],
        [t('figTasksOpened'), tasks.opened],
        [t('figTasksClosed'), tasks.closed],
        [t('figProjects'), projects.running],
        [t('figEvents'), events.total],
        [t('figEventsCancelled'), events.cancelled],
        [t('figEntriesAdded'), entries.added],
        [t('figEntriesUpdated'), entries.updated],
        [t('figEntriesVerified'), entries.verified],
        [t('figChanges'), entries.changes],
        [t('figSearches'), searches.total],
        [t('figZeroResult'), searches.zeroResult],
      ],
    },
    {
      id: 'treffen-nach-art',
      section: 'meetings',
      caption: t('captionByKind'),
      columns: [t('colKind'), t('colMeetings'), t('colParticipations'), t('colOrganizations'), t('colPersons')],
      rows: meetings.byKind.map((row) => [t(`kind_${row.kind}`), row.meetings, row.participations, row.organizations, row.persons]),
      chartColumn: 1,
    },
    {
      id: 'teilnahme-nach-kategorie',
      section: 'meetings',
      caption: t('captionByCategory'),
      columns: [t('colCategory'), t('colOrganizations')],
      rows: meetings.byCategory.map((row) => [row.label ?? t('noCategory'), row.count]),
      chartColumn: 1,
    },
    {
      id: 'treffen',
      section: 'meetings',
      caption: t('captionMeetingList'),
      columns: [t('colDate'), t('colTitle'), t('colKind'), t('colOrganizations'), t('colPersons'), t('colAgendaItems')],
      rows: meetings.list.map((row) => [date.format(row.startsAt), row.title, t(`kind_${row.kind}`), row.organizations, row.persons, row.agendaItems]),
    },
    {
      id: 'tagesordnung',
      section: 'meetings',
      caption: t('captionAgenda'),
      columns: [t('colDate'), t('colMeeting'), t('colTopic'), t('colProposedBy')],
      rows: report.agenda.map((row) => [date.format(row.startsAt), row.meetingTitle, row.title, row.organization ?? t('noOrganization')]),
    },
    {
      id: 'projekte-nach-stand',
      section: 'projects',
      caption: t('captionProjectStatus'),
      columns: [t('colStatus'), t('colProjects')],
      rows: projects.byStatus.map((row) => [t(`status_${row.key}`), row.count]),
      chartColumn: 1,
    },
    {
      id: 'projekte-nach-thema',
      section: 'projects',
      caption: t('captionProjectTopic'),
      columns: [t('colTopic'), t('colProjects')],
      rows: projects.byTopic.map((row) => [row.label ?? t('noTopic'), row.count]),
      chartColumn: 1,
    },
    {
      id: 'veranstaltungen-nach-thema',
      section: 'events',
      caption: t('captionEventTopic'),
      columns: [t('colTopic'), t('colEvents')],
      rows: events.byTopic.map((row) => [row.label ?? t('noTopic'), row.count]),
      chartColumn: 1,
    },
    {
      id: 'veranstaltungen-nach-sprache',
      section: 'events',
      caption: t('captionEventLanguage'),
      columns: [t('colLanguage'), t('colEvents')],
      rows: events.byLanguage.map((row) => [languageName(row.key), row.count]),
      chartColumn: 1,
    },
    {
      id: 'veranstaltungen-nach-ort',
      section: 'events',
      caption: t('captionEventTown'),
      columns: [t('colTown'), t('colEvents')],
      rows: events.byTown.map((row) => [row.key === null ? t('noTown') : row.key === 'online' ? t('online') : row.key, row.count]),
      chartColumn: 1,
    },
    {
      id: 'suchen-nach-sprache',
      section: 'searches',
      caption: t('captionSearchLanguage'),
      columns: [t('colLanguage'), t('colSearches'), t('colZeroResult')],
      rows: searches.byLanguage.map((row) => [languageName(row.key), row.total, row.zeroResult]),
      chartColumn: 1,
    },
    {
      id: 'suchen-nach-thema',
      section: 'searches',
      caption: t('captionSearchTopic'),
      columns: [t('colTopic'), t('colSearches'), t('colZeroResult')],
      rows: searches.byTopic.map((row) => [row.label ?? t('noTopic'), row.total, row.zeroResult]),
      chartColumn: 1,
    },
  ];
}

// One CSV for the whole report: the title, then each table as its caption, its header and its
// rows, separated by an empty line (lib/format/csv.ts writes it as Excel in Germany reads it).
export function reportCsvRows(report: YearlyReport, tables: ReportTable[], t: ReportT): { header: string[]; rows: (string | number)[][] } {
  const rows: (string | number)[][] = [];
  for (const table of tables) {
    rows.push([], [table.caption], table.columns, ...table.rows);
  }
  return { header: [t('csvTitle', { year: report.year })], rows };
}
