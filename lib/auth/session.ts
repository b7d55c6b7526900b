// The signed-in user for the current request, re-checked against the database every time:
// a deactivated user, a changed role or a raised sessionVersion (password change, forced sign-out)
// takes effect on the very next request even though the session cookie is a long-lived JWT.
import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { getAuthSecret } from './secret';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

type CookieReader = { get(name: string): { value: string } | undefined };

// next-auth splits large tokens into name.0, name.1, ...
function readCookie(store: CookieReader, name: string): string | undefined {
  const whole = store.get(name)?.value;
  if (whole) return whole;
  let value = '';
  for (let index = 0; ; index++) {
    const part = store.get(`${name}.${index}`)?.value;
    if (!part) break;
    value += part;
  }
  return value || undefined;
}

/** @internal Exported for its unit test. */
export async function loadActor({ userId, sessionVersion }: { userId: string; sessionVersion: number }): Promise<Actor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      isActive: true,
      sessionVersion: true,
      memberships: { select: { organizationId: true } },
    },
  });
  if (!user || !user.isActive || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organizationIds: user.memberships.map((membership) => membership.organizationId),
  };
}

/** @internal Exported for its unit test. */
export async function readSessionActor(store: CookieReader): Promise<Actor | null> {
  for (const name of SESSION_COOKIES) {
    const raw = readCookie(store, name);
    if (!raw) continue;
    try {
      const token = await decode({ token: raw, secret: getAuthSecret() });
      if (token?.sub && typeof token.sv === 'number') return loadActor({ userId: token.sub, sessionVersion: token.sv });
    } catch {
      // A token from another secret or a tampered cookie: not signed in.
    }
    return null;
  }
  return null;
}

export const getCurrentUser = cache(async (): Promise<Actor | null> => readSessionActor(await cookies()));

// For admin pages: send anonymous visitors (and ended sessions) to the sign-in page.
export async function requirePageUser(callbackPath: string): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) redirect(`/de/anmelden?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return actor;
}
