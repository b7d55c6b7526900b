// No dead ends on the search page (issue 11, point 5), on a 390 px phone: a typeahead suggestion
// of every kind lands on a page that exists (200) and shows something; Esc closes the list and
// keeps the words; an empty result offers topics, a correction and the coordination office from
// its seeded entry; the URL carries only what is in use, also when the form is sent without
// JavaScript; a page past the end goes to the last page.
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { createDirectoryFixtures, FIXTURE_SLUGS as F } from '../fixtures/directory.ts';
import { newPage } from './support/browser.ts';

const PHONE = { width: 390, height: 844 };
let db: PrismaClient;

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  if (!(await db.organization.findUnique({ where: { slug: F.mueller } }))) await createDirectoryFixtures(db);
});

afterAll(async () => {
  await db?.$disconnect();
});

describe('typeahead on a phone', () => {
  it.each([
    ['organization', 'Jobcen', /\/de\/akteure\/jobcenter$/],
    ['topic', 'Gesundh', /\/de\/akteure\?thema=gesundheit$/],
    ['language', 'Arabi', /\/de\/akteure\?sprache=ar$/],
    ['town', 'Tangerm', /\/de\/akteure\?ort=Tangerm%C3%BCnde$/],
  ])('a %s suggestion for "%s" lands on its page', async (kind, typed, expected) => {
    const page = await newPage({ viewport: PHONE });
    await page.goto('/de/akteure');
    await page.click('#search-q');
    await page.keyboard.type(typed, { delay: 30 });
    const option = page.locator(`[role="option"][data-kind="${kind}"]`).first();
    await option.waitFor();
    await option.click();
    await page.waitForURL(expected);
    const status = (await fetch(`${inject('E2E_BASE_URL')}${new URL(page.url()).pathname}${new URL(page.url()).search}`)).status;
    expect(status).toBe(200);
    if (kind === 'organization') expect(await page.textContent('h1')).toContain('Jobcenter');
    else expect(Number(await page.getAttribute('[data-result-count]', 'data-result-count'))).toBeGreaterThan(0);
  });

  it('Esc closes the list and keeps the words', async () => {
    const page = await newPage({ viewport: PHONE });
    await page.goto('/de/akteure');
    await page.click('#search-q');
    await page.keyboard.type('Beratu', { delay: 30 });
    await page.locator('[role="option"]').first().waitFor();
    expect(await page.getAttribute('#search-q', 'aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#search-q', 'aria-expanded')).toBe('false');
    expect(await page.inputValue('#search-q')).toBe('Beratu');
    await page.keyboard.press('Escape');
    expect(await page.inputValue('#search-q')).toBe('Beratu');
  });
});

describe('empty result', () => {
  it('offers topics, the likeliest spelling and the coordination office from its entry', async () => {
    const office = await db.organization.findFirstOrThrow({
      where: { isCoordinationOffice: true },
      select: { email: true, contacts: { select: { phone: true } } },
    });
    const page = await newPage({ viewport: PHONE });
    // Words are alternatives and typos in names are forgiven (issue 11), so "Beratunk" alone would
    // find the counselling entries; swapped letters are beyond that, so the spelling is offered.
    await page.goto('/de/akteure?q=Xqzwv+Bertaung');
    expect(await page.getAttribute('[data-result-count]', 'data-result-count')).toBe('0');
    expect(await page.textContent('[data-correction]')).toContain('beratung');
    expect(await page.locator('[data-empty-topics] a').count()).toBeGreaterThan(0);
    const box = page.locator('[data-coordination-office]');
    expect(await box.locator(`a[href="mailto:${office.email}"]`).count()).toBe(1);
    const phone = office.contacts.find((contact) => contact.phone)!.phone!;
    expect(await box.textContent()).toContain(phone);

    await page.click('[data-correction] a');
    await page.waitForURL(/q=beratung/);
    expect(Number(await page.getAttribute('[data-result-count]', 'data-result-count'))).toBeGreaterThan(0);

    await page.goto('/de/akteure?q=Quantenchromodynamik');
    await page.click('[data-empty-topics] a >> nth=0');
    await page.waitForURL(/thema=/);
    expect(Number(await page.getAttribute('[data-result-count]', 'data-result-count'))).toBeGreaterThan(0);
  });

  it('offers the likeliest spelling above a few results too', async () => {
    const page = await newPage({ viewport: PHONE });
    await page.goto('/de/akteure?q=Hochschulle');
    const count = Number(await page.getAttribute('[data-result-count]', 'data-result-count'));
    expect(count).toBeGreaterThan(0);
    expect(await page.textContent('[data-correction]')).toContain('hochschule');
    await page.click('[data-correction] a');
    await page.waitForURL(/q=hochschule/);
    expect(await page.locator('[data-correction]').count()).toBe(0);
  });
});

describe('tidy URLs', () => {
  it('the form sent without JavaScript carries only the fields in use', async () => {
    const page = await newPage({ viewport: PHONE, javaScriptEnabled: false });
    await page.goto('/de/akteure');
    await page.fill('#search-q', 'Beratung');
    await page.click('button[type="submit"] >> nth=0');
    await page.waitForURL(/\/de\/akteure\?q=Beratung$/);
    expect(Number(await page.getAttribute('[data-result-count]', 'data-result-count'))).toBeGreaterThan(0);
    // Filter options give their counts; none gives nothing.
    const options = await page.locator('#filter-ort option').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
    for (const option of options.slice(1)) expect(option).toMatch(/\([1-9]\d*\)$/);
  });

  it('a page past the end goes to the last page', async () => {
    const response = await fetch(`${inject('E2E_BASE_URL')}/de/akteure?q=Beratung&seite=99`, { redirect: 'manual' });
    expect([303, 307, 308]).toContain(response.status);
    expect(response.headers.get('location')).toMatch(/\/de\/akteure\?q=Beratung$/);
    const page = await newPage({ viewport: PHONE });
    await page.goto('/de/akteure?seite=99');
    await page.waitForURL(/seite=2$/);
    expect(await page.locator('[data-slug]').count()).toBeGreaterThan(0);
  });
});
