// The yearly report in Chromium against the production build: anonymous visitors are sent to the
// sign-in and get no CSV; a partner gets 404 and 403; the coordinator opens the report of a year
// filled by this test (2019: a held and a cancelled meeting, tasks, searches), sees the figures the
// test computes with its own SQL, in German and English without axe violations, a wrong year is
// explained, the navigation is not printed, and the CSV download carries the same figures.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { E2E_ADMIN } from './support/accounts.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';
import { signIn, submitCredentials } from './support/sign-in.ts';

const suffix = randomBytes(3).toString('hex');
const YEAR = 2019;
const PARTNER = { email: `bericht-partner-${suffix}@example.org`, password: 'Partner-Passwort-nur-Test-1' };
let client: pg.Client;

async function one(sql: string): Promise<number> {
  return Number((await client.query<{ n: string }>(sql)).rows[0].n);
}

// The figures by Berlin calendar year, computed here, not by the report's code.
async function figures() {
  const inYear = (column: string) => `EXTRACT(YEAR FROM (${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin') = ${YEAR}`;
  const held = `(m."status" = 'HELD' OR (m."status" = 'PLANNED' AND m."startsAt" < now() AT TIME ZONE 'UTC'))`;
  return {
    held: await one(`SELECT count(*) AS n FROM "Meeting" m WHERE ${inYear('m."startsAt"')} AND ${held}`),
    organizations: await one(
      `SELECT count(DISTINCT i."organizationId") AS n FROM "MeetingInvitee" i JOIN "Meeting" m ON m.id = i."meetingId" WHERE i."isPresent" AND ${inYear('m."startsAt"')} AND ${held}`,
    ),
    opened: await one(`SELECT count(*) AS n FROM "MeetingTask" WHERE ${inYear('"createdAt"')}`),
    closed: await one(`SELECT count(*) AS n FROM "MeetingTask" WHERE "status" = 'DONE' AND ${inYear('"doneAt"')}`),
    searches: await one(`SELECT coalesce(sum("visits"), 0) AS n FROM "SearchLog" WHERE ${inYear('"createdAt"')}`),
    zero: await one(`SELECT coalesce(sum("visits"), 0) AS n FROM "SearchLog" WHERE "resultCount" = 0 AND ${inYear('"createdAt"')}`),
  };
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('E2E_DATABASE_URL') });
  await client.connect();
  const org = await client.query<{ id: string }>(
    `INSERT INTO "Organization" ("slug", "name", "status", "updatedAt", "createdAt") VALUES ($1, $2, 'PUBLISHED', now(), '2019-03-01') RETURNING "id"`,
    [`bericht-${suffix}`, `Berichtsträger ${suffix} (Beispiel)`],
  );
  const orgId = org.rows[0].id;
  const meeting = async (status: string, startsAt: string) =>
    (
      await client.query<{ id: string }>(
        `INSERT INTO "Meeting" ("title", "kind", "status", "startsAt", "endsAt", "updatedAt") VALUES ($1, 'WORKING_GROUP', $2, $3, $3::timestamp + interval '2 hours', now()) RETURNING "id"`,
        [`Arbeitskreis ${suffix} (Beispiel)`, status, startsAt],
      )
    ).rows[0].id;
  const held = await meeting('HELD', '2019-05-06 15:00');
  const cancelled = await meeting('CANCELLED', '2019-06-06 15:00');
  for (const [meetingId, n] of [[held, 1], [held, 2], [cancelled, 3]] as const) {
    await client.query(`INSERT INTO "MeetingInvitee" ("meetingId", "email", "organizationId", "tokenHash", "isPresent") VALUES ($1, $2, $3, $4, true)`, [
      meetingId,
      `person-${n}-${suffix}@example.org`,
      orgId,
      `bericht-${suffix}-${n}`,
    ]);
  }
  await client.query(
    `INSERT INTO "MeetingTask" ("meetingId", "title", "organizationId", "dueDate", "status", "doneAt", "createdAt", "updatedAt")
     VALUES ($1, 'Flyer drucken (Beispiel)', $2, '2019-06-01', 'DONE', '2019-05-20', '2019-05-06', now()),
            ($1, 'Raum suchen (Beispiel)', $2, '2019-07-01', 'OPEN', NULL, '2019-05-06', now())`,
    [held, orgId],
  );
  await client.query(
    `INSERT INTO "SearchLog" ("query", "locale", "resultCount", "createdAt") VALUES ('Sprachkurs', 'de', 3, '2019-02-01'), ('qwertz${suffix}', 'ar', 0, '2019-02-02')`,
  );
  const partner = await client.query<{ id: string }>(
    `INSERT INTO "User" ("email", "name", "passwordHash", "role", "updatedAt") VALUES ($1, $2, $3, 'PARTNER', now()) RETURNING "id"`,
    [PARTNER.email, `Berta Bericht ${suffix} (Beispiel)`, await hashPassword(PARTNER.password)],
  );
  await client.query(`INSERT INTO "Membership" ("userId", "organizationId") VALUES ($1, $2)`, [partner.rows[0].id, orgId]);
});

afterAll(async () => {
  await client?.query(`UPDATE "User" SET "locale" = 'de' WHERE "email" = $1`, [E2E_ADMIN.email]).catch(() => {});
  await client?.end();
});

async function cellAfter(page: Page, label: string): Promise<string> {
  return (await page.locator('#kennzahlen tr', { has: page.locator(`th:text-is("${label}")`) }).locator('td').textContent()) ?? '';
}

describe('yearly report', () => {
  it('is refused to anonymous visitors and partners', async () => {
    const page = await newPage();
    await page.goto(`/de/admin/jahresbericht?jahr=${YEAR}`);
    await page.waitForURL(/\/de\/anmelden/);
    // Without a session cookie the proxy sends the download to the sign-in too (the route itself
    // answers 401: integration test yearly-report).
    const anonymous = await page.request.get(`/de/admin/jahresbericht/csv?jahr=${YEAR}`, { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(anonymous.status());
    expect(anonymous.headers()['location']).toContain('/de/anmelden');
    expect(anonymous.headers()['content-type'] ?? '').not.toContain('text/csv');

    await submitCredentials(page, PARTNER);
    await page.waitForURL((url) => !url.pathname.endsWith('/anmelden'));
    expect((await page.goto(`/de/admin/jahresbericht?jahr=${YEAR}`))?.status()).toBe(404);
    const csv = await page.request.get(`/de/admin/jahresbericht/csv?jahr=${YEAR}`);
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toContain('Arbeitskreis');
    await page.goto('/de/admin');
    expect(await page.locator('a[href="/de/admin/jahresbericht"]').count()).toBe(0);
    await page.context().close();
  }, 180_000);

  it('shows the coordinator the figures of the year, explains a wrong year, prints without navigation and downloads the CSV', async () => {
    const expected = await figures();
    expect(expected).toMatchObject({ held: expect.any(Number) });
    expect(expected.held).toBeGreaterThanOrEqual(1);
    const page = await newPage();
    await signIn(page, E2E_ADMIN);
    // Linked from the navigation and the start page.
    await page.click('nav a[href="/de/admin/jahresbericht"]');
    await page.waitForURL(/\/de\/admin\/jahresbericht$/);
    await page.fill('#jahr', String(YEAR));
    await Promise.all([page.waitForURL(new RegExp(`jahr=${YEAR}$`)), page.click('button:has-text("Bericht anzeigen")')]);
    await expect(page.textContent('h1')).resolves.toBe(`Jahresbericht ${YEAR}`);
    expect(await cellAfter(page, 'Gehaltene Treffen')).toBe(String(expected.held));
    expect(await cellAfter(page, 'Organisationen, die an mindestens einem Treffen teilgenommen haben')).toBe(String(expected.organizations));
    expect(await cellAfter(page, 'Neue Aufgaben')).toBe(String(expected.opened));
    expect(await cellAfter(page, 'Erledigte Aufgaben')).toBe(String(expected.closed));
    expect(await cellAfter(page, 'Suchen')).toBe(String(expected.searches));
    expect(await cellAfter(page, 'Suchen ohne Treffer')).toBe(String(expected.zero));
    // Charts are images with a name; their figures are in the tables.
    const chart = page.locator('svg[role="img"]').first();
    await expect(chart.locator('title').textContent()).resolves.toBe('Gehaltene Treffen nach Art');
    await expectNoAxeViolations(page);

    // On paper: no navigation, the report's tables stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('nav[aria-label="Verwaltung"]')).toBe(false);
    expect(await page.isVisible('#kennzahlen table')).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The CSV: Excel's UTF-8 with BOM and semicolons, the same figures.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`a:has-text("CSV-Datei herunterladen")`)]);
    expect(download.suggestedFilename()).toBe(`jahresbericht-${YEAR}.csv`);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(`Jahresbericht ${YEAR} – Netzwerk Integration Stendal`);
    expect(lines).toContain(`Gehaltene Treffen;${expected.held}`);
    expect(lines).toContain(`Neue Aufgaben;${expected.opened}`);
    expect(lines).toContain(`Erledigte Aufgaben;${expected.closed}`);
    expect(lines).toContain(`Suchen ohne Treffer;${expected.zero}`);

    // A year outside the data: explained at the field, no report, no error page.
    const response = await page.goto('/de/admin/jahresbericht?jahr=1900');
    expect(response?.status()).toBe(200);
    await expect(page.textContent('#jahr-fehler')).resolves.toContain('Für dieses Jahr gibt es keinen Bericht.');
    expect(await page.getAttribute('#jahr', 'aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    // The English admin.
    await client.query(`UPDATE "User" SET "locale" = 'en' WHERE "email" = $1`, [E2E_ADMIN.email]);
    await page.goto(`/de/admin/jahresbericht?jahr=${YEAR}`);
    await expect(page.textContent('h1')).resolves.toBe(`Annual report ${YEAR}`);
    expect(await cellAfter(page, 'Meetings held')).toBe(String(expected.held));
    await expectNoAxeViolations(page);
    await client.query(`UPDATE "User" SET "locale" = 'de' WHERE "email" = $1`, [E2E_ADMIN.email]);
    await page.context().close();
  }, 300_000);
});
