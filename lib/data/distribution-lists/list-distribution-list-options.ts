import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';

// Choices for the list form: terms, towns with locations, languages, organizations, contacts.
export async function listDistributionListOptions({ actor }: { actor: Actor | null }) {
  requireScopeAll(actor, 'distributionList.manage');
  const [terms, places, languages, organizations, contacts] = await Promise.all([
    db.taxonomyTerm.findMany({ orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { label: 'asc' }], select: { id: true, kind: true, label: true } }),
    db.location.findMany({
      where: { deletedAt: null, organization: { is: { deletedAt: null } } },
      select: { municipality: true, city: true },
    }),
    db.language.findMany({ where: { isActive: true }, orderBy: [{ sortOrder: 'asc' }, { nameDe: 'asc' }], select: { code: true, nameDe: true } }),
    db.organization.findMany({ where: { deletedAt: null, status: { not: 'ARCHIVED' } }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.contactPerson.findMany({
      where: { deletedAt: null, consentWithdrawnAt: null, email: { not: null }, organization: { is: { deletedAt: null } } },
      orderBy: [{ organization: { name: 'asc' } }, { role: 'asc' }],
      select: { id: true, role: true, name: true, email: true, organization: { select: { name: true } } },
    }),
  ]);
  const towns = new Set<string>();
  for (const place of places) for (const value of [place.municipality, place.city]) if (value?.trim()) towns.add(value.trim());
  return {
    categories: terms.filter((t) => t.kind === 'CATEGORY').map((t) => ({ value: t.id, label: t.label })),
    topics: terms.filter((t) => t.kind !== 'CATEGORY').map((t) => ({ value: t.id, label: t.label })),
    municipalities: [...towns].sort((a, b) => a.localeCompare(b, 'de')).map((town) => ({ value: town, label: town })),
    languages: languages.map((l) => ({ value: l.code, label: l.nameDe })),
    organizations: organizations.map((o) => ({ value: o.id, label: o.name })),
    contacts: contacts.map((c) => ({ value: c.id, label: `${c.organization.name}: ${c.name ? `${c.name}, ` : ''}${c.role} <${c.email}>` })),
  };
}
