// Issue 11 points 2 and 3: an entry's keywords (every UI language) and the translations of its
// name, description and public services are searchable in their own script and kept current by
// triggers; the words of a query are alternatives ranked by how much of the query an entry
// covers, a town named in the query is a preference, and filler never empties a query.
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDirectoryQuery } from '@/lib/search/query';
import { searchOrganizationIds } from '@/lib/data/directory/rank';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createLanguage, createLanguageOffer, createLocation, createOrganization, createService } from '../factories/index.ts';

const db = getTestDb();

beforeEach(resetDb);

async function ids(q: string) {
  const { hits } = await searchOrganizationIds({ query: parseDirectoryQuery({ q }), limit: 20 });
  return hits.map((hit) => hit.id);
}

function translate(entityType: 'ORGANIZATION' | 'SERVICE', entityId: string, field: string, locale: string, value: string) {
  return db.translation.create({ data: { entityType, entityId, field, locale, value } });
}

describe('translations in the index', () => {
  it('an Arabic query finds the entry whose Arabic description matches; edits and deletion follow', async () => {
    const org = await createOrganization({ name: 'Beratungsstelle Nord (Beispiel)', description: 'Beratung zu Fragen des Alltags.' });
    await createOrganization({ name: 'Sportverein Süd (Beispiel)', description: 'Fußball und Turnen.' });
    expect(await ids('السكن')).toEqual([]);
    const translation = await translate('ORGANIZATION', org.id, 'description', 'ar', 'استشارات حول السكن والعمل (مثال)');
    expect(await ids('السكن')).toEqual([org.id]);
    // Arabic spelled with a hamza form the text does not use (أ/ا are folded alike).
    expect(await ids('استشارات')).toEqual([org.id]);
    await db.translation.update({ where: { id: translation.id }, data: { value: 'دورات اللغة (مثال)' } });
    expect(await ids('السكن')).toEqual([]);
    expect(await ids('دورات')).toEqual([org.id]);
    await db.translation.delete({ where: { id: translation.id } });
    expect(await ids('دورات')).toEqual([]);
  });

  it('a translated name counts as a name; a public service’s translation counts, a deleted service’s not', async () => {
    const named = await createOrganization({ name: 'Familienzentrum (Beispiel)' });
    await translate('ORGANIZATION', named.id, 'name', 'uk', 'Сімейний центр (приклад)');
    const other = await createOrganization({ name: 'Stadtbibliothek (Beispiel)' });
    const service = await createService({ organizationId: other.id, name: 'Lesestunde (Beispiel)' });
    await translate('SERVICE', service.id, 'name', 'ru', 'Семейное чтение (пример)');
    expect(await ids('сімейний')).toEqual([named.id]);
    expect(await ids('семейное')).toEqual([other.id]);
    await db.service.update({ where: { id: service.id }, data: { deletedAt: new Date() } });
    expect(await ids('семейное')).toEqual([]);
  });
});

describe('keywords in the index', () => {
  it('a Ukrainian keyword finds its entry; changing the keywords updates the results', async () => {
    const org = await createOrganization({ name: 'Treffpunkt Ost (Beispiel)', keywords: { uk: ['житло', 'оренда квартири'], de: ['Wohnungssuche'] } });
    await createOrganization({ name: 'Treffpunkt West (Beispiel)' });
    expect(await ids('житло')).toEqual([org.id]);
    expect(await ids('квартири')).toEqual([org.id]);
    expect(await ids('Wohnungssuche')).toEqual([org.id]);
    await db.organization.update({ where: { id: org.id }, data: { keywords: { ru: ['жильё'] } } });
    expect(await ids('житло')).toEqual([]);
    expect(await ids('жилье')).toEqual([org.id]);
    // Keys other than the UI languages are ignored.
    await db.organization.update({ where: { id: org.id }, data: { keywords: { xx: ['geheimwort'] } } });
    expect(await ids('geheimwort')).toEqual([]);
  });

  it('a keyword ranks above the same word in a description', async () => {
    const described = await createOrganization({ name: 'Verein A (Beispiel)', description: 'Wir helfen auch bei der Wohnungssuche.' });
    const keyworded = await createOrganization({ name: 'Verein B (Beispiel)', keywords: { de: ['Wohnungssuche'] } });
    expect(await ids('Wohnungssuche')).toEqual([keyworded.id, described.id]);
  });
});

describe('ranking by coverage', () => {
  it('does not demand every word; entries covering more words come first', async () => {
    const arabic = await createLanguage({ code: 'ar', nameDe: 'Arabisch', nameNative: 'العربية' });
    const plain = await createOrganization({ name: 'Beratungsbüro (Beispiel)', sortOrder: 1 });
    const speaking = await createOrganization({ name: 'Sozialberatung Mitte (Beispiel)', sortOrder: 2 });
    await createLanguageOffer({ organizationId: speaking.id, languageCode: arabic.code });
    const unrelated = await createOrganization({ name: 'Chor (Beispiel)' });
    const found = await ids('Beratung Arabisch');
    expect(found[0]).toBe(speaking.id);
    expect(found).toContain(plain.id);
    expect(found).not.toContain(unrelated.id);
  });

  it('a town named in the query is a preference, not a required word', async () => {
    const here = await createOrganization({ name: 'Jobcenter (Beispiel)' });
    await createLocation({ organizationId: here.id, municipality: 'Havelberg', city: 'Havelberg' });
    const elsewhere = await createOrganization({ name: 'Tafel (Beispiel)', description: 'Lebensmittel' });
    await createLocation({ organizationId: elsewhere.id, municipality: 'Stendal', city: 'Stendal' });
    // "Stendal" is not in the Jobcenter's text at all: still found, first.
    expect(await ids('jobcenter stendal')).toEqual([here.id]);
    // Between two matches, the one in the named town comes first.
    const there = await createOrganization({ name: 'Jobcenter Außenstelle (Beispiel)', sortOrder: 5 });
    await createLocation({ organizationId: there.id, municipality: 'Stendal', city: 'Stendal' });
    expect((await ids('jobcenter stendal'))[0]).toBe(there.id);
    expect((await ids('jobcenter havelberg'))[0]).toBe(here.id);
    // A town alone is what is searched.
    expect(await ids('Stendal')).toEqual(expect.arrayContaining([elsewhere.id, there.id]));
  });

  it('filler is dropped, but a query of filler alone keeps its longer words', async () => {
    const hilfe = await createOrganization({ name: 'Nachbarschaftshilfe (Beispiel)' });
    const kurs = await createOrganization({ name: 'Sprachkurs Plus (Beispiel)' });
    expect(await ids('ich suche einen Sprachkurs')).toEqual([kurs.id]);
    expect(await ids('Hilfe')).toEqual([hilfe.id]);
  });
});
