// The history's presenter: labels instead of ids (stored with the row, else today's name, else
// "gelöscht"), enum values and field names in the reader's admin language, Berlin time, word diff.
import { describe, expect, it } from 'vitest';
import { presentChanges, presentEntry, referencedIds } from '@/lib/audit/present';

const CATEGORY_A = '11111111-1111-4111-8111-111111111111';
const CATEGORY_B = '22222222-2222-4222-8222-222222222222';
const GONE = '33333333-3333-4333-8333-333333333333';

const categoryChange = {
  categoryId: { before: CATEGORY_A, after: CATEGORY_B, labels: { [CATEGORY_A]: 'Beratungsdienste', [CATEGORY_B]: 'Behörden und Ämter' } },
  version: { before: 3, after: 4 },
};

describe('audit presenter', () => {
  it('names referenced records with the name stored in the row, in German', () => {
    const [row, ...rest] = presentChanges('de', 'Organization', categoryChange, new Map());
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ field: 'categoryId', label: 'Bereich', before: 'Beratungsdienste', after: 'Behörden und Ämter' });
  });

  it('prefers the English name of vocabulary in the English admin and labels the field in English', () => {
    const names = new Map([[CATEGORY_A, 'Counselling services'], [CATEGORY_B, 'Public authorities']]);
    const [row] = presentChanges('en', 'Organization', categoryChange, names);
    expect(row).toMatchObject({ label: 'Area', before: 'Counselling services', after: 'Public authorities' });
  });

  it('falls back to today\'s name for old rows, then to "gelöscht"', () => {
    const changes = { topicIds: { before: [CATEGORY_A], after: [CATEGORY_A, GONE] }, parentId: { before: null, after: GONE } };
    const names = new Map([[CATEGORY_A, 'Arbeit']]);
    const rows = presentChanges('de', 'Organization', changes, names);
    expect(rows).toEqual([
      { field: 'topicIds', label: 'Themen', before: 'Arbeit', after: 'Arbeit, gelöscht' },
      { field: 'parentId', label: 'Übergeordnete Organisation', before: '(leer)', after: 'gelöscht' },
    ]);
    expect(presentChanges('en', 'Organization', { parentId: { before: null, after: GONE } }, new Map())[0].after).toBe('deleted');
    expect(referencedIds([changes])).toMatchObject({ term: [CATEGORY_A, GONE], organization: [GONE] });
  });

  it('translates enum values by field and record type', () => {
    const de = (entityType: string, field: string, value: string) => presentChanges('de', entityType, { [field]: { before: null, after: value } }, new Map())[0].after;
    const en = (entityType: string, field: string, value: string) => presentChanges('en', entityType, { [field]: { before: null, after: value } }, new Map())[0].after;
    expect(de('Organization', 'status', 'DRAFT')).toBe('Entwurf');
    expect(en('Organization', 'status', 'PUBLISHED')).toBe('Published');
    expect(de('ChangeRequest', 'status', 'PENDING')).toBe('wird geprüft');
    expect(de('Invitation', 'role', 'PARTNER')).toBe('Partner');
    expect(en('Invitation', 'role', 'ADMIN')).not.toBe('ADMIN');
    expect(de('ContactPerson', 'visibility', 'PUBLIC')).toBe('Öffentlich');
    expect(de('Service', 'status', 'ACTIVE')).toBe('Aktiv');
    expect(en('Service', 'status', 'TEMPORARILY_CLOSED')).toBe('Temporarily closed');
  });

  it('names fields instead of showing their code, and words weekdays and times', () => {
    const slot = presentChanges('de', 'Schedule', { weekday: { before: null, after: 2 }, opensAt: { before: null, after: '09:00' }, closesAt: { before: null, after: 720 } }, new Map());
    expect(slot.map((row) => [row.label, row.after])).toEqual([
      ['Wochentag', 'Dienstag'],
      ['Beginn', '09:00 Uhr'],
      ['Ende', '12:00 Uhr'],
    ]);
    const invitation = presentChanges('en', 'Invitation', { organizationIds: { before: null, after: [CATEGORY_A], labels: { [CATEGORY_A]: 'Caritas (Beispiel)' } } }, new Map());
    expect(invitation[0]).toMatchObject({ label: 'Organisations', after: 'Caritas (Beispiel)' });
    for (const row of [...slot, ...invitation]) expect(row.label).not.toMatch(/^[a-z]+[A-Z]/);
  });

  it('shows when it happened in Berlin time, formatted for the reader', () => {
    const entry = { entityType: 'Organization', action: 'PUBLISH', createdAt: new Date('2026-07-01T10:05:00Z'), changes: { status: { before: 'DRAFT', after: 'PUBLISHED' } } };
    const de = presentEntry('de', entry, new Map());
    expect(de).toMatchObject({ subject: 'Eintrag', action: 'veröffentlicht' });
    expect(de.at).toContain('12:05');
    expect(de.at).toMatch(/01\.07\.2026|1\. Juli 2026|01\.07\.26/);
    const en = presentEntry('en', entry, new Map());
    expect(en.at).toContain('12:05');
    expect(en.at).toMatch(/1 Jul 2026/);
    expect(en.changes[0]).toMatchObject({ label: 'Status', before: 'Draft', after: 'Published' });
    // Instants in the payload too (a verification), in Berlin time.
    const verified = presentChanges('de', 'Organization', { lastVerifiedAt: { before: null, after: '2026-01-15T23:30:00.000Z' } }, new Map());
    expect(verified[0]).toMatchObject({ label: 'Zuletzt geprüft' });
    expect(verified[0].after).toContain('00:30');
  });

  it('diffs long texts word by word', () => {
    const before = 'Wir beraten Migrant*innen in Stendal zu Aufenthalt, Arbeit und Wohnen, dienstags und donnerstags ohne Termin.';
    const after = 'Wir beraten Migrant*innen in Stendal und Tangermünde zu Aufenthalt, Arbeit und Wohnen, dienstags ohne Termin.';
    const [row] = presentChanges('de', 'Organization', { description: { before, after } }, new Map());
    expect(row.label).toBe('Beschreibung');
    const removed = row.words!.filter((part) => part.change === 'removed').map((part) => part.text.trim());
    const added = row.words!.filter((part) => part.change === 'added').map((part) => part.text.trim());
    expect(removed.join(' ')).toContain('donnerstags');
    expect(added.join(' ')).toContain('Tangermünde');
    expect(row.words!.filter((part) => part.change !== 'added').map((part) => part.text).join('')).toBe(before);
    expect(row.words!.filter((part) => part.change !== 'removed').map((part) => part.text).join('')).toBe(after);
    // Short values are shown whole.
    expect(presentChanges('de', 'Organization', { name: { before: 'A', after: 'B' } }, new Map())[0].words).toBeUndefined();
  });
});

describe('amended change requests', () => {
  it('labels the proposed fields of the record the request is about', () => {
    const rows = presentChanges('de', 'ChangeRequest', { 'Organization.categoryId': { before: CATEGORY_A, after: CATEGORY_B, labels: { [CATEGORY_A]: 'Beratungsdienste', [CATEGORY_B]: 'Behörden und Ämter' } }, 'Service.appointmentRequired': { before: true, after: false } }, new Map());
    expect(rows.map((row) => `${row.label}: ${row.before} → ${row.after}`)).toEqual(['Bereich: Beratungsdienste → Behörden und Ämter', 'Termin nötig: ja → nein']);
  });
});
