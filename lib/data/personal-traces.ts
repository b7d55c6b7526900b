// Every trace of one contact person in the database, for the GDPR export (Art. 15) and erasure
// (Art. 17). Two kinds of traces:
// - records about the person by reference: the contact row, translations of its fields, audit rows
//   and change requests with its id;
// - mentions: any text or JSON value anywhere that contains the person's name, e-mail address or
//   phone number (also as typed elsewhere: "03931-555 0123" for "+49 3931 5550123"), such as
//   proposals that created the contact before it had an id, review comments, mails in the outbox,
//   searches, visitor reports, notes and descriptions.
// Mentions are found by reading the list of text and JSON columns from information_schema, so a
// table added later is searched without anyone remembering to add it here. Only the tables and
// columns in SKIPPED (with the reason) are left out.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

const ERASED = '[gelöscht]';

// Left out of the search for mentions, and why.
const SKIPPED_TABLES: Record<string, string> = {
  _prisma_migrations: 'migration history',
  User: 'accounts are a separate data subject (user management)',
  UserSession: 'no text of persons',
  MfaRecoveryCode: 'hashes only',
  PasswordResetToken: 'hashes only',
  Invitation: 'an invitation belongs to the account process, not to the contact',
  InvitationOrganization: 'ids only',
  Membership: 'ids only',
};
const SKIPPED_COLUMNS: Record<string, string> = {
  // Written by triggers from the other columns; they follow the redaction of those.
  'Organization.searchName': 'derived',
  'Organization.searchText': 'derived',
  // Audit rows may only change their `changes` (append-only trigger); names in actorName are
  // users' names, not contact persons'.
  'AuditLog.actorName': 'user names',
  'AuditLog.entityType': 'no personal data',
  'AuditLog.entityId': 'no personal data',
};
// Structured contact details of an organization: when the person's address or number is also
// the organization's own, erasing it would cut the organization off. Reported, not changed.
const REPORTED_COLUMNS = new Set(['Organization.email', 'Organization.phone', 'Organization.website']);

export interface PersonIdentifiers {
  names: string[];
  emails: string[];
  phones: string[];
}

export interface Mention {
  table: string;
  column: string;
  type: 'text' | 'json' | 'jsonb';
  isNullable: boolean;
  key: Record<string, unknown>;
  value: unknown;
}

const SEPARATORS = '[\\s\\-/().]*';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// National significant digits of a German-style number: "+49 3931 5550123", "0049 ...", and
// "03931 5550123" all give "39315550123".
function phoneCore(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0049')) digits = digits.slice(4);
  else if (digits.startsWith('49') && /^\s*\+/.test(phone)) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  return digits.length >= 6 ? digits : null;
}

interface Matcher {
  regex: RegExp;
  // SQL prefilter: ILIKE patterns and digit sequences (compared with the value's digits only).
  likes: string[];
  digitRuns: string[];
}

export function buildMatcher(identifiers: PersonIdentifiers): Matcher | null {
  const parts: string[] = [];
  const likes: string[] = [];
  const digitRuns: string[] = [];
  for (const name of identifiers.names) {
    const words = name.normalize('NFC').trim().split(/[\s\-‐‑–]+/).filter(Boolean);
    if (words.join(' ').length < 4) continue;
    // Whole words only, as people type a name elsewhere: any case and spacing, hyphen or space
    // between the parts, umlauts and accents written out or left off ("Mustermann-Özdemir",
    // "mustermann oezdemir", "MUSTERMANN OZDEMIR"; the search vocabulary stores the folded form).
    const patterns = words.map(namePattern);
    const sep = '[\\s\\-‐‑–]+';
    // Also surname first, as lists write it: "Mustermann-Özdemir, Erika".
    const orders = [patterns.join(sep), ...(patterns.length > 1 ? [`${patterns.slice(1).join(sep)}\\s*,?\\s+${patterns[0]}`] : [])];
    parts.push(`(?<![\\p{L}\\p{N}])(?:${orders.join('|')})(?![\\p{L}\\p{N}])`);
    // Prefilter: the plain letters of each part, anything in place of the others.
    const plain = words.map((word) => word.replace(/[\\%_]/g, '\\$&').replace(/[^\x20-\x7e]+/g, '%'));
    likes.push(`%${plain.join('%')}%`);
    if (plain.length > 1) likes.push(`%${[...plain.slice(1), plain[0]].join('%')}%`);
  }
  for (const email of identifiers.emails) {
    const clean = email.trim();
    if (!clean.includes('@')) continue;
    parts.push(escapeRegex(clean));
    likes.push(`%${clean.replace(/[\\%_]/g, '\\$&')}%`);
  }
  for (const phone of identifiers.phones) {
    const core = phoneCore(phone);
    if (!core) continue;
    const digits = core.split('').join(SEPARATORS);
    parts.push(`(?:(?:\\+|00)\\s*49${SEPARATORS}(?:\\(0\\)${SEPARATORS})?|\\b0${SEPARATORS}|(?<!\\d))${digits}(?!\\d)`);
    digitRuns.push(core);
  }
  if (!parts.length) return null;
  return { regex: new RegExp(parts.join('|'), 'giu'), likes: [...new Set(likes)], digitRuns: [...new Set(digitRuns)] };
}

const SPELLED_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

// One word of a name as a pattern: a letter with a diacritic also matches its base letter, its
// decomposed form and (German umlauts, ß) its spelled-out form.
function namePattern(word: string): string {
  return [...word]
    .map((char) => {
      const lower = char.toLowerCase();
      const base = lower.normalize('NFD').replace(/\p{M}/gu, '');
      if (base === lower && !SPELLED_OUT[lower]) return escapeRegex(char);
      const options = new Set([escapeRegex(lower), escapeRegex(lower.normalize('NFD')), escapeRegex(base)]);
      if (SPELLED_OUT[lower]) options.add(SPELLED_OUT[lower]);
      return `(?:${[...options].filter(Boolean).join('|')})`;
    })
    .join('');
}

function mentions(matcher: Matcher, text: string): boolean {
  matcher.regex.lastIndex = 0;
  return matcher.regex.test(text);
}

function redactText(matcher: Matcher, text: string): string {
  matcher.regex.lastIndex = 0;
  return text.replace(matcher.regex, ERASED);
}

// Strings anywhere inside a JSON value (keys stay).
function redactJson(matcher: Matcher, value: unknown): unknown {
  if (typeof value === 'string') return redactText(matcher, value);
  if (Array.isArray(value)) return value.map((item) => redactJson(matcher, item));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactJson(matcher, item)]));
  return value;
}

interface Column {
  table: string;
  column: string;
  type: 'text' | 'json' | 'jsonb';
  isNullable: boolean;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// Every text and JSON column of every table in the schema (views and the skipped ones aside).
async function listTextColumns(tx: Tx): Promise<Column[]> {
  const rows = await tx.$queryRaw<{ table_name: string; column_name: string; data_type: string; is_nullable: string }[]>`
    SELECT c.table_name, c.column_name, c.data_type, c.is_nullable
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
       AND c.is_generated = 'NEVER'
     ORDER BY c.table_name, c.ordinal_position`;
  return rows
    .filter((row) => !(row.table_name in SKIPPED_TABLES) && !(`${row.table_name}.${row.column_name}` in SKIPPED_COLUMNS))
    .map((row) => ({
      table: row.table_name,
      column: row.column_name,
      type: row.data_type === 'json' ? 'json' : row.data_type === 'jsonb' ? 'jsonb' : 'text',
      isNullable: row.is_nullable === 'YES',
    }));
}

async function primaryKeys(tx: Tx): Promise<Map<string, string[]>> {
  const rows = await tx.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT tc.table_name, kcu.column_name
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
     WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY'
     ORDER BY kcu.ordinal_position`;
  const keys = new Map<string, string[]>();
  for (const row of rows) keys.set(row.table_name, [...(keys.get(row.table_name) ?? []), row.column_name]);
  return keys;
}

// Rows whose column mentions the person. The SQL prefilter is deliberately loose (ILIKE on the
// text, digit runs on the value's digits); the exact decision is the regular expression.
export async function findMentions(tx: Tx, matcher: Matcher): Promise<Mention[]> {
  const [columns, keys] = await Promise.all([listTextColumns(tx), primaryKeys(tx)]);
  const found: Mention[] = [];
  for (const { table, column, type, isNullable } of columns) {
    const key = keys.get(table);
    if (!key?.length) continue;
    const conditions: string[] = [];
    const params: string[] = [];
    for (const like of matcher.likes) {
      params.push(like);
      conditions.push(`${quote(column)}::text ILIKE $${params.length}`);
    }
    for (const run of matcher.digitRuns) {
      params.push(`%${run}%`);
      conditions.push(`regexp_replace(${quote(column)}::text, '[^0-9]', '', 'g') LIKE $${params.length}`);
    }
    const keyList = key.map((name) => `${quote(name)}::text AS ${quote(`key_${name}`)}`).join(', ');
    const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT ${keyList}, ${quote(column)}${type === 'text' ? '' : '::text'} AS "value" FROM ${quote(table)} WHERE ${conditions.join(' OR ')}`,
      ...params,
    );
    for (const row of rows) {
      const raw = row.value as string | null;
      if (raw === null || !mentions(matcher, raw)) continue;
      found.push({
        table,
        column,
        type,
        isNullable,
        key: Object.fromEntries(key.map((name) => [name, row[`key_${name}`]])),
        value: type === 'text' ? raw : JSON.parse(raw),
      });
    }
  }
  return found;
}

export function isReportedOnly(mention: Pick<Mention, 'table' | 'column'>): boolean {
  return REPORTED_COLUMNS.has(`${mention.table}.${mention.column}`);
}

// Replaces the mentions in place (text: the matching part; JSON: inside every string). Tables with
// a `version` get a new one, so that an editor's older form cannot write the name back.
export async function redactMentions(tx: Tx, matcher: Matcher, found: Mention[]): Promise<void> {
  const versioned = new Set(
    (
      await tx.$queryRaw<{ table_name: string }[]>`
        SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'version'`
    ).map((row) => row.table_name),
  );
  for (const mention of found) {
    if (isReportedOnly(mention)) continue;
    const isJson = mention.type !== 'text';
    const redacted = isJson ? JSON.stringify(redactJson(matcher, mention.value)) : redactText(matcher, mention.value as string);
    // A field that held nothing but the identifier (a report's sender address) becomes empty.
    const next = !isJson && mention.isNullable && redacted.trim() === ERASED ? null : redacted;
    const keyNames = Object.keys(mention.key);
    const where = keyNames.map((name, index) => `${quote(name)}::text = $${index + 2}`).join(' AND ');
    const typeCast = isJson ? `::${mention.type}` : '';
    const bump = versioned.has(mention.table) ? `, "version" = "version" + 1` : '';
    await tx.$executeRawUnsafe(
      `UPDATE ${quote(mention.table)} SET ${quote(mention.column)} = $1${typeCast}${bump} WHERE ${where}`,
      next,
      ...keyNames.map((name) => String(mention.key[name])),
    );
  }
}
