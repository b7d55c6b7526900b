// Issue 11, point 4 (nearby): the `naehe` URL parameter, the "Route planen" links and the seeded
// town table's shape. Pure logic; the ordering itself is in tests/integration/search-near.test.ts.
import { describe, expect, it } from 'vitest';
import { tileOrigins, tileUrlProblem } from '@/lib/map/tiles';
import { postalAddress, routeLinks } from '@/lib/map/routes';
import { parseDirectoryQuery, toSearchString, validateDirectoryQuery } from '@/lib/search/query';
import { countyTowns } from '@/prisma/seed-data/county-towns';

describe('the naehe parameter', () => {
  it('is read as a lower-case slug and kept out of the URL when unused', () => {
    expect(parseDirectoryQuery({ naehe: ' Stendal ' }).near).toBe('stendal');
    expect(parseDirectoryQuery({ naehe: '' }).near).toBeUndefined();
    expect(parseDirectoryQuery({ naehe: '<script>' }).near).toBeUndefined();
    expect(toSearchString(parseDirectoryQuery({ q: 'Beratung' }))).toBe('?q=Beratung');
    expect(toSearchString(parseDirectoryQuery({ q: 'Beratung', naehe: 'osterburg-altmark' }))).toBe('?q=Beratung&naehe=osterburg-altmark');
    expect(toSearchString(parseDirectoryQuery({ naehe: 'stendal', seite: '2' }), { near: undefined })).toBe('?seite=2');
  });

  it('is reported by name when malformed (the API is strict)', () => {
    const result = validateDirectoryQuery(new URLSearchParams({ near: 'Tanger münde' }), { near: 'near' });
    expect(result.success).toBe(false);
    expect(!result.success && Object.keys(result.errors)).toEqual(['near']);
  });
});

describe('Route planen links', () => {
  const place = { name: 'Beratungsstelle (Beispiel)', street: 'Beispielweg 1', postalCode: '39576', city: 'Stendal' };

  it('use the coordinates when there are some', () => {
    const links = routeLinks({ ...place, latitude: 52.6021, longitude: 11.8612 })!;
    expect(links.geo).toBe('geo:52.6021,11.8612?q=52.6021,11.8612(Beratungsstelle%20Beispiel)');
    expect(links.osm).toBe('https://www.openstreetmap.org/directions?to=52.6021,11.8612#map=16/52.6021/11.8612');
  });

  it('fall back to the postal address, and are absent without either', () => {
    const links = routeLinks(place)!;
    expect(postalAddress(place)).toBe('Beispielweg 1, 39576 Stendal');
    expect(links.geo).toBe('geo:0,0?q=Beispielweg%201%2C%2039576%20Stendal');
    expect(new URL(links.osm).searchParams.get('to')).toBe('Beispielweg 1, 39576 Stendal');
    expect(routeLinks({ name: 'Nur ein Name' })).toBeUndefined();
    // Out-of-range coordinates are no position.
    expect(routeLinks({ ...place, latitude: 200, longitude: 11 })!.geo).toMatch(/^geo:0,0\?q=/);
  });
});

describe('map tile URL', () => {
  it('accepts a template with {z}, {x}, {y} on http(s) and names its origins', () => {
    expect(tileUrlProblem('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBeUndefined();
    expect(tileUrlProblem('https://example.org/tiles.png')).toMatch(/\{z\}/);
    expect(tileUrlProblem('ftp://example.org/{z}/{x}/{y}.png')).toMatch(/https/);
    expect(tileOrigins(undefined)).toEqual(['https://tile.openstreetmap.org']);
    expect(tileOrigins('  ')).toEqual(['https://tile.openstreetmap.org']);
    expect(tileOrigins('https://t.example.org/{s}/{z}/{x}/{y}.png')).toEqual(['https://t.example.org']);
  });
});

describe('the county towns', () => {
  const slugOf = (name: string) =>
    name
      .toLowerCase()
      .replaceAll('ä', 'ae')
      .replaceAll('ö', 'oe')
      .replaceAll('ü', 'ue')
      .replaceAll('ß', 'ss')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');

  it('have URL slugs made from their names, and lie in Landkreis Stendal', () => {
    expect(countyTowns.length).toBeGreaterThanOrEqual(10);
    expect(new Set(countyTowns.map((town) => town.slug)).size).toBe(countyTowns.length);
    for (const town of countyTowns) {
      expect(town.slug, town.name).toBe(slugOf(town.name));
      // The county's bounding box (roughly 52.35-53.05 N, 11.45-12.35 E).
      expect(town.latitude, town.name).toBeGreaterThan(52.35);
      expect(town.latitude, town.name).toBeLessThan(53.05);
      expect(town.longitude, town.name).toBeGreaterThan(11.45);
      expect(town.longitude, town.name).toBeLessThan(12.35);
      // At most 4 decimals.
      expect(Math.round(town.latitude * 1e4) / 1e4).toBe(town.latitude);
      expect(Math.round(town.longitude * 1e4) / 1e4).toBe(town.longitude);
    }
  });
});
