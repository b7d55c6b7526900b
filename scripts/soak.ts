// `npm run test:soak` (run by .ci/run after `npm test`): the production build behind the edge
// server, on loopback, with 200 concurrent visitors and 5 coordinators saving edits for 60 s.
// Passes when no request got a 5xx (or failed) and every save the server acknowledged is in the
// database afterwards; prints request counts, latency percentiles of the visitor pages and more.
// Reuses the e2e build when it is current. SOAK_SECONDS / SOAK_VISITORS change the load.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { PrismaPg } from '@prisma/adapter-pg';
import { hashPassword } from '../lib/auth/password.ts';
import { PrismaClient } from '../lib/generated/prisma/client.ts';
import { seedDatabase } from '../prisma/seed.ts';
import { createDatabase, dropDatabase, randomDatabaseName } from '../tests/setup/databases.ts';
import { acquireTestServer, releaseTestServer } from '../tests/setup/postgres.ts';
import {
  buildReason,
  childEnv,
  freePort,
  openLog,
  runBuild,
  startAppProcess,
  stopProcessGroup,
  waitUntilReady,
} from '../tests/e2e/support/server.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
// A visitor gives up after this long. Such a wait is reported, but it is no server error: on a
// machine busy with other work it measures the machine. 5xx, refused or reset connections and
// lost saves fail the run.
const CLIENT_TIMEOUT_MS = 60_000;
const VISITORS = Number(process.env.SOAK_VISITORS ?? 200);
const COORDINATORS = 5;
const PASSWORD = 'Soak-Test-Passwort-123';
// Visitors read a page before they open the next one; coordinators edit at a brisk pace.
const VISITOR_THINK_MS: [number, number] = [3_000, 10_000];
const COORDINATOR_THINK_MS: [number, number] = [1_000, 3_000];
const QUERIES = ['beratung', 'sprachkurs', 'jobcenter', 'arabisch', 'kinder', 'migration', 'wohnen', 'arbeit', 'schule', 'gesundheit', 'stendal', 'deutsch lernen'];

interface Sample {
  ms: number;
  status: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const think = ([min, max]: [number, number]) => new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)));

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

function cookiesFrom(response: Response, jar: Map<string, string>): void {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const index = pair.indexOf('=');
    jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

function decode(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The fields of the edit form as a browser without JavaScript would send them. */
function formFields(html: string): [string, string][] | undefined {
  const start = html.indexOf('<form');
  const forms = html.slice(start).split('</form>').filter((form) => form.includes('name="description"'));
  const form = forms[0];
  if (!form) return undefined;
  const fields: [string, string][] = [];
  for (const match of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = match[0];
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (!name) continue;
    const type = /\stype="([^"]*)"/.exec(tag)?.[1] ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\schecked=""/.test(tag)) continue;
    if (type === 'submit' || type === 'button' || type === 'file') continue;
    fields.push([name, decode(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? (type === 'checkbox' ? 'on' : ''))]);
  }
  for (const match of form.matchAll(/<textarea\b[^>]*\sname="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields.push([match[1], decode(match[2])]);
  for (const match of form.matchAll(/<select\b[^>]*\sname="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option[^>]*\svalue="([^"]*)"[^>]*\sselected=""/.exec(match[2]) ?? /<option[^>]*\sselected=""[^>]*\svalue="([^"]*)"/.exec(match[2]);
    const first = /<option[^>]*\svalue="([^"]*)"/.exec(match[2]);
    fields.push([match[1], decode((selected ?? first)?.[1] ?? '')]);
  }
  return fields;
}

async function main(): Promise<void> {
  const started = Date.now();
  const server = await acquireTestServer();
  const databaseName = randomDatabaseName('soak');
  const output = openLog();
  let app: ReturnType<typeof startAppProcess> | undefined;
  let db: PrismaClient | undefined;
  try {
    const databaseUrl = await createDatabase(server.adminUrl, databaseName, server.templateDatabase);
    await seedDatabase({ url: databaseUrl, adminEmail: 'soak-admin@example.org', adminPassword: PASSWORD, log: () => {} });
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
    const organizations = await db.organization.findMany({ where: { status: 'PUBLISHED' }, select: { id: true, slug: true }, orderBy: { slug: 'asc' } });
    const passwordHash = await hashPassword(PASSWORD);
    const coordinators: { email: string; organization: { id: string; slug: string } }[] = [];
    for (let index = 0; index < COORDINATORS; index++) {
      const user = await db.user.create({
        data: { email: `soak-koordination-${index}@example.org`, name: `Koordination ${index} (Beispiel)`, role: 'ADMIN', passwordHash },
      });
      // Each coordinator edits an entry of their own: conflicts are not what this test measures.
      coordinators.push({ email: user.email, organization: organizations[index] });
    }

    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const env = childEnv({
      DATABASE_URL: databaseUrl,
      APP_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      REQUIRE_ADMIN_MFA: 'false',
    });
    const reason = buildReason();
    if (reason) {
      console.log(`[soak] next build (${reason}) ...`);
      await runBuild(env, output);
    }
    const tail: string[] = [];
    app = startAppProcess(port, env, output, tail);
    await waitUntilReady(baseUrl, app, tail);
    console.log(`[soak] Server bereit: ${baseUrl}; ${VISITORS} Besucher*innen und ${COORDINATORS} Koordinator*innen für ${SECONDS} s.`);

    // Warm-up: every route once, so that the first renders are not what we measure.
    const slugs = organizations.map((org) => org.slug);
    for (const warm of ['/de', '/de/akteure', `/de/akteure/${slugs[0]}`, '/de/akteure?q=beratung', '/api/v1/organizations?q=beratung']) {
      await fetch(`${baseUrl}${warm}`).then((response) => response.arrayBuffer());
    }

    const deadline = Date.now() + SECONDS * 1000;
    const visitorSamples: Sample[] = [];
    const failures: string[] = [];
    let timeouts = 0;
    const isTimeout = (error: unknown) => (error as Error)?.name === 'TimeoutError';
    const visitorPaths = () => {
      const locale = pick(['de', 'de', 'de', 'en', 'ar', 'uk', 'ru']);
      return pick([
        `/${locale}`,
        `/${locale}/akteure`,
        `/${locale}/akteure?q=${encodeURIComponent(pick(QUERIES))}`,
        `/${locale}/akteure/${pick(slugs)}`,
        `/${locale}/akteure?topic=beratung&page=1`,
        `/${locale}/netzwerk`,
        `/api/v1/organizations?q=${encodeURIComponent(pick(QUERIES))}`,
        `/api/v1/suggestions?q=${encodeURIComponent(pick(QUERIES).slice(0, 4))}&locale=${locale}`,
      ]);
    };

    const visitor = async () => {
      // Visitors arrive spread over the first seconds, not all in the same millisecond.
      await think([0, VISITOR_THINK_MS[1]]);
      while (Date.now() < deadline) {
        const target = visitorPaths();
        const t0 = performance.now();
        try {
          const response = await fetch(`${baseUrl}${target}`, { signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
          await response.arrayBuffer();
          visitorSamples.push({ ms: performance.now() - t0, status: response.status });
          if (response.status >= 500) failures.push(`${response.status} ${target}`);
        } catch (error) {
          if (isTimeout(error)) timeouts++;
          else failures.push(`Fehler ${target}: ${(error as Error).message}`);
        }
        await think(VISITOR_THINK_MS);
      }
    };

    const acknowledged: { marker: string; organizationId: string }[] = [];
    const editSamples: Sample[] = [];
    const coordinator = async ({ email, organization }: (typeof coordinators)[number], index: number) => {
      const jar = new Map<string, string>();
      const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
      cookiesFrom(csrf, jar);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(jar), Origin: baseUrl },
        body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${baseUrl}/de/admin`, json: 'true' }),
      });
      cookiesFrom(signIn, jar);
      await signIn.arrayBuffer();
      if (![...jar.keys()].some((name) => name.includes('session-token'))) {
        failures.push(`Anmeldung fehlgeschlagen: ${email} (${signIn.status})`);
        return;
      }
      const editPath = `/de/admin/organisationen/${organization.id}`;
      for (let round = 1; Date.now() < deadline; round++) {
        try {
          const t0 = performance.now();
          const page = await fetch(`${baseUrl}${editPath}`, { headers: { Cookie: cookieHeader(jar) }, signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
          const html = await page.text();
          if (page.status >= 500) failures.push(`${page.status} GET ${editPath}`);
          const fields = formFields(html);
          if (!fields) {
            failures.push(`Kein Bearbeitungsformular auf ${editPath} (${page.status})`);
            await new Promise((resolve) => setTimeout(resolve, 1000));
            continue;
          }
          const marker = `Soak ${index}-${round}-${randomBytes(3).toString('hex')}: Beratung nach Vereinbarung.`;
          const form = new FormData();
          for (const [name, value] of fields) form.append(name, name === 'description' ? marker : value);
          const response = await fetch(`${baseUrl}${editPath}`, {
            method: 'POST',
            body: form,
            redirect: 'manual',
            headers: { Cookie: cookieHeader(jar), Origin: baseUrl },
            signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
          });
          await response.arrayBuffer();
          editSamples.push({ ms: performance.now() - t0, status: response.status });
          if (response.status >= 500) failures.push(`${response.status} POST ${editPath}`);
          // Acknowledged = the redirect to the entry with "gespeichert=1".
          if (response.status === 303 && (response.headers.get('location') ?? '').includes('gespeichert=1')) {
            acknowledged.push({ marker, organizationId: organization.id });
          }
        } catch (error) {
          if (isTimeout(error)) timeouts++;
          else failures.push(`Fehler beim Speichern (${email}): ${(error as Error).message}`);
        }
        await think(COORDINATOR_THINK_MS);
      }
    };

    const loadStarted = Date.now();
    await Promise.all([...Array.from({ length: VISITORS }, visitor), ...coordinators.map(coordinator)]);
    const loadSeconds = (Date.now() - loadStarted) / 1000;

    // Every acknowledged save must be in the database: as an audit entry with its text, and the
    // last one of each entry as its current description.
    const missing: string[] = [];
    for (const save of acknowledged) {
      const found = await db.auditLog.count({
        where: { entityType: 'Organization', entityId: save.organizationId, changes: { path: ['description', 'after'], equals: save.marker } },
      });
      if (found === 0) missing.push(save.marker);
    }
    for (const { organization } of coordinators) {
      const last = acknowledged.filter((save) => save.organizationId === organization.id).at(-1);
      const current = await db.organization.findUnique({ where: { id: organization.id }, select: { description: true } });
      if (last && current?.description !== last.marker) missing.push(`letzter Stand von ${organization.slug}`);
    }

    const times = visitorSamples.map((sample) => sample.ms).sort((a, b) => a - b);
    const statuses: Record<number, number> = {};
    for (const sample of [...visitorSamples, ...editSamples]) statuses[sample.status] = (statuses[sample.status] ?? 0) + 1;
    const fivexx = [...visitorSamples, ...editSamples].filter((sample) => sample.status >= 500).length;
    const editTimes = editSamples.map((sample) => sample.ms).sort((a, b) => a - b);
    console.log(
      `[soak] ${os.cpus().length} Kerne, Last ${loadSeconds.toFixed(1)} s; Besucher*innen lesen ${VISITOR_THINK_MS[0] / 1000}–${VISITOR_THINK_MS[1] / 1000} s je Seite, Koordinator*innen speichern alle ${COORDINATOR_THINK_MS[0] / 1000}–${COORDINATOR_THINK_MS[1] / 1000} s.`,
    );
    console.log(
      `[soak] Besucher*innen: ${visitorSamples.length} Anfragen (${(visitorSamples.length / loadSeconds).toFixed(0)}/s), ` +
        `p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms.`,
    );
    console.log(
      `[soak] Koordinator*innen: ${editSamples.length} Speichervorgänge, ${acknowledged.length} bestätigt, p50 ${percentile(editTimes, 50).toFixed(0)} ms, p99 ${percentile(editTimes, 99).toFixed(0)} ms (Formular laden + speichern).`,
    );
    console.log(
      `[soak] Status: ${JSON.stringify(statuses)}; 5xx: ${fivexx}; Fehler: ${failures.length}; nach ${CLIENT_TIMEOUT_MS / 1000} s aufgegeben: ${timeouts}; fehlende Speicherungen: ${missing.length}.`,
    );
    console.log(`[soak] Gesamtdauer ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    if (failures.length) {
      // Grouped by kind (status and route without the query), most frequent first.
      const kinds = new Map<string, number>();
      for (const failure of failures) {
        const kind = failure.replace(/\?.*$/, '').replace(/\/(de|en|ar|uk|ru)\//, '/*/');
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      console.error([...kinds].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([kind, count]) => `${count}x ${kind}`).join('\n'));
    }
    if (missing.length) console.error(`Fehlt in der Datenbank: ${missing.slice(0, 10).join(', ')}`);
    if (fivexx > 0 || failures.length > 0 || missing.length > 0 || acknowledged.length < COORDINATORS) {
      console.error('[soak] FEHLGESCHLAGEN');
      process.exitCode = 1;
    } else {
      console.log('[soak] bestanden: 0 5xx, alle bestätigten Speicherungen in der Datenbank.');
    }
  } finally {
    if (app) await stopProcessGroup(app);
    output.end();
    await db?.$disconnect();
    await dropDatabase(server.adminUrl, databaseName).catch(() => {});
    await releaseTestServer();
  }
}

main().catch((error: unknown) => {
  console.error(`[soak] Fehler: ${(error as Error)?.stack ?? error}`);
  process.exit(1);
});
