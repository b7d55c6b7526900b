// Seed content. Facts only from the network's public page (shared seed source, copied into this
// file): no address, phone or e-mail that the page does not give. Program rules that define a
// service (the migration counselling for adults is for people from 27, the youth migration
// service for 12 to 27) are the federal programmes' published rules.

type Labels = { en: string; ar: string; uk: string; ru: string };

export interface TermSeed {
  slug: string;
  label: string;
  labels: Labels;
}

export const topics: TermSeed[] = [
  { slug: 'beratung', label: 'Beratung', labels: { en: 'Counselling', ar: 'الاستشارة', uk: 'Консультації', ru: 'Консультации' } },
  { slug: 'sprache-bildung', label: 'Sprache und Bildung', labels: { en: 'Language and education', ar: 'اللغة والتعليم', uk: 'Мова та освіта', ru: 'Язык и образование' } },
  { slug: 'arbeit', label: 'Arbeit und Beruf', labels: { en: 'Work and career', ar: 'العمل والمهنة', uk: 'Робота і професія', ru: 'Работа и профессия' } },
  { slug: 'schule-kita', label: 'Schule und Kita', labels: { en: 'School and childcare', ar: 'المدرسة ورياض الأطفال', uk: 'Школа і дитячий садок', ru: 'Школа и детский сад' } },
  { slug: 'jugend', label: 'Jugend', labels: { en: 'Youth', ar: 'الشباب', uk: 'Молодь', ru: 'Молодёжь' } },
  { slug: 'familie', label: 'Familie', labels: { en: 'Family', ar: 'الأسرة', uk: 'Сімʼя', ru: 'Семья' } },
  { slug: 'gesundheit', label: 'Gesundheit', labels: { en: 'Health', ar: 'الصحة', uk: 'Здоровʼя', ru: 'Здоровье' } },
  { slug: 'wohnen', label: 'Wohnen', labels: { en: 'Housing', ar: 'السكن', uk: 'Житло', ru: 'Жильё' } },
  { slug: 'religion-kultur', label: 'Religion und Kultur', labels: { en: 'Religion and culture', ar: 'الدين والثقافة', uk: 'Релігія і культура', ru: 'Религия и культура' } },
  { slug: 'ehrenamt', label: 'Ehrenamt', labels: { en: 'Volunteering', ar: 'العمل التطوعي', uk: 'Волонтерство', ru: 'Волонтёрство' } },
];

export const categories: TermSeed[] = [
  { slug: 'koordination', label: 'Koordination und Verwaltung', labels: { en: 'Coordination and administration', ar: 'التنسيق والإدارة', uk: 'Координація та адміністрація', ru: 'Координация и администрация' } },
  { slug: 'beratungsdienst', label: 'Beratungsdienste', labels: { en: 'Counselling services', ar: 'خدمات الاستشارة', uk: 'Консультаційні служби', ru: 'Консультационные службы' } },
  { slug: 'behoerde', label: 'Behörden und Ämter', labels: { en: 'Public authorities', ar: 'الهيئات والدوائر الرسمية', uk: 'Органи влади та установи', ru: 'Органы власти и учреждения' } },
  { slug: 'bildung', label: 'Bildungseinrichtungen', labels: { en: 'Educational institutions', ar: 'المؤسسات التعليمية', uk: 'Освітні заклади', ru: 'Образовательные учреждения' } },
  { slug: 'unterkunft', label: 'Unterkunft', labels: { en: 'Accommodation', ar: 'الإيواء', uk: 'Проживання', ru: 'Проживание' } },
  { slug: 'jugendarbeit', label: 'Jugendarbeit', labels: { en: 'Youth work', ar: 'العمل مع الشباب', uk: 'Робота з молоддю', ru: 'Работа с молодёжью' } },
  { slug: 'religion', label: 'Religionsgemeinschaften', labels: { en: 'Religious communities', ar: 'المجتمعات الدينية', uk: 'Релігійні громади', ru: 'Религиозные общины' } },
  { slug: 'migrantenorganisation', label: 'Migrant*innenorganisationen', labels: { en: 'Migrant organisations', ar: 'منظمات المهاجرين', uk: 'Організації мігрантів', ru: 'Организации мигрантов' } },
  { slug: 'engagement', label: 'Vereine, Projekte und Ehrenamt', labels: { en: 'Associations, projects and volunteering', ar: 'الجمعيات والمشاريع والعمل التطوعي', uk: 'Обʼєднання, проєкти та волонтерство', ru: 'Объединения, проекты и волонтёрство' } },
];

export const targetGroups: TermSeed[] = [
  { slug: 'erwachsene', label: 'Erwachsene', labels: { en: 'Adults', ar: 'البالغون', uk: 'Дорослі', ru: 'Взрослые' } },
  { slug: 'jugendliche', label: 'Jugendliche und junge Erwachsene', labels: { en: 'Young people and young adults', ar: 'اليافعون والشباب', uk: 'Підлітки та молоді дорослі', ru: 'Подростки и молодые взрослые' } },
  { slug: 'kinder', label: 'Kinder', labels: { en: 'Children', ar: 'الأطفال', uk: 'Діти', ru: 'Дети' } },
  { slug: 'familien', label: 'Familien', labels: { en: 'Families', ar: 'العائلات', uk: 'Сімʼї', ru: 'Семьи' } },
  { slug: 'frauen', label: 'Frauen', labels: { en: 'Women', ar: 'النساء', uk: 'Жінки', ru: 'Женщины' } },
  { slug: 'gefluechtete', label: 'Geflüchtete', labels: { en: 'Refugees', ar: 'اللاجئون', uk: 'Біженці', ru: 'Беженцы' } },
  { slug: 'fachkraefte', label: 'Fachkräfte', labels: { en: 'Skilled workers', ar: 'العمالة الماهرة', uk: 'Фахівці', ru: 'Специалисты' } },
  { slug: 'studierende', label: 'Studierende', labels: { en: 'Students', ar: 'الطلاب', uk: 'Студенти', ru: 'Студенты' } },
  { slug: 'fachleute', label: 'Fachleute und Ehrenamtliche', labels: { en: 'Professionals and volunteers', ar: 'المهنيون والمتطوعون', uk: 'Фахівці та волонтери', ru: 'Специалисты и волонтёры' } },
];

export interface LanguageSeed {
  code: string;
  nameDe: string;
  nameNative: string;
  names: Labels;
}

export const languages: LanguageSeed[] = [
  { code: 'de', nameDe: 'Deutsch', nameNative: 'Deutsch', names: { en: 'German', ar: 'الألمانية', uk: 'Німецька', ru: 'Немецкий' } },
  { code: 'en', nameDe: 'Englisch', nameNative: 'English', names: { en: 'English', ar: 'الإنجليزية', uk: 'Англійська', ru: 'Английский' } },
  { code: 'ar', nameDe: 'Arabisch', nameNative: 'العربية', names: { en: 'Arabic', ar: 'العربية', uk: 'Арабська', ru: 'Арабский' } },
  { code: 'uk', nameDe: 'Ukrainisch', nameNative: 'Українська', names: { en: 'Ukrainian', ar: 'الأوكرانية', uk: 'Українська', ru: 'Украинский' } },
  { code: 'ru', nameDe: 'Russisch', nameNative: 'Русский', names: { en: 'Russian', ar: 'الروسية', uk: 'Російська', ru: 'Русский' } },
  { code: 'fa', nameDe: 'Persisch (Farsi, Dari)', nameNative: 'فارسی', names: { en: 'Persian (Farsi, Dari)', ar: 'الفارسية', uk: 'Перська', ru: 'Персидский' } },
  { code: 'ps', nameDe: 'Paschtu', nameNative: 'پښتو', names: { en: 'Pashto', ar: 'البشتوية', uk: 'Пушту', ru: 'Пушту' } },
  { code: 'ku', nameDe: 'Kurdisch', nameNative: 'Kurdî', names: { en: 'Kurdish', ar: 'الكردية', uk: 'Курдська', ru: 'Курдский' } },
  { code: 'tr', nameDe: 'Türkisch', nameNative: 'Türkçe', names: { en: 'Turkish', ar: 'التركية', uk: 'Турецька', ru: 'Турецкий' } },
  { code: 'ti', nameDe: 'Tigrinya', nameNative: 'ትግርኛ', names: { en: 'Tigrinya', ar: 'التغرينية', uk: 'Тигринья', ru: 'Тигринья' } },
  { code: 'so', nameDe: 'Somali', nameNative: 'Soomaali', names: { en: 'Somali', ar: 'الصومالية', uk: 'Сомалі', ru: 'Сомали' } },
  { code: 'fr', nameDe: 'Französisch', nameNative: 'Français', names: { en: 'French', ar: 'الفرنسية', uk: 'Французька', ru: 'Французский' } },
  { code: 'es', nameDe: 'Spanisch', nameNative: 'Español', names: { en: 'Spanish', ar: 'الإسبانية', uk: 'Іспанська', ru: 'Испанский' } },
  { code: 'pl', nameDe: 'Polnisch', nameNative: 'Polski', names: { en: 'Polish', ar: 'البولندية', uk: 'Польська', ru: 'Польский' } },
  { code: 'ro', nameDe: 'Rumänisch', nameNative: 'Română', names: { en: 'Romanian', ar: 'الرومانية', uk: 'Румунська', ru: 'Румынский' } },
  { code: 'bg', nameDe: 'Bulgarisch', nameNative: 'Български', names: { en: 'Bulgarian', ar: 'البلغارية', uk: 'Болгарська', ru: 'Болгарский' } },
  { code: 'sq', nameDe: 'Albanisch', nameNative: 'Shqip', names: { en: 'Albanian', ar: 'الألبانية', uk: 'Албанська', ru: 'Албанский' } },
  { code: 'vi', nameDe: 'Vietnamesisch', nameNative: 'Tiếng Việt', names: { en: 'Vietnamese', ar: 'الفيتنامية', uk: 'Вʼєтнамська', ru: 'Вьетнамский' } },
];

interface ContactSeed {
  role: string;
  name: string;
  phone: string;
  email: string;
}

interface ServiceSeed {
  name: string;
  description: string;
  minAge?: number;
  maxAge?: number;
  targetGroups: string[];
  topics: string[];
}

export interface OrganizationSeed {
  slug: string;
  name: string;
  shortName?: string;
  description: string;
  category: string;
  topics: string[];
  email?: string;
  city?: string;
  isCoordinationOffice?: boolean;
  contacts?: ContactSeed[];
  services?: ServiceSeed[];
}

// The 17 kinds of network actors, in the order of the network's page.
export const organizations: OrganizationSeed[] = [
  {
    slug: 'koordinierungsstelle-integration',
    name: 'Integrationskoordinator*innen des Landkreises Stendal',
    shortName: 'Koordinierungsstelle Integration',
    description:
      'Die Koordinierungsstelle vernetzt alle an der Integration von Migrant*innen beteiligten Organisationen, Vereine, Institutionen und Wohlfahrtsverbände. Sie leitet das Netzwerk für die Integration von Migrant*innen im Landkreis Stendal.',
    category: 'koordination',
    topics: ['beratung'],
    email: 'Integration@landkreis-stendal.de',
    isCoordinationOffice: true,
    contacts: [
      { role: 'Integrationskoordinatorin', name: 'Maria-Alexandra Jonas', phone: '03931 60-7040', email: 'Maria.Jonas@landkreis-stendal.de' },
      { role: 'Integrationskoordinator', name: 'Jakob Wernike', phone: '03931 60-8059', email: 'Jakob.Wernike@landkreis-stendal.de' },
    ],
  },
  {
    slug: 'migrationsberatung-drk-stendal',
    name: 'Migrationsberatung – DRK – Stendal',
    shortName: 'Migrationsberatung DRK',
    description: 'Migrationsberatung des Deutschen Roten Kreuzes in Stendal.',
    category: 'beratungsdienst',
    topics: ['beratung'],
    city: 'Stendal',
    services: [
      {
        name: 'Migrationsberatung für erwachsene Zuwanderer (MBE)',
        description: 'Beratung für zugewanderte Erwachsene ab 27 Jahren.',
        minAge: 27,
        targetGroups: ['erwachsene'],
        topics: ['beratung'],
      },
    ],
  },
  {
    slug: 'gesonderte-beratung-drk-stendal',
    name: 'Gesonderte Beratung – DRK – Stendal',
    shortName: 'Gesonderte Beratung DRK',
    description: 'Gesonderte Beratung des Deutschen Roten Kreuzes in Stendal.',
    category: 'beratungsdienst',
    topics: ['beratung'],
    city: 'Stendal',
  },
  {
    slug: 'jugendmigrationsdienst-awo',
    name: 'Jugendmigrationsdienst – AWO',
    shortName: 'JMD AWO',
    description: 'Jugendmigrationsdienst der Arbeiterwohlfahrt.',
    category: 'beratungsdienst',
    topics: ['beratung', 'jugend'],
    services: [
      {
        name: 'Jugendmigrationsdienst (JMD)',
        description: 'Beratung und Begleitung für junge Menschen mit Migrationsgeschichte von 12 bis 27 Jahren.',
        minAge: 12,
        maxAge: 27,
        targetGroups: ['jugendliche'],
        topics: ['beratung', 'jugend'],
      },
    ],
  },
  {
    slug: 'gemeinschaftsunterkunft',
    name: 'Gemeinschaftsunterkunft',
    description: 'Gemeinschaftsunterkunft für Geflüchtete im Landkreis Stendal.',
    category: 'unterkunft',
    topics: ['wohnen'],
  },
  {
    slug: 'bildungstraeger',
    name: 'Bildungsträger',
    description: 'Bildungsträger im Landkreis Stendal, zum Beispiel mit Sprach- und Integrationskursen.',
    category: 'bildung',
    topics: ['sprache-bildung', 'arbeit'],
  },
  {
    slug: 'jobcenter',
    name: 'Jobcenter',
    description: 'Das Jobcenter ist zuständig für Arbeitsuchende und die Grundsicherung für Arbeitsuchende.',
    category: 'behoerde',
    topics: ['arbeit'],
  },
  {
    slug: 'schulen-und-kindertagesstaetten',
    name: 'Schulen und Kindertagesstätten',
    description: 'Schulen und Kindertagesstätten im Landkreis Stendal.',
    category: 'bildung',
    topics: ['schule-kita', 'familie'],
  },
  {
    slug: 'gleichstellungsstellen',
    name: 'Gleichstellungsstellen des Landkreises und der Hansestadt Stendal',
    shortName: 'Gleichstellungsstellen',
    description: 'Die Gleichstellungsstellen des Landkreises Stendal und der Hansestadt Stendal.',
    category: 'behoerde',
    topics: ['familie', 'beratung'],
    city: 'Stendal',
  },
  {
    slug: 'jugendeinrichtungen',
    name: 'Jugendeinrichtungen',
    description: 'Einrichtungen der Jugendarbeit im Landkreis Stendal.',
    category: 'jugendarbeit',
    topics: ['jugend'],
  },
  {
    slug: 'evangelischer-kirchenkreis-stendal',
    name: 'Evangelischer Kirchenkreis Stendal',
    description: 'Der Evangelische Kirchenkreis Stendal.',
    category: 'religion',
    topics: ['religion-kultur'],
    city: 'Stendal',
  },
  {
    slug: 'stem-ev',
    name: 'Stendaler Migranteninitiative (SteM e.V.)',
    shortName: 'SteM e.V.',
    description: 'Verein von und für Migrant*innen in Stendal.',
    category: 'migrantenorganisation',
    topics: ['religion-kultur', 'ehrenamt'],
    city: 'Stendal',
  },
  {
    slug: 'islamische-gemeinde-stendal',
    name: 'Islamische Gemeinde Stendal e.V.',
    shortName: 'Islamische Gemeinde Stendal',
    description: 'Die Islamische Gemeinde in Stendal.',
    category: 'religion',
    topics: ['religion-kultur'],
    city: 'Stendal',
  },
  {
    slug: 'netzwerkstelle-schulsozialarbeit',
    name: 'Regionale Netzwerkstelle für Schulsozialarbeit',
    shortName: 'Netzwerkstelle Schulsozialarbeit',
    description: 'Die regionale Netzwerkstelle für Schulsozialarbeit.',
    category: 'bildung',
    topics: ['schule-kita', 'jugend'],
  },
  {
    slug: 'lokale-projekte-und-ehrenamt',
    name: 'Lokale Projekte, Bündnisse, Vereine, Stiftungen, Ehrenamtskoordinator*innen',
    shortName: 'Lokale Projekte und Ehrenamt',
    description: 'Lokale Projekte, Bündnisse, Vereine und Stiftungen sowie die Ehrenamtskoordinator*innen im Landkreis Stendal.',
    category: 'engagement',
    topics: ['ehrenamt'],
  },
  {
    slug: 'hochschule-magdeburg-stendal',
    name: 'Hochschule Magdeburg-Stendal',
    shortName: 'Hochschule',
    description: 'Die Hochschule Magdeburg-Stendal mit ihrem Standort in Stendal.',
    category: 'bildung',
    topics: ['sprache-bildung'],
    city: 'Stendal',
  },
  {
    slug: 'fachkraft-im-fokus',
    name: 'Fachkraft im Fokus',
    description: 'Das Projekt „Fachkraft im Fokus“.',
    category: 'engagement',
    topics: ['arbeit'],
  },
];

export interface PageSeed {
  slug: string;
  title: string;
  body: string;
}

// German texts of the network's page, split into the sections it has.
export const pages: PageSeed[] = [
  {
    slug: 'ziel',
    title: 'Netzwerk für die Integration von Migrant*innen',
    body: `Das Netzwerk verbindet unterschiedliche Einrichtungen, Akteure und Institutionen, die sich für die Belange von Migrant*innen des Landkreises Stendal einsetzen.

Ziel des Netzwerkes ist es, Zugewanderten eine Teilhabe am gesellschaftlichen, wirtschaftlichen, kulturellen und politischen Leben zu ermöglichen. Das geschieht durch die Initiierung einer Vielzahl von Projekten und Maßnahmen. Bei den vom Netzwerk ausgehenden Integrationsprozessen sind nicht nur die Zugewanderten selbst Zielgruppe, sondern auch die etablierte Bevölkerung, die durch eine Willkommenskultur der Offenheit, Toleranz und Neugierde zur Integration beitragen kann.`,
  },
  {
    slug: 'entstehung',
    title: 'Entstehung',
    body: `Als Modellprojekt wurde das Netzwerk für die Integration von Migranten von 2000 bis 2003 durch den Bund und das Land Sachsen-Anhalt als kommunales Integrationsprojekt angeregt und gefördert. Seit Juni 2003 war die Hansestadt Stendal dessen Träger. Frau Liane Bischoff hatte die Leitung übernommen. Seit 2009 ist das Netzwerk auf den Landkreis erweitert worden und wird vom Land Sachsen-Anhalt weitergefördert.`,
  },
  {
    slug: 'arbeitsweise',
    title: 'So arbeitet das Netzwerk',
    body: `Die Akteure treffen sich in regelmäßigen Abständen, um einrichtungsspezifische, abgeschlossene bzw. neue Projekte und Aufgaben zu erläutern. Es werden Probleme aufgezeigt und gemeinsam wird versucht, Lösungsmöglichkeiten zu erarbeiten. Dies schafft Synergien zur Verbesserung der Lebenssituationen der Migrant*innen.

Durch die Nutzung langjähriger Erfahrungen der Akteure aus ihren Handlungsfeldern, ihren Arbeitsstrukturen, individuellen Sichtweisen und aus verschiedensten Perspektiven entstehen realistische, innovative Arbeits- und Projektansätze mit relativ hohen Erfolgsaussichten.

Das Netzwerk wird durch die Integrationskoordinator*innen des Landkreises Stendal, Frau Maria-Alexandra Jonas und Herrn Jakob Wernike, geleitet.

Alle Akteure sind kompetent und verfügen über eigene Erfahrungen auf dem Gebiet der Integrationsarbeit. Jeder arbeitet darüber hinaus in eigenen Netzwerken, so dass auf dieser Grundlage miteinander interagiert werden kann. Systemübergänge werden so möglich und die Migrantinnen und Migranten werden individuell unterstützt. Als Ergebnis der Netzwerkarbeit soll die nachhaltige Integration der Migrantinnen und Migranten in das soziale Umfeld und in die Arbeitswelt erreicht werden. Dazu werden vielfältige Projekte initiiert.`,
  },
  {
    slug: 'koordinierungsstelle',
    title: 'Koordinierungsstelle Integration',
    body: `Die Koordinierungsstelle vernetzt alle an der Integration von Migrant*innen beteiligten Organisationen, Vereine, Institutionen und Wohlfahrtsverbände. So verknüpfen sie nicht nur die verschiedenen Beratungs- und Betreuungsstrukturen und die für diese Menschen zuständigen Ämter, sondern auch die Politik und Verwaltung, Verbände und Vereine, Kirchen, Schulen, Bildungseinrichtungen, Runde Tische, Privatpersonen u. a.

In allen Teilen des Netzwerkes werden die Migrant*innen einbezogen und deren Handeln aktiviert. Aus dem Netzwerk entsteht eine Vielzahl von Projekten und Maßnahmen, die nachhaltig wirken. Sie sind gemeinwesenorientiert und tragen wesentlich zur Begleitung und friedlichen Lösung von Konflikten bei.`,
  },
];

export interface PageTranslationSeed extends PageSeed {
  locale: 'en' | 'ar' | 'uk' | 'ru';
}

// Translations of the network's own texts above (same facts, no additions). German stays the
// source; prisma/seed.ts creates these rows when they are missing.
export const pageTranslations: PageTranslationSeed[] = [
  {
    slug: 'ziel',
    locale: 'en',
    title: 'Network for the integration of migrants',
    body: `The network connects different institutions, actors and organisations that work for the concerns of migrants in the district of Stendal.

The aim of the network is to enable immigrants to take part in social, economic, cultural and political life. This happens by initiating a large number of projects and measures. The integration processes started by the network are aimed not only at the immigrants themselves but also at the established population, which can contribute to integration through a welcoming culture of openness, tolerance and curiosity.`,
  },
  {
    slug: 'ziel',
    locale: 'ar',
    title: 'شبكة اندماج المهاجرين والمهاجرات',
    body: `تربط الشبكة بين مؤسسات وجهات فاعلة وهيئات مختلفة تعمل من أجل شؤون المهاجرين والمهاجرات في مقاطعة شتندال.

هدف الشبكة هو تمكين القادمين الجدد من المشاركة في الحياة الاجتماعية والاقتصادية والثقافية والسياسية. ويتحقق ذلك من خلال إطلاق عدد كبير من المشاريع والتدابير. ولا تستهدف عمليات الاندماج التي تنطلق من الشبكة القادمين الجدد أنفسهم فقط، بل أيضًا السكان المقيمين الذين يمكنهم الإسهام في الاندماج من خلال ثقافة ترحيب قائمة على الانفتاح والتسامح وحب الاطلاع.`,
  },
  {
    slug: 'ziel',
    locale: 'uk',
    title: 'Мережа для інтеграції мігрантів і мігранток',
    body: `Мережа обʼєднує різні установи, учасників та інституції, які опікуються потребами мігрантів і мігранток району Штендаль.

Мета мережі – дати новоприбулим змогу брати участь у суспільному, економічному, культурному та політичному житті. Це відбувається завдяки започаткуванню багатьох проєктів і заходів. Процеси інтеграції, які започатковує мережа, спрямовані не лише на самих новоприбулих, а й на місцеве населення, яке може сприяти інтеграції завдяки культурі гостинності, відкритості, толерантності та допитливості.`,
  },
  {
    slug: 'ziel',
    locale: 'ru',
    title: 'Сеть по интеграции мигрантов и мигранток',
    body: `Сеть объединяет различные учреждения, участников и организации, которые занимаются нуждами мигрантов и мигранток района Штендаль.

Цель сети – дать приезжим возможность участвовать в общественной, экономической, культурной и политической жизни. Это достигается благодаря запуску множества проектов и мероприятий. Процессы интеграции, которые инициирует сеть, направлены не только на самих приезжих, но и на местное население, которое может содействовать интеграции благодаря культуре гостеприимства, открытости, толерантности и любознательности.`,
  },
  {
    slug: 'koordinierungsstelle',
    locale: 'en',
    title: 'Integration Coordination Office',
    body: `The coordination office connects all organisations, associations, institutions and welfare organisations involved in the integration of migrants. In this way it links not only the various counselling and support structures and the public offices responsible for these people, but also politics and administration, associations and clubs, churches, schools, educational institutions, round tables, private individuals and others.

Migrants are involved in all parts of the network and encouraged to act. The network gives rise to many projects and measures with a lasting effect. They are community-oriented and contribute significantly to accompanying conflicts and resolving them peacefully.`,
  },
  {
    slug: 'koordinierungsstelle',
    locale: 'ar',
    title: 'مكتب تنسيق الاندماج',
    body: `يربط مكتب التنسيق بين جميع المنظمات والجمعيات والمؤسسات وجمعيات الرعاية الاجتماعية المشاركة في اندماج المهاجرين والمهاجرات. وبذلك لا يربط فقط بين مختلف هياكل الاستشارة والرعاية والدوائر الرسمية المسؤولة عن هؤلاء الأشخاص، بل أيضًا بين السياسة والإدارة والاتحادات والجمعيات والكنائس والمدارس والمؤسسات التعليمية والموائد المستديرة والأفراد وغيرهم.

يُشرَك المهاجرون والمهاجرات في جميع أجزاء الشبكة ويُشجَّعون على المبادرة. وتنشأ عن الشبكة مشاريع وتدابير كثيرة ذات أثر مستدام. وهي موجهة نحو المجتمع المحلي وتسهم إسهامًا كبيرًا في مرافقة النزاعات وحلها بشكل سلمي.`,
  },
  {
    slug: 'koordinierungsstelle',
    locale: 'uk',
    title: 'Координаційний офіс з питань інтеграції',
    body: `Координаційний офіс обʼєднує всі організації, обʼєднання, інституції та добродійні спілки, що беруть участь в інтеграції мігрантів і мігранток. Так він поєднує не лише різні структури консультування й підтримки та відповідальні за цих людей установи, а й політику та адміністрацію, спілки та обʼєднання, церкви, школи, освітні заклади, круглі столи, приватних осіб тощо.

Мігрантів і мігранток залучають до всіх частин мережі та заохочують до активних дій. З мережі виростає багато проєктів і заходів зі сталим ефектом. Вони орієнтовані на громаду та суттєво допомагають супроводжувати конфлікти й мирно їх розвʼязувати.`,
  },
  {
    slug: 'koordinierungsstelle',
    locale: 'ru',
    title: 'Координационный офис по вопросам интеграции',
    body: `Координационный офис объединяет все организации, объединения, учреждения и благотворительные союзы, участвующие в интеграции мигрантов и мигранток. Тем самым он связывает не только различные структуры консультирования и поддержки и ответственные за этих людей ведомства, но и политику и администрацию, союзы и объединения, церкви, школы, образовательные учреждения, круглые столы, частных лиц и других.

Мигрантов и мигранток вовлекают во все части сети и побуждают к активным действиям. Из сети возникает множество проектов и мероприятий с устойчивым эффектом. Они ориентированы на местное сообщество и существенно помогают сопровождать конфликты и мирно их разрешать.`,
  },
];
