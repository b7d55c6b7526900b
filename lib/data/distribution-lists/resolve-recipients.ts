// Who a distribution list reaches, defined once: the list page, the CSV, the vCard file, the
// mailto links and the circulars all use this resolution.
// - Organizations: those matching the filter (published, not deleted; every criterion that is set
//   must match, any value within one criterion) plus those picked by hand (not deleted, not
//   archived). Per organization the list's address mode picks the functional mailbox, all
//   contacts, or the contacts of one role (public ones, and network-internal ones when the list
//   includes them).
// - Contacts picked by hand are added whatever their organization's address mode.
// - Never: deleted contacts, contacts whose consent is withdrawn, addresses that opted out of
//   circulars (on any contact or mailbox with that address). One recipient per address.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ContactVisibility, DistributionAddressMode } from '@/lib/generated/prisma/enums';
import { db } from '@/lib/db';
import { publicOrganizationWhere } from '../visibility';

type Client = Prisma.TransactionClient | typeof db;

export interface RecipientDefinition {
  useFilter: boolean;
  categoryIds: string[];
  topicIds: string[];
  municipalities: string[];
  languageCodes: string[];
  isMembersOnly: boolean;
  organizationIds: string[];
  contactIds: string[];
  addressMode: DistributionAddressMode;
  role: string | null;
  includeInternal: boolean;
}

export interface Recipient {
  email: string;
  // The person's name; null for functional mailboxes and contacts without a name.
  name: string | null;
  role: string | null;
  organizationId: string;
  organizationName: string;
  contactPersonId: string | null;
  kind: 'mailbox' | 'contact';
  visibility: ContactVisibility | null;
  phone: string | null;
  mobile: string | null;
  website: string | null;
}

export interface RecipientResolution {
  recipients: Recipient[];
  // Organizations in the list that have no address of the chosen kind.
  withoutAddress: { id: string; name: string }[];
  // Addresses left out because they opted out or consent was withdrawn.
  excludedCount: number;
  organizationCount: number;
}

// The organizations a filter matches (also used by the list form's live count).
function filterWhere(definition: RecipientDefinition): Prisma.OrganizationWhereInput {
  // A filter reaches the entries of the public directory (the one rule in visibility.ts).
  const and: Prisma.OrganizationWhereInput[] = [publicOrganizationWhere];
  if (definition.categoryIds.length) and.push({ categoryId: { in: definition.categoryIds } });
  if (definition.topicIds.length) {
    and.push({
      OR: [
        { topics: { some: { termId: { in: definition.topicIds } } } },
        { services: { some: { deletedAt: null, terms: { some: { termId: { in: definition.topicIds } } } } } },
      ],
    });
  }
  if (definition.municipalities.length) {
    const places = definition.municipalities;
    and.push({
      locations: {
        some: {
          deletedAt: null,
          OR: [...places.map((place) => ({ municipality: { equals: place, mode: 'insensitive' as const } })), ...places.map((place) => ({ city: { equals: place, mode: 'insensitive' as const } }))],
        },
      },
    });
  }
  if (definition.languageCodes.length) {
    // Languages of the organization's services or of its contacts that are still there.
    and.push({
      languageOffers: {
        some: {
          languageCode: { in: definition.languageCodes },
          AND: [
            { OR: [{ contactPersonId: null }, { contactPerson: { is: { deletedAt: null, consentWithdrawnAt: null } } }] },
            { OR: [{ serviceId: null }, { service: { is: { deletedAt: null } } }] },
          ],
        },
      },
    });
  }
  // Members of the network: organizations with at least one active partner account.
  if (definition.isMembersOnly) and.push({ memberships: { some: { user: { is: { isActive: true, role: 'PARTNER' } } } } });
  return { AND: and };
}

function organizationsWhere(definition: RecipientDefinition): Prisma.OrganizationWhereInput | null {
  const or: Prisma.OrganizationWhereInput[] = [];
  if (definition.useFilter) or.push(filterWhere(definition));
  if (definition.organizationIds.length) or.push({ id: { in: definition.organizationIds }, deletedAt: null, status: { not: 'ARCHIVED' } });
  return or.length ? { OR: or } : null;
}

const contactSelect = {
  id: true,
  role: true,
  name: true,
  email: true,
  phone: true,
  mobile: true,
  visibility: true,
  sortOrder: true,
} as const;

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function matchesRole(role: string, wanted: string): boolean {
  const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('de');
  return fold(role).includes(fold(wanted.trim()));
}

// Addresses nobody in the list may receive: opted out anywhere, or consent withdrawn.
async function blockedAddresses(client: Client): Promise<Set<string>> {
  const [contacts, organizations] = await Promise.all([
    client.contactPerson.findMany({
      where: { email: { not: null }, OR: [{ mailingOptOutAt: { not: null } }, { consentWithdrawnAt: { not: null } }] },
      select: { email: true },
    }),
    client.organization.findMany({ where: { email: { not: null }, mailingOptOutAt: { not: null } }, select: { email: true } }),
  ]);
  return new Set([...contacts, ...organizations].map((row) => normalizeEmail(row.email!)));
}

export async function resolveRecipients(definition: RecipientDefinition, client: Client = db): Promise<RecipientResolution> {
  const where = organizationsWhere(definition);
  const visibilities: ContactVisibility[] = definition.includeInternal ? ['PUBLIC', 'NETWORK_INTERNAL'] : ['PUBLIC'];
  const [organizations, picked, blocked] = await Promise.all([
    where
      ? client.organization.findMany({
          where,
          orderBy: [{ name: 'asc' }],
          select: {
            id: true,
            name: true,
            email: true,
            phone: true,
            website: true,
            contacts: {
              where: { deletedAt: null, consentWithdrawnAt: null, visibility: { in: visibilities } },
              orderBy: [{ sortOrder: 'asc' }, { role: 'asc' }],
              select: contactSelect,
            },
          },
        })
      : Promise.resolve([]),
    definition.contactIds.length
      ? client.contactPerson.findMany({
          where: { id: { in: definition.contactIds }, deletedAt: null, consentWithdrawnAt: null, organization: { is: { deletedAt: null } } },
          select: { ...contactSelect, organization: { select: { id: true, name: true, website: true } } },
        })
      : Promise.resolve([]),
    blockedAddresses(client),
  ]);

  const recipients = new Map<string, Recipient>();
  let excludedCount = 0;
  const excluded = new Set<string>();
  const add = (recipient: Recipient): boolean => {
    const key = normalizeEmail(recipient.email);
    if (blocked.has(key)) {
      if (!excluded.has(key)) excludedCount += 1;
      excluded.add(key);
      return false;
    }
    if (!recipients.has(key)) recipients.set(key, { ...recipient, email: key });
    return true;
  };

  const withoutAddress: { id: string; name: string }[] = [];
  for (const org of organizations) {
    let found = 0;
    const base = { organizationId: org.id, organizationName: org.name, website: org.website };
    if (definition.addressMode === 'FUNCTIONAL_MAILBOX') {
      if (org.email && add({ ...base, email: org.email, name: null, role: null, contactPersonId: null, kind: 'mailbox', visibility: null, phone: org.phone, mobile: null })) found += 1;
    } else {
      for (const contact of org.contacts) {
        if (!contact.email) continue;
        if (definition.addressMode === 'ROLE' && !matchesRole(contact.role, definition.role ?? '')) continue;
        if (add({ ...base, email: contact.email, name: contact.name, role: contact.role, contactPersonId: contact.id, kind: 'contact', visibility: contact.visibility, phone: contact.phone, mobile: contact.mobile })) found += 1;
      }
    }
    if (!found) withoutAddress.push({ id: org.id, name: org.name });
  }
  for (const contact of picked) {
    if (!contact.email) continue;
    add({
      email: contact.email,
      name: contact.name,
      role: contact.role,
      organizationId: contact.organization.id,
      organizationName: contact.organization.name,
      website: contact.organization.website,
      contactPersonId: contact.id,
      kind: 'contact',
      visibility: contact.visibility,
      phone: contact.phone,
      mobile: contact.mobile,
    });
  }
  const sorted = [...recipients.values()].sort(
    (a, b) => a.organizationName.localeCompare(b.organizationName, 'de') || (a.role ?? '').localeCompare(b.role ?? '', 'de') || a.email.localeCompare(b.email),
  );
  const organizationCount = new Set([...organizations.map((o) => o.id), ...picked.map((c) => c.organization.id)]).size;
  return { recipients: sorted, withoutAddress, excludedCount, organizationCount };
}
