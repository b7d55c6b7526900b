// Issue 14, first acceptance point, in Chromium against the production build with a real SMTP
// server: a coordinator creates a meeting and invites a list of 3 organizations; each invitee's
// mail carries an iCalendar file that ical.js parses with the right Berlin start; one invitee
// answers "yes, 2 people" through the link signed out; the coordinator moves the meeting by an
// hour (update: same UID, higher SEQUENCE); attendance, minutes and a task for the partner's
// organization; the partner signs in, sees minutes and task and marks it done; an anonymous
// visitor and a partner of an uninvited organization get neither minutes nor answers.
// All records are synthetic examples. axe on every page visited.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { expectNoAxeViolations, newPage } from './support/browser.ts';
import { linkIn, waitForMail, type CapturedMail } from './support/mail.ts';
import { signIn } from './support/sign-in.ts';

const suffix = randomBytes(3).toString('hex');
const TITLE = `Netzwerktreffen Sommer ${suffix} (Beispiel)`;
const MINUTES_TEXT = `Sprachkurse fehlen in Havelberg ${suffix}`;
const PASSWORD = 'Partner-Passwort-nur-Test-1';
// Progress in the log: this journey is long, and on a loaded machine it helps to see where it is.
const step = (name: string) => console.info(`[meetings e2e] ${new Date().toISOString().slice(11, 19)} ${name}`);
let db: PrismaClient;

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
});

afterAll(async () => {
  await db?.$disconnect();
});

const BERLIN = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
function berlin(date: Date): string {
  const p = Object.fromEntries(BERLIN.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function eventOf(mail: CapturedMail) {
  expect(mail.calendars?.length, `Kalenderdatei in „${mail.subject}“`).toBe(1);
  const calendar = new ICAL.Component(ICAL.parse(mail.calendars![0]));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return { method: calendar.getFirstPropertyValue('method'), uid: event.uid, sequence: event.sequence, start: berlin(event.startDate.toJSDate()) };
}

async function open(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  if (status === 200) await expectNoAxeViolations(page);
}

async function partnerOf(organizationId: string, label: string) {
  const email = `${label}-${suffix}@example.org`;
  await db.user.create({ data: { email, name: `${label} ${suffix} (Beispiel)`, role: 'PARTNER', passwordHash: await hashPassword(PASSWORD), memberships: { create: { organizationId } } } });
  return { email, password: PASSWORD };
}

describe('meeting with invitations, answers, minutes and tasks', () => {
  it('runs the whole journey of issue 14 (acceptance point 1)', async () => {
    const orgs = [];
    for (const name of ['Migrationsberatung', 'Jugendmigrationsdienst', 'Sprachcafé']) {
      orgs.push(await db.organization.create({ data: { name: `${name} ${suffix} (Beispiel)`, slug: `treffen-${suffix}-${orgs.length}`, status: 'PUBLISHED', email: `treffen-${orgs.length}-${suffix}@example.org` } }));
    }
    const outsider = await db.organization.create({ data: { name: `Nicht eingeladen ${suffix} (Beispiel)`, slug: `treffen-${suffix}-x`, status: 'PUBLISHED', email: `aussen-${suffix}@example.org` } });
    const list = await db.distributionList.create({ data: { name: `Treffen-Verteiler ${suffix}`, useFilter: false, organizationIds: orgs.map((o) => o.id), addressMode: 'FUNCTIONAL_MAILBOX' } });

    // 1. The coordinator creates the meeting (a field error first: the end before the start).
    step('1. The coordinator creates the meeting (a f');
    const admin = await newPage();
    await signIn(admin);
    await open(admin, '/de/admin/treffen');
    await admin.click('text=Neues Treffen');
    await admin.waitForURL(/\/de\/admin\/treffen\/neu$/);
    await expectNoAxeViolations(admin);
    await admin.fill('#treffen-title', TITLE);
    await admin.fill('#treffen-startsAt', '2027-07-01T18:00');
    await admin.fill('#treffen-endsAt', '2027-07-01T17:00');
    await admin.fill('#treffen-placeText', 'Rathaus Stendal, Großer Saal (Beispiel)');
    await admin.click('button:has-text("Treffen anlegen")');
    await admin.waitForSelector('#treffen-endsAt-error');
    expect(await admin.inputValue('#treffen-title')).toBe(TITLE);
    await expectNoAxeViolations(admin);
    await admin.fill('#treffen-endsAt', '2027-07-01T20:00');
    await Promise.all([admin.waitForURL(/\/de\/admin\/treffen\/[0-9a-f-]{36}\?angelegt=1/), admin.click('button:has-text("Treffen anlegen")')]);
    const meetingPath = new URL(admin.url()).pathname;
    const meetingId = meetingPath.split('/').pop()!;
    await expectNoAxeViolations(admin);

    // 2. Invite the list: each of the three gets a REQUEST with the Berlin start 18:00.
    step('2. Invite the list: each of the three gets ');
    await admin.selectOption('#einladen-verteiler', list.id);
    await Promise.all([admin.waitForURL(/eingeladen=3/), admin.click('button:has-text("Einladungen verschicken")')]);
    await expectNoAxeViolations(admin);
    const invitations = await Promise.all(orgs.map((o) => waitForMail(o.email!, /^Einladung:/)));
    const first = invitations.map(eventOf);
    for (const event of first) expect(event).toMatchObject({ method: 'REQUEST', sequence: 0, start: '2027-07-01T18:00', uid: first[0].uid });

    // 3. One invitee answers "yes, 2 people" without an account.
    step('3. One invitee answers "yes, 2 people" with');
    const link = linkIn(invitations[0], /\/de\/treffen\/antwort\//);
    const guest = await newPage();
    await open(guest, link.pathname);
    await guest.check('#antwort-YES');
    await guest.fill('#antwort-people', '2');
    await Promise.all([guest.waitForURL(/\?gespeichert=1/), guest.click('button:has-text("Antwort senden")')]);
    await expectNoAxeViolations(guest);
    expect(await guest.textContent('[data-testid="current-answer"]')).toContain('Ja, 2 Personen');
    await open(guest, '/de/treffen/antwort/ungueltiger-link');
    expect(await guest.textContent('[role="alert"]')).toContain('nicht (mehr) gültig');

    // The coordinator sees the answer on the next load.
    await open(admin, meetingPath);
    expect(await admin.textContent('[data-testid="answer-counts"]')).toContain('3 eingeladen: 1 Ja (2 Personen)');

    // 4. Moved by an hour: an update with the same UID and a higher SEQUENCE.
    step('4. Moved by an hour: an update with the sam');
    await admin.fill('#treffen-startsAt', '2027-07-01T19:00');
    await admin.fill('#treffen-endsAt', '2027-07-01T21:00');
    await Promise.all([admin.waitForURL(/gespeichert=1/), admin.click('button:has-text("Änderungen speichern")')]);
    const updates = await Promise.all(orgs.map((o) => waitForMail(o.email!, /^Geänderter Termin:/)));
    for (const event of updates.map(eventOf)) expect(event).toMatchObject({ method: 'REQUEST', uid: first[0].uid, sequence: 1, start: '2027-07-01T19:00' });

    // 5. Attendance, minutes (published) and a task for the first organization.
    step('5. Attendance, minutes (published) and a ta');
    const invitees = await db.meetingInvitee.findMany({ where: { meetingId }, orderBy: { email: 'asc' } });
    await admin.check(`#anwesend-${invitees[0].id}`);
    await admin.check(`#anwesend-${invitees[1].id}`);
    await Promise.all([admin.waitForURL(/anwesenheit=1/), admin.click('button:has-text("Anwesenheit speichern")')]);
    await admin.fill('#protokoll-minutesReports', `## Berichte\n\n- ${MINUTES_TEXT}\n\n<script>alert(1)</script>`);
    await admin.fill('#protokoll-minutesDecisions', 'Nächstes Treffen im Herbst.');
    await admin.check('#protokoll-publish');
    await Promise.all([admin.waitForURL(/protokoll=1/), admin.click('button:has-text("Protokoll speichern")')]);
    await admin.fill('#aufgabe-title', `Flyer übersetzen ${suffix}`);
    await admin.selectOption('#aufgabe-organizationId', orgs[0].id);
    await admin.fill('#aufgabe-dueDate', '2027-08-01');
    await Promise.all([admin.waitForURL(/aufgabe=1/), admin.click('form:has(#aufgabe-title) button[type="submit"]')]);
    await expectNoAxeViolations(admin);
    expect(await admin.locator('[data-testid="minutes"] script').count()).toBe(0);
    const attended = await db.meetingInvitee.count({ where: { meetingId, isPresent: true } });
    expect(attended).toBe(2);

    // 6. The partner of the first organization signs in, sees minutes and task, marks it done.
    step('6. The partner of the first organization si');
    const partnerAccount = await partnerOf(orgs[0].id, 'partnerin');
    const partner = await newPage();
    await signIn(partner, partnerAccount, { callbackPath: '/de/admin/treffen' });
    await open(partner, '/de/admin/treffen');
    expect(await partner.textContent('main')).toContain(`Flyer übersetzen ${suffix}`);
    await open(partner, meetingPath);
    expect(await partner.textContent('[data-testid="minutes"]')).toContain(MINUTES_TEXT);
    expect(await partner.textContent('main')).not.toContain('eingeladen: 1 Ja');
    const task = await db.meetingTask.findFirstOrThrow({ where: { meetingId } });
    await open(partner, '/de/admin/treffen');
    await partner.check(`#aufgabe-${task.id}-done`);
    await partner.fill(`#aufgabe-${task.id}-note`, 'Liegt auf Arabisch und Ukrainisch vor.');
    await Promise.all([partner.waitForURL(/aufgabeGespeichert=1/), partner.click(`form:has(#aufgabe-${task.id}-done) button[type="submit"]`)]);
    await expectNoAxeViolations(partner);
    expect(await db.meetingTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'DONE', note: 'Liegt auf Arabisch und Ukrainisch vor.' });

    // 7. Neither an anonymous visitor nor a partner of an uninvited organization sees minutes or answers.
    step('7. Neither an anonymous visitor nor a partn');
    const anonymous = await newPage();
    await anonymous.goto(meetingPath);
    expect(new URL(anonymous.url()).pathname).toBe('/de/anmelden');
    expect(await anonymous.content()).not.toContain(MINUTES_TEXT);
    const outsiderAccount = await partnerOf(outsider.id, 'aussen');
    const stranger = await newPage();
    await signIn(stranger, outsiderAccount, { callbackPath: '/de/admin/treffen' });
    const refused = await stranger.goto(meetingPath);
    expect(refused?.status()).toBe(404);
    const body = await stranger.content();
    expect(body).not.toContain(MINUTES_TEXT);
    expect(body).not.toContain('2 Personen');
    await open(stranger, '/de/admin/treffen');
    expect(await stranger.textContent('main')).not.toContain(TITLE);
  }, 600_000);
});
