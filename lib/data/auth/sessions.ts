// Server-side sessions: one UserSession row per signed-in browser. The session cookie (a next-auth
// JWT) carries a random session token; the database keeps only its SHA-256. A session ends when
// its row is deleted: sign-out, password change (the others), password reset, deactivation, role
// change, "end this session" in "Mein Konto". A copied cookie then stops working on the next request.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { createToken, hashToken } from '@/lib/auth/tokens';

// Absolute lifetime of a session (and of its cookie): a working day.
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
// lastSeenAt is written at most this often, not on every request.
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

type Client = Prisma.TransactionClient | typeof db;

// A short, readable description of the browser ("Firefox auf Linux"), not the full header: it is
// shown in "Mein Konto" and needs no more detail.
function describeUserAgent(header: string | null | undefined): string {
  const ua = header ?? '';
  const browser =
    /Edg\//.test(ua) ? 'Edge'
    : /OPR\//.test(ua) ? 'Opera'
    : /Firefox\//.test(ua) ? 'Firefox'
    : /Chrom(e|ium)\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) ? 'Safari'
    : '';
  const system =
    /Android/.test(ua) ? 'Android'
    : /iPhone|iPad|iPod/.test(ua) ? 'iOS'
    : /Windows/.test(ua) ? 'Windows'
    : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
    : /Linux/.test(ua) ? 'Linux'
    : '';
  return [browser, system].filter(Boolean).join(' / ');
}

export async function createUserSession({
  userId,
  userAgent,
  now = new Date(),
  client = db,
}: {
  userId: string;
  userAgent?: string | null;
  now?: Date;
  client?: Client;
}): Promise<{ token: string; id: string }> {
  const { token, tokenHash } = createToken();
  // Expired rows of this user are no use to anyone.
  await client.userSession.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  const row = await client.userSession.create({
    data: {
      userId,
      tokenHash,
      userAgent: describeUserAgent(userAgent).slice(0, 100),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
    select: { id: true },
  });
  return { token, id: row.id };
}

const sessionUserSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  isActive: true,
  totpEnabledAt: true,
  memberships: { select: { organizationId: true } },
} as const;

// The live session for a token with its user, or null (unknown, ended, expired, user deactivated).
export async function findLiveSession(token: string, now = new Date()) {
  if (!token || token.length > 200) return null;
  const session = await db.userSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: sessionUserSelect } },
  });
  if (!session || session.expiresAt <= now || !session.user.isActive) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    // Best effort: a failed write must not sign anybody out.
    await db.userSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } }).catch(() => {});
  }
  return session;
}

export async function endSessionByToken(token: string): Promise<void> {
  if (!token || token.length > 200) return;
  await db.userSession.deleteMany({ where: { tokenHash: hashToken(token) } });
}

// Ends every session of a user, or every one but `exceptId` (the browser that changed the password).
export async function endUserSessions(client: Client, userId: string, { exceptId }: { exceptId?: string } = {}): Promise<number> {
  const result = await client.userSession.deleteMany({ where: { userId, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  return result.count;
}
