// Matching a plan's rows against what exists: services by name, locations by address, contacts by
// e-mail (or role and name) within the matched organization, and likely duplicates of new entries.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { db } from '@/lib/db';
import type { ImportFieldKey } from '@/lib/import/fields';
import { findDuplicates } from '../duplicates/find-duplicates';
import type { GroupPlan, RowPlan } from './build-import-plan';
import { addressKey, CONTACT_FIELDS, fill, IMPORT_MESSAGES, LOCATION_FIELDS, normalizeKey, SERVICE_FIELDS } from './plan-helpers';

type Client = Prisma.TransactionClient | typeof db;

// Services by name, locations by address (or name), contacts by e-mail (or role and name): an
// existing one is updated, a new one created; the same one named in several rows is one record.
export async function matchChildren(client: Client, groups: GroupPlan[], label: (key: ImportFieldKey) => string) {
  const ids = groups.map((g) => g.organizationId).filter((id): id is string => Boolean(id));
  const [services, locations, contacts] = ids.length
    ? await Promise.all([
        client.service.findMany({ where: { organizationId: { in: ids }, deletedAt: null }, select: { id: true, organizationId: true, name: true } }),
        client.location.findMany({ where: { organizationId: { in: ids }, deletedAt: null }, select: { id: true, organizationId: true, name: true, street: true, postalCode: true } }),
        client.contactPerson.findMany({ where: { organizationId: { in: ids }, deletedAt: null }, select: { id: true, organizationId: true, role: true, name: true, email: true } }),
      ])
    : [[], [], []];
  const claimedContacts = new Set<string>();
  for (const group of groups) {
    const inFile = { service: new Map<string, RowPlan>(), location: new Map<string, RowPlan>(), contact: new Map<string, RowPlan>() };
    for (const row of group.rows) {
      const keys = {
        service: row.service ? `n:${normalizeKey(String(row.service.values.name ?? ''))}` : null,
        location: row.location ? (addressKey(row.location.values.street, row.location.values.postalCode) ?? `n:${normalizeKey(String(row.location.values.name ?? ''))}`) : null,
        contact: row.contact ? (row.contact.values.email ? `e:${String(row.contact.values.email).toLowerCase()}` : `r:${normalizeKey(String(row.contact.values.role ?? ''))}|${normalizeKey(String(row.contact.values.name ?? ''))}`) : null,
      };
      for (const part of ['service', 'location', 'contact'] as const) {
        const child = row[part];
        const key = keys[part];
        if (!child || !key) continue;
        const earlier = inFile[part].get(key);
        if (earlier) {
          // Named again: the earlier row's record; its values must not contradict.
          const first = earlier[part]!;
          child.action = first.action;
          child.id = first.id;
          child.sameAsRow = earlier.row;
          for (const [field, value] of Object.entries(child.values)) {
            if (value === null || value === undefined) continue;
            if (field in first.values && JSON.stringify(first.values[field]) !== JSON.stringify(value)) {
              const fields = part === 'service' ? SERVICE_FIELDS : part === 'contact' ? CONTACT_FIELDS : LOCATION_FIELDS;
              row.errors.push({ column: label((fields[field] ?? field) as ImportFieldKey), message: fill(IMPORT_MESSAGES.conflict, { row: earlier.row, value: String(value) }) });
            } else first.values[field] = value;
          }
          continue;
        }
        inFile[part].set(key, row);
        if (!group.organizationId) continue;
        const orgId = group.organizationId;
        let existing: { id: string } | undefined;
        if (part === 'service') existing = services.find((s) => s.organizationId === orgId && `n:${normalizeKey(s.name)}` === key);
        if (part === 'location') existing = locations.find((l) => l.organizationId === orgId && ((addressKey(l.street, l.postalCode) ?? `n:${normalizeKey(l.name ?? '')}`) === key));
        if (part === 'contact') existing = contacts.find((c) => c.organizationId === orgId && (c.email ? `e:${c.email.toLowerCase()}` : `r:${normalizeKey(c.role)}|${normalizeKey(c.name ?? '')}`) === key);
        // A person's new e-mail address (an edited export): the same role and name is the same
        // contact, when exactly one contact of the entry has them and no other row took it.
        if (part === 'contact' && !existing && child.values.name && child.values.role) {
          const same = contacts.filter((c) => c.organizationId === orgId && !claimedContacts.has(c.id) && normalizeKey(c.role) === normalizeKey(String(child.values.role)) && normalizeKey(c.name ?? '') === normalizeKey(String(child.values.name)));
          if (same.length === 1) existing = same[0];
        }
        if (part === 'contact' && existing) claimedContacts.add(existing.id);
        if (existing) {
          child.action = 'update';
          child.id = existing.id;
        }
      }
    }
  }
}

// New organizations that look like existing ones (similar name or same address), and new ones
// that appear twice in the file under different keys.
export async function flagDuplicates(client: Client, groups: GroupPlan[]) {
  const created = groups.filter((g) => g.action === 'create' && g.values.name);
  const candidates = created.map((group) => {
    const withAddress = group.rows.find((r) => r.location?.values.street && r.location.values.postalCode);
    return { name: String(group.values.name), street: (withAddress?.location?.values.street as string) ?? null, postalCode: (withAddress?.location?.values.postalCode as string) ?? null };
  });
  const matches = await findDuplicates(candidates, { client });
  const byName = new Map<string, GroupPlan>();
  created.forEach((group, index) => {
    const first = group.rows[0];
    first.duplicates.push(...matches[index]);
    const name = normalizeKey(String(group.values.name));
    const earlier = byName.get(name);
    if (earlier) first.duplicates.push({ reason: 'file', row: earlier.rows[0].row, name: String(group.values.name) });
    else byName.set(name, group);
  });
}
