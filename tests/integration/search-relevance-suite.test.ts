// The relevance suite of issue 11's acceptance: queries as visitors type them, in the five UI
// languages (plus a few in Farsi and Turkish), against the real seed, the synthetic directory
// fixtures and the example entries for needs the seed has no actor for. Each query names the
// entry that a coordinator of the network would point the visitor to; the suite prints the hit
// rate in the top 3 and the mean reciprocal rank (of the first 10), overall, per language and
// per kind of query, lists the misses with what came instead, and fails below a 0.9 hit rate.
//
// The queries were written from what visitors need, not from what the search finds: do not
// change a query or its expected entry to make the suite pass; improve the search.
//
// Kinds: `name` (words of the entry's own name), `everyday` (how people say it), `synonym`
// (another word for what the entry does, or its old name), `filler` (a phrase or sentence with
// words that carry no meaning), `place` (with one of the county's towns), `typo`, `abbreviation`,
// `other-script` (a German name written in Arabic or Cyrillic letters).
//
// Two groups: `first`, the queries below (written while the search was built), and `held-out`,
// tests/fixtures/relevance-examples.ts's HELD_OUT_QUERIES (written by another engineer before they
// were ever run, so that they show how the search does on queries nobody tuned it on). Figures
// are printed per group and for both together; the hit rate of both together must stay >= 0.9.
//
// Set RELEVANCE_REPORT=<file> to also write every query's top 10 as JSON.
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/prisma/seed';
import { parseDirectoryQuery } from '@/lib/search/query';
import { runDirectorySearch } from '@/lib/data/directory/search';
import { getTestDb, testDatabaseUrl } from '../setup/db.ts';
import { createDirectoryFixtures, FIXTURE_SLUGS as F } from '../fixtures/directory.ts';
import {
  createRelevanceExamples,
  EXAMPLE_SLUGS as X,
  HELD_OUT_QUERIES,
  type RelevanceCase,
  type RelevanceKind,
  type RelevanceLanguage,
  SEED_SLUGS as S,
} from '../fixtures/relevance-examples.ts';

// In this order in the printed figures.
const LANGUAGES: RelevanceLanguage[] = ['de', 'en', 'ar', 'uk', 'ru', 'fa', 'tr'];
const KINDS: RelevanceKind[] = ['name', 'everyday', 'synonym', 'filler', 'place', 'typo', 'abbreviation', 'other-script'];
type QueryLanguage = RelevanceLanguage;
type Kind = RelevanceKind;
type Case = RelevanceCase;
type Group = 'first' | 'held-out';

const UI_LOCALES = new Set(['de', 'en', 'ar', 'uk', 'ru']);
const MIN_HIT_RATE = 0.9;

const firstCases: Case[] = [
  // German
  ['wo kann ich hier Deutsch lernen', 'de', S.bildungstraeger, 'filler'],
  ['Deutschkurs für Erwachsene', 'de', S.bildungstraeger, 'synonym'],
  ['ich suche einen Integrationskurs in Stendal', 'de', S.bildungstraeger, 'filler'],
  ['Integrazionskurs', 'de', S.bildungstraeger, 'typo'],
  ['Kindergarden', 'de', S.schulenKitas, 'typo'],
  ['Kitaplatz finden', 'de', S.schulenKitas, 'everyday'],
  ['Krabbelgruppe Osterburg', 'de', F.familie, 'place'],
  ['Hartz 4 beantragen', 'de', S.jobcenter, 'synonym'],
  ['ALG 2', 'de', S.jobcenter, 'abbreviation'],
  ['Jobcenetr', 'de', S.jobcenter, 'typo'],
  ['Ausbildungsplatz gesucht', 'de', X.berufsberatung, 'everyday'],
  ['Berufsberatung für Jugendliche', 'de', X.berufsberatung, 'name'],
  ['ausländischen Abschluss anerkennen lassen', 'de', X.anerkennung, 'everyday'],
  ['Zeugnisanerkennung', 'de', X.anerkennung, 'synonym'],
  ['Anwalt für Asyl', 'de', X.asyl, 'synonym'],
  ['BAMF Anhörung vorbereiten', 'de', X.asyl, 'abbreviation'],
  ['Aufenthaltserlaubnis verlängern', 'de', X.auslaenderbehoerde, 'everyday'],
  ['Ausländeramt Stendal', 'de', X.auslaenderbehoerde, 'synonym'],
  ['Auslanderbehorde', 'de', X.auslaenderbehoerde, 'typo'],
  ['Einbürgerung beantragen', 'de', X.auslaenderbehoerde, 'everyday'],
  ['suche dringend eine Wohnung', 'de', F.wohnen, 'filler'],
  ['Mietwohnung Seehausen', 'de', F.wohnen, 'place'],
  ['schwanger was nun', 'de', X.schwanger, 'filler'],
  ['Schwangerschaftsberatng', 'de', X.schwanger, 'typo'],
  ['Psychologe für Flüchtlinge', 'de', X.psyche, 'synonym'],
  ['Trauma nach der Flucht', 'de', X.psyche, 'everyday'],
  ['Dolmetcher für den Arzttermin', 'de', X.sprachmittler, 'typo'],
  ['mein Mann schlägt mich', 'de', X.gewalt, 'everyday'],
  ['Frauenhaus', 'de', X.gewalt, 'synonym'],
  ['Hilfe bei Schulden', 'de', F.buero, 'filler'],
  ['Kleiderkammer', 'de', X.tafel, 'name'],
  ['kostenlose Lebensmittel', 'de', X.tafel, 'everyday'],
  ['Fussball für Kinder', 'de', X.sport, 'typo'],
  ['Moschee', 'de', S.moschee, 'synonym'],
  ['Jugendclub', 'de', S.jugend, 'synonym'],
  ['Schulsozialarbeiter', 'de', S.schulsozialarbeit, 'synonym'],
  ['Hausaufgabenhilfe Tangermünde', 'de', F.sprachcafe, 'place'],
  ['Pate werden für Geflüchtete', 'de', F.ehrenamt, 'everyday'],
  ['studieren in Stendal', 'de', S.hochschule, 'place'],
  ['MBE Beratung', 'de', S.mbe, 'abbreviation'],
  ['Integrationsbeauftragte Landkreis', 'de', S.koordination, 'synonym'],
  ['Gleichstellungsbeauftragte', 'de', S.gleichstellung, 'synonym'],
  ['Unterkunft für Asylbewerber', 'de', S.unterkunft, 'synonym'],
  ['Verein von Migranten', 'de', S.stem, 'synonym'],
  ['Beratung auf Arabisch', 'de', F.mueller, 'everyday'],
  ['Hilfe für Ukrainer', 'de', X.ukraine, 'everyday'],
  ['Krankenkasse Hilfe', 'de', F.gesundheit, 'everyday'],
  ['Ehrenamtskoordination Landkreis', 'de', S.ehrenamt, 'synonym'],
  ['Projekt für ausländische Fachkräfte', 'de', S.fachkraft, 'everyday'],
  ['B1 Kurs', 'de', S.bildungstraeger, 'abbreviation'],
  ['Kita Anmeldung', 'de', S.schulenKitas, 'abbreviation'],
  ['SGB II Antrag', 'de', S.jobcenter, 'abbreviation'],
  ['ALG 1', 'de', X.berufsberatung, 'abbreviation'],
  ['ABH Termin', 'de', X.auslaenderbehoerde, 'abbreviation'],
  ['eAT abholen', 'de', X.auslaenderbehoerde, 'abbreviation'],
  ['DRK Migrationsberatung', 'de', S.mbe, 'abbreviation'],
  ['Arbeitsamt', 'de', X.berufsberatung, 'synonym'],
  ['Agentur für Arbeit', 'de', X.berufsberatung, 'name'],
  ['Hochschule Stendal', 'de', S.hochschule, 'name'],
  ['Deutsch üben Tangermünde', 'de', F.sprachcafe, 'place'],
  ['Treff für Frauen in Havelberg', 'de', F.frauen, 'place'],
  ['Begleitung zum Arzt Bismark', 'de', F.gesundheit, 'place'],
  ['Beratung Tangerhütte', 'de', F.buero, 'place'],
  ['Schule für mein Kind anmelden', 'de', S.schulenKitas, 'filler'],
  ['Beratung für junge Migranten', 'de', S.jmd, 'synonym'],
  ['Nähkurs für Frauen', 'de', F.frauen, 'synonym'],
  ['Elterncafé Osterburg', 'de', F.familie, 'place'],

  // English
  ['german course', 'en', S.bildungstraeger, 'everyday'],
  ['where can i learn german', 'en', S.bildungstraeger, 'filler'],
  ['integration course stendal', 'en', S.bildungstraeger, 'place'],
  ['practise speaking german', 'en', F.sprachcafe, 'everyday'],
  ['need a lawyer for my asylum case', 'en', X.asyl, 'filler'],
  ['asylum interview preparation', 'en', X.asyl, 'everyday'],
  ['asylum lawer', 'en', X.asyl, 'typo'],
  ['residence permit extension', 'en', X.auslaenderbehoerde, 'everyday'],
  ['immigration office', 'en', X.auslaenderbehoerde, 'synonym'],
  ['imigration office', 'en', X.auslaenderbehoerde, 'typo'],
  ['apply for german citizenship', 'en', X.auslaenderbehoerde, 'everyday'],
  ['jobcentre benefits', 'en', S.jobcenter, 'synonym'],
  ['welfare benefits', 'en', S.jobcenter, 'synonym'],
  ['apprenticeship', 'en', X.berufsberatung, 'synonym'],
  ['career advice for young people', 'en', X.berufsberatung, 'everyday'],
  ['recognition of foreign degree', 'en', X.anerkennung, 'everyday'],
  ['get my nursing diploma recognised', 'en', X.anerkennung, 'filler'],
  ['flat to rent', 'en', F.wohnen, 'synonym'],
  ['looking for an apartment in seehausen', 'en', F.wohnen, 'place'],
  ['kindergarten place for my son', 'en', S.schulenKitas, 'filler'],
  ['kindergarden', 'en', S.schulenKitas, 'typo'],
  ['playgroup for toddlers', 'en', F.familie, 'synonym'],
  ['pregnancy counselling', 'en', X.schwanger, 'everyday'],
  ['pregnacy advice', 'en', X.schwanger, 'typo'],
  ['therapist for refugees', 'en', X.psyche, 'synonym'],
  ['trauma counseling', 'en', X.psyche, 'everyday'],
  ['interpreter for doctor appointment', 'en', X.sprachmittler, 'everyday'],
  ['domestic violence', 'en', X.gewalt, 'everyday'],
  ["women's shelter", 'en', X.gewalt, 'synonym'],
  ['food bank', 'en', X.tafel, 'synonym'],
  ['free clothes', 'en', X.tafel, 'everyday'],
  ['football club for kids', 'en', X.sport, 'everyday'],
  ['mosque', 'en', S.moschee, 'synonym'],
  ['protestant church', 'en', S.kirche, 'synonym'],
  ['youth club', 'en', S.jugend, 'synonym'],
  ['university', 'en', S.hochschule, 'synonym'],
  ['become a mentor for refugees', 'en', F.ehrenamt, 'everyday'],
  ['homework help', 'en', F.sprachcafe, 'everyday'],
  ['debt advice', 'en', F.buero, 'everyday'],
  ['help with health insurance', 'en', F.gesundheit, 'filler'],
  ['counselling in arabic', 'en', F.mueller, 'everyday'],
  ['youth migration service', 'en', S.jmd, 'synonym'],
  ['equal opportunities office', 'en', S.gleichstellung, 'synonym'],
  ['support for ukrainians', 'en', X.ukraine, 'everyday'],
  ['refugee accommodation', 'en', S.unterkunft, 'synonym'],
  ["women's group havelberg", 'en', F.frauen, 'place'],
  ['pregnancy advice havelberg', 'en', X.schwanger, 'place'],
  ['BAMF interview', 'en', X.asyl, 'abbreviation'],
  ['school enrolment for my daughter', 'en', S.schulenKitas, 'filler'],
  ['support for young migrants', 'en', S.jmd, 'everyday'],
  ['migration counselling for adults', 'en', S.mbe, 'synonym'],
  ['parent and child group', 'en', F.familie, 'synonym'],

  // Arabic
  ['دورة لغة ألمانية', 'ar', S.bildungstraeger, 'everyday'],
  ['دورة لغة المانية', 'ar', S.bildungstraeger, 'typo'],
  ['أين أتعلم الألمانية في شتندال', 'ar', S.bildungstraeger, 'filler'],
  ['دورة الاندماج', 'ar', S.bildungstraeger, 'synonym'],
  ['محامي لجوء', 'ar', X.asyl, 'everyday'],
  ['محامى لجوء', 'ar', X.asyl, 'typo'],
  ['أريد مساعدة في إجراءات اللجوء', 'ar', X.asyl, 'filler'],
  ['تمديد الإقامة', 'ar', X.auslaenderbehoerde, 'everyday'],
  ['دائرة الأجانب', 'ar', X.auslaenderbehoerde, 'synonym'],
  ['الحصول على الجنسية الألمانية', 'ar', X.auslaenderbehoerde, 'filler'],
  ['جوب سنتر', 'ar', S.jobcenter, 'other-script'],
  ['مساعدات مالية من الجوب سنتر', 'ar', S.jobcenter, 'filler'],
  ['تدريب مهني', 'ar', X.berufsberatung, 'synonym'],
  ['معادلة الشهادة', 'ar', X.anerkennung, 'everyday'],
  ['الاعتراف بالشهادات الأجنبية', 'ar', X.anerkennung, 'synonym'],
  ['أبحث عن شقة', 'ar', F.wohnen, 'filler'],
  ['سكن للإيجار', 'ar', F.wohnen, 'synonym'],
  ['روضة أطفال', 'ar', S.schulenKitas, 'everyday'],
  ['حضانة لطفلي', 'ar', S.schulenKitas, 'filler'],
  ['أنا حامل وأحتاج استشارة', 'ar', X.schwanger, 'filler'],
  ['طبيب نفسي للاجئين', 'ar', X.psyche, 'synonym'],
  ['مترجم للذهاب إلى الطبيب', 'ar', X.sprachmittler, 'everyday'],
  ['عنف أسري', 'ar', X.gewalt, 'everyday'],
  ['مسجد في شتندال', 'ar', S.moschee, 'place'],
  ['كنيسة', 'ar', S.kirche, 'synonym'],
  ['الدراسة في الجامعة', 'ar', S.hochschule, 'everyday'],
  ['نادي كرة قدم للأطفال', 'ar', X.sport, 'everyday'],
  ['مواد غذائية مجانية', 'ar', X.tafel, 'everyday'],
  ['مساعدة في الديون', 'ar', F.buero, 'filler'],
  ['تأمين صحي', 'ar', F.gesundheit, 'everyday'],
  ['استشارة باللغة العربية', 'ar', F.mueller, 'everyday'],
  ['نادي للشباب', 'ar', S.jugend, 'synonym'],
  ['مساعدة في الواجبات المدرسية', 'ar', F.sprachcafe, 'everyday'],
  ['منسق الاندماج', 'ar', S.koordination, 'synonym'],
  ['سكن اللاجئين', 'ar', S.unterkunft, 'synonym'],
  ['كيتا', 'ar', S.schulenKitas, 'other-script'],
  ['الأوسلندر', 'ar', X.auslaenderbehoerde, 'other-script'],
  ['انتغراسيون كورس', 'ar', S.bildungstraeger, 'other-script'],
  ['كورس لغة B1', 'ar', S.bildungstraeger, 'abbreviation'],
  ['سكن في زيهاوزن', 'ar', F.wohnen, 'place'],
  ['تسجيل طفلي في المدرسة', 'ar', S.schulenKitas, 'everyday'],
  ['استشارة للشباب المهاجرين', 'ar', S.jmd, 'everyday'],
  ['لقاءات للنساء', 'ar', F.frauen, 'everyday'],
  ['استشارة الهجرة للبالغين', 'ar', S.mbe, 'synonym'],
  ['مكتب تنسيق الاندماج', 'ar', S.koordination, 'synonym'],

  // Ukrainian
  ['курси німецької мови', 'uk', S.bildungstraeger, 'everyday'],
  ['де вивчити німецьку у Штендалі', 'uk', S.bildungstraeger, 'filler'],
  ['інтеграційний курс', 'uk', S.bildungstraeger, 'synonym'],
  ['курси нимецької', 'uk', S.bildungstraeger, 'typo'],
  ['адвокат з питань притулку', 'uk', X.asyl, 'everyday'],
  ['допомога з процедурою надання притулку', 'uk', X.asyl, 'filler'],
  ['продовжити дозвіл на проживання', 'uk', X.auslaenderbehoerde, 'everyday'],
  ['відомство у справах іноземців', 'uk', X.auslaenderbehoerde, 'synonym'],
  ['джобцентр у Штендалі', 'uk', S.jobcenter, 'other-script'],
  ['джоб центер', 'uk', S.jobcenter, 'typo'],
  ['профорієнтація', 'uk', X.berufsberatung, 'synonym'],
  ['визнання диплома', 'uk', X.anerkennung, 'everyday'],
  ['підтвердження кваліфікації', 'uk', X.anerkennung, 'synonym'],
  ['шукаю квартиру', 'uk', F.wohnen, 'filler'],
  ['оренда житла Зеехаузен', 'uk', F.wohnen, 'place'],
  ['дитячий садок', 'uk', S.schulenKitas, 'everyday'],
  ['місце в садочку для дитини', 'uk', S.schulenKitas, 'filler'],
  ['група для мам з малюками', 'uk', F.familie, 'everyday'],
  ['консультація для вагітних', 'uk', X.schwanger, 'everyday'],
  ['психолог для біженців', 'uk', X.psyche, 'everyday'],
  ['перекладач до лікаря', 'uk', X.sprachmittler, 'everyday'],
  ['домашнє насильство', 'uk', X.gewalt, 'everyday'],
  ['мечеть', 'uk', S.moschee, 'synonym'],
  ['університет', 'uk', S.hochschule, 'synonym'],
  ['безкоштовний одяг', 'uk', X.tafel, 'everyday'],
  ['борги', 'uk', F.buero, 'everyday'],
  ['медичне страхування', 'uk', F.gesundheit, 'synonym'],
  ['футбол для дітей', 'uk', X.sport, 'everyday'],
  ['допомога українцям', 'uk', X.ukraine, 'everyday'],
  ['розмовний клуб німецької мови', 'uk', F.sprachcafe, 'synonym'],
  ['молодіжний клуб', 'uk', S.jugend, 'synonym'],
  ['міграційна консультація для дорослих', 'uk', S.mbe, 'synonym'],
  ['гуртожиток для біженців', 'uk', S.unterkunft, 'synonym'],
  ['кіта для дитини', 'uk', S.schulenKitas, 'other-script'],
  ['ауслендербехерде', 'uk', X.auslaenderbehoerde, 'other-script'],
  ['мовні курси B1', 'uk', S.bildungstraeger, 'abbreviation'],
  ['жіночий клуб Гавельберг', 'uk', F.frauen, 'place'],
  ['допомога з боргами Тангерхютте', 'uk', F.buero, 'place'],
  ['записати дитину до школи', 'uk', S.schulenKitas, 'everyday'],
  ['допомога молодим мігрантам', 'uk', S.jmd, 'everyday'],
  ['зустрічі для жінок', 'uk', F.frauen, 'everyday'],
  ['координатор з інтеграції', 'uk', S.koordination, 'synonym'],

  // Russian
  ['курсы немецкого языка', 'ru', S.bildungstraeger, 'everyday'],
  ['где выучить немецкий в Штендале', 'ru', S.bildungstraeger, 'filler'],
  ['интеграционный курс', 'ru', S.bildungstraeger, 'synonym'],
  ['адвокат по вопросам убежища', 'ru', X.asyl, 'everyday'],
  ['адвакат по убежищу', 'ru', X.asyl, 'typo'],
  ['помогите с квартирой', 'ru', F.wohnen, 'filler'],
  ['снять квартиру', 'ru', F.wohnen, 'synonym'],
  ['продление вида на жительство', 'ru', X.auslaenderbehoerde, 'everyday'],
  ['ведомство по делам иностранцев', 'ru', X.auslaenderbehoerde, 'synonym'],
  ['получить немецкое гражданство', 'ru', X.auslaenderbehoerde, 'everyday'],
  ['джобцентр', 'ru', S.jobcenter, 'other-script'],
  ['пособие бюргергельд', 'ru', S.jobcenter, 'other-script'],
  ['профориентация для молодёжи', 'ru', X.berufsberatung, 'synonym'],
  ['признание диплома', 'ru', X.anerkennung, 'everyday'],
  ['подтверждение иностранного образования', 'ru', X.anerkennung, 'synonym'],
  ['детский сад', 'ru', S.schulenKitas, 'everyday'],
  ['детскй сад', 'ru', S.schulenKitas, 'typo'],
  ['консультация для беременных', 'ru', X.schwanger, 'everyday'],
  ['психологическая помощь беженцам', 'ru', X.psyche, 'everyday'],
  ['переводчик к врачу', 'ru', X.sprachmittler, 'everyday'],
  ['домашнее насилие', 'ru', X.gewalt, 'everyday'],
  ['мусульманская община', 'ru', S.moschee, 'synonym'],
  ['евангелическая церковь', 'ru', S.kirche, 'synonym'],
  ['университет в Штендале', 'ru', S.hochschule, 'place'],
  ['бесплатные продукты', 'ru', X.tafel, 'everyday'],
  ['консультация по долгам', 'ru', F.buero, 'everyday'],
  ['медицинская страховка', 'ru', F.gesundheit, 'synonym'],
  ['спортивная секция для детей', 'ru', X.sport, 'everyday'],
  ['разговорный клуб немецкого языка', 'ru', F.sprachcafe, 'synonym'],
  ['помощь с домашним заданием', 'ru', F.sprachcafe, 'everyday'],
  ['молодёжный клуб', 'ru', S.jugend, 'synonym'],
  ['молодежный центр', 'ru', S.jugend, 'typo'],
  ['миграционная консультация для взрослых', 'ru', S.mbe, 'synonym'],
  ['общежитие для беженцев', 'ru', S.unterkunft, 'synonym'],
  ['помощь украинцам в Тангерхютте', 'ru', X.ukraine, 'place'],
  ['ауслендер', 'ru', X.auslaenderbehoerde, 'other-script'],
  ['тафель', 'ru', X.tafel, 'other-script'],
  ['продлить ВНЖ', 'ru', X.auslaenderbehoerde, 'abbreviation'],
  ['курсы B1', 'ru', S.bildungstraeger, 'abbreviation'],
  ['психолог в Остербурге', 'ru', X.psyche, 'place'],
  ['записать ребёнка в школу', 'ru', S.schulenKitas, 'everyday'],
  ['помощь молодым мигрантам', 'ru', S.jmd, 'everyday'],
  ['встречи для женщин', 'ru', F.frauen, 'everyday'],
  ['координатор по интеграции', 'ru', S.koordination, 'synonym'],

  // Farsi/Dari and Turkish (typed on a German or English page)
  ['کلاس زبان آلمانی', 'fa', S.bildungstraeger, 'everyday'],
  ['وکیل پناهندگی', 'fa', X.asyl, 'everyday'],
  ['مترجم برای دکتر', 'fa', X.sprachmittler, 'everyday'],
  ['مهد کودک', 'fa', S.schulenKitas, 'everyday'],
  ['Almanca kursu', 'tr', S.bildungstraeger, 'everyday'],
  ['jobcenter başvurusu', 'tr', S.jobcenter, 'everyday'],
  ['cami', 'tr', S.moschee, 'synonym'],
  ['kreş', 'tr', S.schulenKitas, 'everyday'],
];

const cases: (readonly [...Case, Group])[] = [
  ...firstCases.map((c) => [...c, 'first'] as const),
  ...HELD_OUT_QUERIES.map((c) => [...c, 'held-out'] as const),
];

interface Outcome {
  group: Group;
  query: string;
  language: QueryLanguage;
  kind: Kind;
  expected: string;
  // 1-based position of the expected entry in the first 10 results, 0 when not among them.
  rank: number;
  top: string[];
}

const db = getTestDb();

beforeAll(async () => {
  await seedDatabase({ url: testDatabaseUrl(), adminPassword: 'test-passwort-123456' });
  await createDirectoryFixtures(db);
  await createRelevanceExamples(db);
});

// The search as the search page runs it, in the visitor's UI language (Farsi and Turkish
// speakers have no UI of their own and use the German one).
async function runCase([query, language, expected, kind, group]: readonly [...Case, Group]): Promise<Outcome> {
  const locale = UI_LOCALES.has(language) ? language : 'de';
  const { cards } = await runDirectorySearch({ query: parseDirectoryQuery({ q: query }), locale, pageSize: 10 });
  const top = cards.map((card) => card.slug);
  return { group, query, language, kind, expected, rank: top.indexOf(expected) + 1, top };
}

interface Figures {
  count: number;
  hitRate: number;
  mrr: number;
}

function figures(outcomes: Outcome[]): Figures {
  const hits = outcomes.filter((o) => o.rank >= 1 && o.rank <= 3).length;
  const rr = outcomes.reduce((sum, o) => sum + (o.rank > 0 ? 1 / o.rank : 0), 0);
  return { count: outcomes.length, hitRate: hits / outcomes.length, mrr: rr / outcomes.length };
}

const ORDER: string[] = [...LANGUAGES, ...KINDS];

function groupFigures(outcomes: Outcome[], key: (o: Outcome) => string): string[] {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  return [...groups.entries()]
    .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
    .map(([name, group]) => {
      const f = figures(group);
      return `  ${name.padEnd(13)} n=${String(f.count).padStart(3)}  hit@3 ${(f.hitRate * 100).toFixed(1).padStart(5)} %  MRR ${f.mrr.toFixed(3)}`;
    });
}

function headline(title: string, outcomes: Outcome[]): string {
  const f = figures(outcomes);
  return `${title}: ${f.count} queries, hit rate in the top 3 ${(f.hitRate * 100).toFixed(1)} % (${Math.round(f.hitRate * f.count)}/${f.count}), MRR@10 ${f.mrr.toFixed(3)}`;
}

function report(title: string, outcomes: Outcome[]): string {
  const misses = outcomes.filter((o) => o.rank === 0 || o.rank > 3);
  return [
    headline(title, outcomes),
    'Per language:',
    ...groupFigures(outcomes, (o) => o.language),
    'Per kind:',
    ...groupFigures(outcomes, (o) => o.kind),
    `Misses (${misses.length}): query [language, kind] -> expected (rank) | top 3`,
    ...misses.map(
      (o) =>
        `  "${o.query}" [${o.language}, ${o.kind}] -> ${o.expected} (${o.rank || '-'}) | ${o.top.slice(0, 3).join(', ') || '(no results)'}`,
    ),
  ].join('\n');
}

describe('relevance suite (issue 11 acceptance)', () => {
  it('is a suite of at least 150 distinct queries, at least 20 in each UI language, each naming a public entry', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const language of UI_LOCALES) {
      expect(cases.filter(([, l]) => l === language).length, language).toBeGreaterThanOrEqual(20);
    }
    expect(new Set(cases.map(([q, l]) => `${l}:${q.toLowerCase()}`)).size).toBe(cases.length);
    expect(HELD_OUT_QUERIES.length).toBeGreaterThanOrEqual(100);
    for (const language of UI_LOCALES) {
      expect(HELD_OUT_QUERIES.filter(([, l]) => l === language).length, `held-out ${language}`).toBeGreaterThanOrEqual(20);
    }
    const expected = [...new Set(cases.map(([, , slug]) => slug))];
    const published = await db.organization.findMany({
      where: { slug: { in: expected }, status: 'PUBLISHED', deletedAt: null },
      select: { slug: true },
    });
    expect(published.map((row) => row.slug).sort()).toEqual(expected.sort());
  });

  it(
    `finds the expected entry in the top 3 for at least ${MIN_HIT_RATE * 100} % of the queries`,
    { timeout: 300_000 },
    async () => {
      // A few at a time (the test database's pool has four connections), results in table order.
      const outcomes: Outcome[] = [];
      for (let start = 0; start < cases.length; start += 4) {
        outcomes.push(...(await Promise.all(cases.slice(start, start + 4).map(runCase))));
      }
      const first = outcomes.filter((o) => o.group === 'first');
      const heldOut = outcomes.filter((o) => o.group === 'held-out');
      console.log(
        [
          headline('Relevance suite, both groups', outcomes),
          report('First group', first),
          report('Held-out group (written before it was run)', heldOut),
        ].join('\n'),
      );
      if (process.env.RELEVANCE_REPORT) writeFileSync(process.env.RELEVANCE_REPORT, JSON.stringify(outcomes, null, 2));
      expect(figures(outcomes).hitRate).toBeGreaterThanOrEqual(MIN_HIT_RATE);
    },
  );
});
