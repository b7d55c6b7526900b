// A visitor reports a mistake in an entry: in Arabic with JavaScript, and in German without it.
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { expectNoAxeViolations, newPage } from './support/browser.ts';

const SLUG = 'jobcenter';
let db: PrismaClient;

beforeAll(() => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
});

afterAll(async () => {
  await db?.$disconnect();
});

async function feedbackCount(): Promise<number> {
  return db.feedback.count({ where: { organization: { slug: SLUG } } });
}

describe('report a mistake', () => {
  it('shows translated field errors, keeps the input, then stores the report', async () => {
    const before = await feedbackCount();
    const page = await newPage({ locale: 'ar' });
    await page.goto(`/ar/akteure/${SLUG}`);
    await page.click(`a[href="/ar/akteure/${SLUG}/fehler-melden"]`);
    await page.waitForURL(`**/ar/akteure/${SLUG}/fehler-melden`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expectNoAxeViolations(page);

    await page.fill('#feedback-message', 'kurz');
    await page.fill('#feedback-email', 'keine-adresse');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#feedback-message-error');
    expect(await page.textContent('#feedback-message-error')).toContain('10');
    expect(await page.getAttribute('#feedback-email', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#feedback-message')).toBe('kurz');
    await expectNoAxeViolations(page);
    expect(await feedbackCount()).toBe(before);

    await page.fill('#feedback-message', 'رقم الهاتف لم يعد صحيحاً.');
    await page.fill('#feedback-email', '');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[role="status"]');
    expect(await page.textContent('[role="status"]')).toContain('شكراً');
    expect(await feedbackCount()).toBe(before + 1);
    const latest = await db.feedback.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    expect(latest).toMatchObject({ locale: 'ar', email: null, status: 'OPEN' });
  });

  it('works without JavaScript', async () => {
    const before = await feedbackCount();
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`/de/akteure/${SLUG}/fehler-melden`);
    await page.fill('#feedback-message', 'Die Sprechzeiten stimmen nicht mehr.');
    await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
    await page.waitForSelector('[role="status"]');
    expect(await page.textContent('[role="status"]')).toContain('Vielen Dank');
    expect(await feedbackCount()).toBe(before + 1);
  });
});
