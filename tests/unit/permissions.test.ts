import { describe, expect, it } from 'vitest';
import { can, organizationFilter, PERMISSIONS, scopeOf, type Actor } from '@/lib/permissions';

const admin: Actor = { id: 'a', name: 'A', email: 'a@example.org', role: 'ADMIN', organizationIds: [] };
const partner: Actor = { id: 'p', name: 'P', email: 'p@example.org', role: 'PARTNER', organizationIds: ['org-1'] };

describe('permissions', () => {
  it('gives coordinators everything', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(scopeOf(admin, permission)).toBe('all');
    expect(organizationFilter(admin, 'organization.update')).toEqual({});
  });

  it('refuses anonymous callers everything', () => {
    expect(can(null, 'organization.read')).toBe(false);
    expect(organizationFilter(null, 'organization.read')).toBeNull();
  });

  it('limits partners to their own organizations, direct edits only when trusted', () => {
    expect(can(partner, 'organization.read', { id: 'org-1' })).toBe(true);
    expect(can(partner, 'organization.read', { id: 'org-2' })).toBe(false);
    expect(can(partner, 'organization.update', { id: 'org-1', isTrusted: false })).toBe(false);
    expect(can(partner, 'organization.update', { id: 'org-1', isTrusted: true })).toBe(true);
    expect(can(partner, 'organization.propose', { id: 'org-1' })).toBe(true);
    expect(can(partner, 'organization.publish', { id: 'org-1' })).toBe(false);
    expect(can(partner, 'user.manage')).toBe(false);
    expect(can(partner, 'contact.erasePersonalData')).toBe(false);
    expect(can(partner, 'searchLog.read')).toBe(false);
    expect(organizationFilter(partner, 'organization.update')).toEqual({ id: { in: ['org-1'] }, isTrusted: true });
    expect(organizationFilter(partner, 'organization.delete')).toBeNull();
  });
});
