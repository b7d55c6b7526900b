// The admin catalogues: English has exactly the German keys and real translations, and every
// German message the server sends to admin forms (zod messages in lib/schemas, AppError messages)
// comes out in English for an English admin — parameterised ones included.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGES } from '@/lib/errors';
import { messagePairs, translateMessage } from '@/lib/i18n/admin-translate';
import { msg } from '@/lib/schemas/common';
import de from '@/messages/admin/de.json';
import en from '@/messages/admin/en.json';

type Tree = { [key: string]: string | Tree };

function flatten(node: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(name, value);
    else for (const [k, v] of flatten(value, name)) result.set(k, v);
  }
  return result;
}

// Names, codes and words that are the same in both languages.
const SAME_IN_BOTH = new Set([
  'Admin.Fields.name',
  'Admin.Fields.website',
  'Admin.Fields.status',
  'Admin.Organizations.name',
  'Admin.Organizations.status',
  'Admin.Organization.status',
  'Admin.Account.localeDe',
  'Admin.Account.localeEn',
  'Admin.Team.name',
  'Admin.Users.name',
  'Admin.Users.rolePARTNER',
  'Admin.Languages.status',
  // Contact management and data exchange (issue 13).
  'Admin.Nav.import',
  'Admin.Nav.export',
  'Admin.Entities.Import',
  'Admin.Entities.Export',
  'Admin.DistributionLists.columnName',
  'Admin.DistributionLists.csvName',
  'Admin.DistributionLists.columnOrganization',
  'Admin.DistributionLists.csvOrganization',
  'Admin.Circulars.columnOrganization',
  'Admin.Import.group-organization',
  'Admin.Import.columnOrganization',
]);

const german = flatten(de as Tree);
const english = flatten(en as Tree);
const pairs = messagePairs(de.Admin, en.Admin);
const toEnglish = (text: string) => translateMessage(text, pairs);

// German string literals in a source file that end like a sentence (messages, not identifiers).
function germanSentences(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const match of source.matchAll(/(['`])((?:(?!\1)[^\\\n])*[.?!])\1/g)) {
    const text = match[2];
    if (/[a-zäöüß]/.test(text) && /\s/.test(text) && !text.startsWith('./') && !text.includes('${')) found.add(text);
  }
  return [...found];
}

const root = path.resolve(__dirname, '../..');
const schemaFiles = readdirSync(path.join(root, 'lib/schemas'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => path.join(root, 'lib/schemas', name));

describe('messages/admin catalogues', () => {
  it('en.json has exactly the keys of de.json', () => {
    expect([...english.keys()].filter((key) => !german.has(key))).toEqual([]);
    expect([...german.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('translates every text (only whitelisted names and codes stay the same)', () => {
    const untranslated = [...german].filter(([key, text]) => english.get(key) === text && !SAME_IN_BOTH.has(key)).map(([key]) => key);
    expect(untranslated).toEqual([]);
    for (const [key, text] of english) expect(text.trim(), key).not.toBe('');
  });

  it('keeps the placeholders of every message', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    for (const [key, text] of german) expect(names(english.get(key) ?? ''), key).toEqual(names(text));
  });
});

describe('German server messages in English', () => {
  it('translates the shared zod messages, parameterised ones included', () => {
    expect(toEnglish(msg.required)).toBe('Please fill in this field.');
    expect(toEnglish(msg.tooLong(200))).toBe('At most 200 characters.');
    expect(toEnglish(msg.tooLong(254))).toBe('At most 254 characters.');
    expect(toEnglish('Höchstens 12.')).toBe('At most 12.');
    expect(toEnglish('Mindestens 0.')).toBe('At least 0.');
    expect(toEnglish('Das Passwort muss mindestens 12 Zeichen lang sein.')).toBe('The password must be at least 12 characters long.');
    for (const value of Object.values(msg)) {
      const text = typeof value === 'function' ? value(80) : value;
      expect(toEnglish(text), text).not.toBe(text);
    }
  });

  it('translates every message of the form schemas in lib/schemas', () => {
    const missing: string[] = [];
    for (const file of schemaFiles) for (const text of germanSentences(file)) if (toEnglish(text) === text) missing.push(`${path.basename(file)}: ${text}`);
    expect(missing).toEqual([]);
  });

  it('translates the AppError messages', () => {
    for (const text of Object.values(DEFAULT_MESSAGES)) expect(toEnglish(text), text).not.toBe(text);
    const dataDir = path.join(root, 'lib/data');
    const thrown = readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => {
        const source = readFileSync(path.join(dataDir, name), 'utf8');
        // Thrown messages and field errors (`validationError({ x: ['…'] })`, `errors.x = ['…']`,
        // `fieldErrors: { x: ['…'] }`): every German sentence in a string array.
        return [...source.matchAll(/(?:new AppError\('[A-Z_]+', |(?:: |= )\[)'([^']+)'/g)].map((m) => m[1]).filter((text) => /^[A-ZÄÖÜ]\S* .*[.!?]$/.test(text));
      });
    expect(thrown.length).toBeGreaterThan(10);
    expect(thrown.filter((text) => toEnglish(text) === text)).toEqual([]);
  });

  it('leaves German admins and unknown texts unchanged', () => {
    expect(translateMessage(msg.required, [])).toBe(msg.required);
    expect(toEnglish('Etwas ganz anderes.')).toBe('Etwas ganz anderes.');
  });
});
