// Invitations by e-mail link: single use, valid for 7 days, only the token's hash is stored.
import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { createToken, hashToken } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { AppError, validationError } from '@/lib/errors';
import { appUrl, sendMail } from '@/lib/mail/send';
import { invitationMail } from '@/lib/mail/templates/invitation';
import { scopeOf, type Actor } from '@/lib/permissions';
import { acceptInvitationSchema, invitationInputSchema } from '@/lib/schemas/auth';
import { assertActor } from './access';
import { writeAudit } from './audit';
import { withLabels } from './audit-labels';
import { assertUuid, parseInput } from './versioning';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const INVITATION_TTL_DAYS = INVITATION_TTL_MS / 86_400_000;

// The link in the invitee's language: the public chrome follows the path, the form ?lang=.
function invitationLink(token: string, locale: string): string {
  return appUrl(locale === 'en' ? `/en/einladung?token=${token}&lang=en` : `/de/einladung?token=${token}`);
}

async function sendInvitationMail(
  invitationId: string,
  {
    email,
    name,
    role,
    locale,
    organizationIds,
    inviterName,
    token,
    isResend = false,
  }: { email: string; name: string | null; role: 'ADMIN' | 'PARTNER'; locale: string; organizationIds: string[]; inviterName: string; token: string; isResend?: boolean },
) {
  const [organizations, account] = await Promise.all([
    db.organization.findMany({ where: { id: { in: organizationIds } }, orderBy: { name: 'asc' }, select: { name: true } }),
    db.user.findUnique({ where: { email }, select: { id: true } }),
  ]);
  const mail = invitationMail({
    locale: locale === 'en' ? 'en' : 'de',
    name,
    inviterName,
    role,
    organizations: organizations.map((o) => o.name),
    link: invitationLink(token, locale),
    hasAccount: Boolean(account),
    isResend,
    validDays: INVITATION_TTL_DAYS,
  });
  await sendMail({ to: email, kind: 'invitation', refId: invitationId, ...mail });
}

// Coordinators invite anyone; partners only colleagues (PARTNER) for their own organizations.
function checkInvitePermission(
  actor: Actor,
  role: 'ADMIN' | 'PARTNER',
  organizationIds: string[],
  permission: 'invitation.create' | 'invitation.revoke' = 'invitation.create',
) {
  const scope = scopeOf(actor, permission);
  if (scope === 'all') return;
  if (scope === 'none' || role !== 'PARTNER' || organizationIds.length === 0) throw new AppError('FORBIDDEN');
  if (!organizationIds.every((id) => actor.organizationIds.includes(id))) throw new AppError('FORBIDDEN');
}

export async function createInvitation({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertActor(actor);
  if (scopeOf(actor, 'invitation.create') === 'none') throw new AppError('FORBIDDEN');
  const data = parseInput(invitationInputSchema, input);
  const organizationIds = data.organizationIds ?? [];
  checkInvitePermission(actor, data.role, organizationIds);
  if (data.role === 'PARTNER' && organizationIds.length === 0) {
    throw validationError({ organizationIds: ['Bitte wählen Sie mindestens eine Organisation.'] });
  }
  // Coordinators see every account anyway and are told to assign it instead. A partner inviting a
  // colleague gets the same answer, in the same time, whether or not the address has an account:
  // the invitation is made and mailed either way, and for an existing account its link adds the
  // organization to that account after sign-in.
  if (scopeOf(actor, 'invitation.create') === 'all') {
    const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (existing) throw validationError({ email: ['Für diese Adresse gibt es bereits ein Konto. Ordnen Sie es unter „Benutzer“ zu.'] });
  }
  if (organizationIds.length) {
    const found = await db.organization.count({ where: { id: { in: organizationIds }, deletedAt: null } });
    if (found !== new Set(organizationIds).size) throw validationError({ organizationIds: ['Bitte wählen Sie Organisationen aus der Liste.'] });
  }
  const { token, tokenHash } = createToken();
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        email: data.email,
        name: data.name ?? null,
        role: data.role,
        locale: data.locale,
        tokenHash,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        invitedById: actor.id,
        organizations: { create: organizationIds.map((organizationId) => ({ organizationId })) },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'CREATE',
      entityType: 'Invitation',
      entityId: created.id,
      organizationId: organizationIds.length === 1 ? organizationIds[0] : null,
      changes: await withLabels(tx, { email: { before: null, after: data.email }, role: { before: null, after: data.role }, organizationIds: { before: null, after: organizationIds } }),
    });
    return created;
  });
  await sendInvitationMail(invitation.id, {
    email: data.email,
    name: data.name ?? null,
    role: data.role,
    locale: data.locale,
    organizationIds,
    inviterName: actor.name,
    token,
  });
  return invitation;
}

export async function resendInvitation({ actor, id }: { actor: Actor | null; id: string }) {
  assertActor(actor);
  assertUuid(id);
  const invitation = await db.invitation.findFirst({
    where: { id, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, name: true, role: true, locale: true, organizations: { select: { organizationId: true } } },
  });
  if (!invitation) throw new AppError('NOT_FOUND');
  const organizationIds = invitation.organizations.map((o) => o.organizationId);
  checkInvitePermission(actor, invitation.role, organizationIds);
  const { token, tokenHash } = createToken();
  // A new token: the old link stops working.
  await db.invitation.update({ where: { id }, data: { tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) } });
  await sendInvitationMail(id, { ...invitation, organizationIds, inviterName: actor.name, token, isResend: true });
}

export async function revokeInvitation({ actor, id }: { actor: Actor | null; id: string }) {
  assertActor(actor);
  assertUuid(id);
  const invitation = await db.invitation.findFirst({
    where: { id, acceptedAt: null, revokedAt: null },
    select: { role: true, organizations: { select: { organizationId: true } } },
  });
  if (!invitation) throw new AppError('NOT_FOUND');
  checkInvitePermission(actor, invitation.role, invitation.organizations.map((o) => o.organizationId), 'invitation.revoke');
  const organizationIds = invitation.organizations.map((o) => o.organizationId);
  await db.$transaction([
    db.invitation.update({ where: { id }, data: { revokedAt: new Date() } }),
    writeAudit(db, {
      actor,
      action: 'DELETE',
      entityType: 'Invitation',
      entityId: id,
      organizationId: organizationIds.length === 1 ? organizationIds[0] : null,
      changes: { revokedAt: { before: null, after: new Date().toISOString() } },
    }),
  ]);
}

// Open invitations: coordinators see all, partners those for their own organizations; optionally
// only those for one organization (its "Team" page).
export async function listInvitations({ actor, organizationId }: { actor: Actor | null; organizationId?: string }) {
  assertActor(actor);
  const scope = scopeOf(actor, 'invitation.create');
  if (scope === 'none') throw new AppError('FORBIDDEN');
  if (organizationId !== undefined) assertUuid(organizationId);
  const allowed = scope === 'all' ? null : actor.organizationIds;
  if (organizationId && allowed && !allowed.includes(organizationId)) throw new AppError('NOT_FOUND');
  return db.invitation.findMany({
    where: {
      acceptedAt: null,
      revokedAt: null,
      ...(organizationId
        ? { organizations: { some: { organizationId } } }
        : allowed
          ? { organizations: { some: { organizationId: { in: allowed } } } }
          : {}),
    },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      invitedBy: { select: { name: true } },
      organizations: { select: { organization: { select: { name: true } } } },
    },
  });
}

// What the invitation page shows for a link: whom it is for, which organizations, and whether
// the address already has an account (the invitee may know that; the inviting partner is not told).
// `token` comes straight from the URL: a repeated ?token= arrives as an array, which is no token.
export async function getInvitationForToken({ token }: { token: unknown }) {
  if (typeof token !== 'string' || !token || token.length > 200) return null;
  const invitation = await db.invitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { email: true, name: true, organizations: { select: { organization: { select: { name: true } } } } },
  });
  if (!invitation) return null;
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    email: invitation.email,
    name: invitation.name,
    organizations: invitation.organizations.map((o) => o.organization.name).sort((a, b) => a.localeCompare(b, 'de')),
    hasAccount: Boolean(account),
  };
}

const INVALID_INVITATION = 'Die Einladung ist ungültig, abgelaufen oder wurde schon verwendet.';

export async function acceptInvitation({ input }: { input: unknown }): Promise<{ id: string; name: string; email: string }> {
  const { token, name, password } = parseInput(acceptInvitationSchema, input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const tokenHash = hashToken(token);
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError('VALIDATION', INVALID_INVITATION);
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { tokenHash },
      select: { id: true, email: true, role: true, locale: true, organizations: { select: { organizationId: true } } },
    });
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new AppError('CONFLICT', 'Für diese Adresse gibt es bereits ein Konto. Bitte melden Sie sich an.');
    }
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name,
        passwordHash,
        role: invitation.role,
        locale: invitation.locale === 'en' ? 'en' : 'de',
        memberships: { create: invitation.organizations.map((o) => ({ organizationId: o.organizationId })) },
      },
      select: { id: true, name: true, email: true },
    });
    await writeAudit(tx, { actor: user, action: 'CREATE', entityType: 'User', entityId: user.id, changes: { invitationId: { before: null, after: invitation.id } } });
    return user;
  });
}

// An invitation for an address that already has an account: accepted by that account, signed in,
// it adds the invitation's organizations to the account (the role stays as it is).
export async function acceptInvitationForAccount({ actor, token }: { actor: Actor | null; token: string }): Promise<{ organizationIds: string[] }> {
  assertActor(actor);
  if (typeof token !== 'string' || !token || token.length > 200) throw new AppError('VALIDATION', INVALID_INVITATION);
  return db.$transaction(async (tx) => {
    const tokenHash = hashToken(token);
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash, email: actor.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError('VALIDATION', INVALID_INVITATION);
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, organizations: { select: { organizationId: true } } } });
    const organizationIds = invitation.organizations.map((o) => o.organizationId);
    await tx.membership.createMany({ data: organizationIds.map((organizationId) => ({ userId: actor.id, organizationId })), skipDuplicates: true });
    await writeAudit(tx, {
      actor,
      action: 'UPDATE',
      entityType: 'User',
      entityId: actor.id,
      organizationId: organizationIds.length === 1 ? organizationIds[0] : null,
      changes: { invitationId: { before: null, after: invitation.id }, organizationIds: { before: null, after: organizationIds } },
    });
    return { organizationIds };
  });
}
