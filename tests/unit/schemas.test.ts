import { describe, expect, it } from 'vitest';
import { formDataToObject, safeValues } from '@/lib/schemas/common';
import { contactInputSchema, organizationInputSchema, scheduleInputSchema, serviceInputSchema } from '@/lib/schemas/organization';
import { slugify } from '@/lib/schemas/slug';

describe('slugify', () => {
  it('transliterates German umlauts and drops other accents', () => {
    expect(slugify('Jugendmigrationsdienst Tangermünde')).toBe('jugendmigrationsdienst-tangermuende');
    expect(slugify('Straße & Größe – Café')).toBe('strasse-und-groesse-cafe');
    expect(slugify('!!!')).toBe('eintrag');
  });
});

describe('form schemas', () => {
  it('turns empty strings into null and checkboxes into booleans', () => {
    const parsed = organizationInputSchema.parse({ name: ' Caritas ', email: '', website: '', isCoordinationOffice: 'on', reviewIntervalMonths: '6' });
    expect(parsed).toMatchObject({ name: 'Caritas', email: null, website: null, isCoordinationOffice: true, reviewIntervalMonths: 6 });
  });

  it('refuses javascript: and other non-web links', () => {
    expect(organizationInputSchema.safeParse({ name: 'A', website: 'javascript:alert(1)' }).success).toBe(false);
    expect(organizationInputSchema.safeParse({ name: 'A', website: 'https://example.org' }).success).toBe(true);
  });

  it('adds https:// to a web address typed without a scheme, in every URL field', () => {
    const website = (value: string) => organizationInputSchema.safeParse({ name: 'A', website: value });
    expect(website('beispiel.de').data?.website).toBe('https://beispiel.de');
    expect(website(' www.beispiel.de/kontakt?x=1 ').data?.website).toBe('https://www.beispiel.de/kontakt?x=1');
    expect(website('beispiel.de:8080/termin').data?.website).toBe('https://beispiel.de:8080/termin');
    expect(website('//beispiel.de').data?.website).toBe('https://beispiel.de');
    expect(website('http://beispiel.de').data?.website).toBe('http://beispiel.de');
    expect(website('HTTPS://Beispiel.de').data?.website).toBe('HTTPS://Beispiel.de');
    for (const bad of ['beispiel', 'mailto:a@beispiel.de', 'ftp://beispiel.de', 'bei spiel.de']) {
      expect(website(bad).error?.issues[0], bad).toMatchObject({ path: ['website'], message: 'Bitte geben Sie eine Web-Adresse ein (z. B. beispiel.de).' });
    }
    const slot = scheduleInputSchema.safeParse({ weekday: '2', opensAt: '09:00', closesAt: '12:00', appointmentOnly: 'on', bookingUrl: 'termine.beispiel.de' });
    expect(slot.data?.bookingUrl).toBe('https://termine.beispiel.de');
  });

  it('checks phone numbers in every phone field and keeps them as written', () => {
    const message = 'Bitte geben Sie eine gültige Telefonnummer ein (z. B. 03931 60-7040 oder +49 3931 607040).';
    const fields = [
      (value: string) => organizationInputSchema.safeParse({ name: 'A', phone: value }),
      (value: string) => contactInputSchema.safeParse({ role: 'Beratung', phone: value }),
      (value: string) => contactInputSchema.safeParse({ role: 'Beratung', mobile: value }),
    ];
    for (const parse of fields) {
      for (const good of ['03931 60-7040', '+49 3931 607040', '0176 12345678', '+963 11 123 4567', '115', '116 117', '']) {
        expect(parse(good).success, good).toBe(true);
      }
      expect(parse(' 03931 60-7040 ').data).toMatchObject(expect.objectContaining({}));
      for (const bad of ['Telefon', '1', '03931 1', '0000 100 200', '12345678901234567890']) {
        expect(parse(bad).error?.issues[0]?.message, bad).toBe(message);
      }
    }
    expect(organizationInputSchema.parse({ name: 'A', phone: ' 03931 60-7040 ' }).phone).toBe('03931 60-7040');
    expect(contactInputSchema.safeParse({ role: 'Beratung', phone: '' }).data?.phone ?? null).toBeNull();
  });

  it('checks cross-field rules with German messages', () => {
    const service = serviceInputSchema.safeParse({ name: 'A', minAge: '27', maxAge: '12' });
    expect(service.success).toBe(false);
    expect(service.error?.issues[0]).toMatchObject({ path: ['maxAge'] });
    const contact = contactInputSchema.safeParse({ role: 'Beratung', consent: 'given' });
    expect(contact.error?.issues[0].path).toEqual(['consentScope']);
    const schedule = scheduleInputSchema.safeParse({ weekday: '2', opensAt: '9:00', closesAt: '12:30' });
    expect(schedule.success && schedule.data).toMatchObject({ opensAt: 540, closesAt: 750 });
  });

  it('keeps arrays from FormData and never echoes secrets', () => {
    const data = new FormData();
    data.append('topicIds', 'a');
    data.append('topicIds', 'b');
    data.append('password', 'geheim');
    data.append('name', 'X');
    const values = formDataToObject(data, ['topicIds', 'languageCodes']);
    expect(values).toEqual({ topicIds: ['a', 'b'], password: 'geheim', name: 'X', languageCodes: [] });
    expect(safeValues(values)).toEqual({ topicIds: ['a', 'b'], name: 'X', languageCodes: [] });
  });
});
