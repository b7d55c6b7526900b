// The public JSON API validates its parameters: a bad one is a 400 that names it, nothing else.
import { describe, expect, it } from 'vitest';
import { GET as searchOrganizations } from '@/app/api/v1/organizations/route';
import { GET as hsdsOrganizations } from '@/app/api/hsds/organizations/route';
import { NextRequest } from 'next/server';
import { createOrganization } from '../factories';

describe('public JSON API', () => {
  it('answers a valid search with published entries', async () => {
    await createOrganization({ name: 'Sprachcafé Zuckerhut (Beispiel)' });
    await createOrganization({ name: 'Sprachcafé Entwurf (Beispiel)', status: 'DRAFT' });
    const response = await searchOrganizations(new Request('http://localhost/api/v1/organizations?q=Zuckerhut&seite=1'));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.items.map((item: { name: string }) => item.name)).toEqual(['Sprachcafé Zuckerhut (Beispiel)']);
  });

  it('refuses invalid parameters with the parameter and the reason', async () => {
    const response = await searchOrganizations(new Request('http://localhost/api/v1/organizations?alter=abc&sprache=xx1'));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fields).toEqual({ alter: 'Alter: bitte eine ganze Zahl angeben.', sprache: expect.stringContaining('ISO 639-1') });
  });

  it('refuses an HSDS page size over 100', async () => {
    const response = await hsdsOrganizations(new NextRequest('http://localhost/api/hsds/organizations?per_page=500'));
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual([{ field: 'per_page', message: 'per_page darf höchstens 100 sein.' }]);
  });
});
