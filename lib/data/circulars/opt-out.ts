// The opt-out link in every circular: no account, no stored token. The token names the contact or
// the organization's mailbox and carries an HMAC made with a key derived only for this purpose
// from the app secret, so it cannot be forged, cannot be used for anything else and needs no row.
// Opening the page changes nothing (mail scanners open links); the button or the mail program's
// one-click request (RFC 8058) records the opt-out on the contact or the organization.
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';
import { db } from '@/lib/db';
import { writeAudit } from '../audit';

const PURPOSE = 'netzwerk-integration-stendal/circular-opt-out/v1';

type TargetKind = 'c' | 'o';
export interface OptOutTarget {
  kind: 'contact' | 'organization';
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(kind: TargetKind, id: string): Buffer {
  const key = createHmac('sha256', getAuthSecret()).update(PURPOSE).digest();
  return createHmac('sha256', key).update(`${kind}:${id}`).digest();
}

// "c" or "o", the id's 32 hex digits, the 43 characters of the signature: URL-safe, no dots
// (paths with a dot are treated as files by the routing).
const TOKEN = /^([co])([0-9a-f]{32})([A-Za-z0-9_-]{43})$/;

export function createOptOutToken(target: OptOutTarget): string {
  const kind: TargetKind = target.kind === 'contact' ? 'c' : 'o';
  return `${kind}${target.id.replace(/-/g, '')}${signature(kind, target.id).toString('base64url')}`;
}

/** @internal Exported for its tests. */
export function verifyOptOutToken(token: unknown): OptOutTarget | null {
  if (typeof token !== 'string') return null;
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, kind, hex, sig] = match as unknown as [string, TargetKind, string, string];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  if (!UUID.test(id)) return null;
  // Compared as written, not decoded: the last base64url character carries two padding bits, so
  // four spellings of one signature would decode alike; exactly one token is valid per target.
  const given = Buffer.from(sig);
  const expected = Buffer.from(signature(kind, id).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { kind: kind === 'c' ? 'contact' : 'organization', id };
}

function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}${'•'.repeat(Math.max(2, Math.min(local.length - 1, 6)))}@${domain}`;
}

export type OptOutState =
  | { status: 'invalid' }
  | { status: 'active' | 'optedOut'; maskedEmail: string | null; organizationName: string };

// For the page: what the link is about, without changing anything.
export async function inspectOptOutToken({ token }: { token: unknown }): Promise<OptOutState> {
  const target = verifyOptOutToken(token);
  if (!target) return { status: 'invalid' };
  if (target.kind === 'contact') {
    const contact = await db.contactPerson.findUnique({
      where: { id: target.id },
      select: { email: true, mailingOptOutAt: true, organization: { select: { name: true } } },
    });
    if (!contact) return { status: 'invalid' };
    return { status: contact.mailingOptOutAt ? 'optedOut' : 'active', maskedEmail: maskEmail(contact.email), organizationName: contact.organization.name };
  }
  const organization = await db.organization.findUnique({ where: { id: target.id }, select: { email: true, name: true, mailingOptOutAt: true } });
  if (!organization) return { status: 'invalid' };
  return { status: organization.mailingOptOutAt ? 'optedOut' : 'active', maskedEmail: maskEmail(organization.email), organizationName: organization.name };
}

// Anyone holding a valid link may opt out (that is the point: no account). Idempotent; audited
// without an actor account. Returns false for an invalid or unknown link.
export async function optOutOfCirculars({ token, now = new Date() }: { token: unknown; now?: Date }): Promise<boolean> {
  const target = verifyOptOutToken(token);
  if (!target) return false;
  return db.$transaction(async (tx) => {
    const row =
      target.kind === 'contact'
        ? await tx.contactPerson.findUnique({ where: { id: target.id }, select: { organizationId: true, mailingOptOutAt: true } })
        : await tx.organization.findUnique({ where: { id: target.id }, select: { id: true, mailingOptOutAt: true } });
    if (!row) return false;
    if (row.mailingOptOutAt) return true;
    if (target.kind === 'contact') await tx.contactPerson.update({ where: { id: target.id }, data: { mailingOptOutAt: now } });
    else await tx.organization.update({ where: { id: target.id }, data: { mailingOptOutAt: now } });
    await writeAudit(tx, {
      actor: { id: null, name: 'Empfänger*in über den Abmeldelink' },
      action: 'UPDATE',
      entityType: target.kind === 'contact' ? 'ContactPerson' : 'Organization',
      entityId: target.id,
      organizationId: 'organizationId' in row ? row.organizationId : row.id,
      changes: { mailingOptOutAt: { before: null, after: now.toISOString() } },
    });
    return true;
  });
}
