import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { listZeroResultFilters, listZeroResultSearches } from '@/lib/data/dashboard';
import { dateFormat, orNotFound } from '../page-utils';

export const metadata: Metadata = { title: 'Suchen ohne Treffer' };

const PERIODS = [30, 90, 365];

const FILTER_LABELS: Record<string, string> = {
  topic: 'Thema',
  category: 'Bereich',
  language: 'Sprache',
  targetGroup: 'Zielgruppe',
  age: 'Alter',
  municipality: 'Ort',
  openNow: 'jetzt geöffnet',
  wheelchair: 'rollstuhlgerecht',
};

function describeFilters(filters: Record<string, string | number | boolean>): string {
  return Object.entries(filters)
    .map(([key, value]) => (value === true ? FILTER_LABELS[key] ?? key : `${FILTER_LABELS[key] ?? key}: ${String(value)}`))
    .join(', ');
}

export default async function ZeroResultSearchesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/suchanfragen');
  const search = await searchParams;
  const days = PERIODS.find((period) => String(period) === search.tage) ?? 90;
  const [queries, filters] = await Promise.all([
    orNotFound(listZeroResultSearches({ actor, days })),
    orNotFound(listZeroResultFilters({ actor, days })),
  ]);
  return (
    <div>
      <h1 className="admin-h1">Suchen ohne Treffer</h1>
      <p className="mb-4">
        Wonach Besucher*innen gesucht und nichts gefunden haben: ein Hinweis auf Bedarf, für den es (noch) kein Angebot im Netzwerk gibt, oder auf
        fehlende Begriffe in den Einträgen. Die Suche wird anonym gespeichert (ohne IP-Adresse, ohne Person). Gleiche Wörter in anderer Schreibweise
        (groß/klein, Umlaute) sind zusammengefasst.
      </p>
      <nav aria-label="Zeitraum" className="mb-4 flex flex-wrap gap-4">
        {PERIODS.map((period) => (
          <Link key={period} href={`/de/admin/suchanfragen?tage=${period}`} className="admin-link" aria-current={period === days ? 'page' : undefined}>
            {period === days ? <strong>Letzte {period} Tage</strong> : `Letzte ${period} Tage`}
          </Link>
        ))}
      </nav>
      <section aria-labelledby="woerter">
        <h2 id="woerter" className="admin-h2">Suchwörter ({queries.length})</h2>
        {queries.length ? (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Suche</th>
                <th scope="col">Anzahl</th>
                <th scope="col">Zuletzt</th>
                <th scope="col">Sprache der Website</th>
              </tr>
            </thead>
            <tbody>
              {queries.map((row) => (
                <tr key={row.query}>
                  <td>„{row.query}“</td>
                  <td>{row.count}</td>
                  <td>{dateFormat.format(row.lastAt)}</td>
                  <td>{row.locales.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Keine Suchen ohne Treffer in diesem Zeitraum.</p>
        )}
      </section>
      <section aria-labelledby="filter">
        <h2 id="filter" className="admin-h2">Nur mit Filtern gesucht ({filters.length})</h2>
        {filters.length ? (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Filter</th>
                <th scope="col">Anzahl</th>
                <th scope="col">Zuletzt</th>
              </tr>
            </thead>
            <tbody>
              {filters.map((row) => (
                <tr key={JSON.stringify(row.filters)}>
                  <td>{describeFilters(row.filters)}</td>
                  <td>{row.count}</td>
                  <td>{dateFormat.format(row.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Keine.</p>
        )}
      </section>
    </div>
  );
}
