// The signed-in user for the current request, checked against the database every time: the cookie
// only names a session (lib/data/auth/sessions.ts); an ended or expired session, a deactivated user or a
// changed role takes effect on the very next request, for pages, server actions and route handlers.
import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { redirect } from 'next/navigation';
import { isAdminMfaRequired } from '@/lib/env';
import type { Actor } from '@/lib/permissions';
import { getAuthSecret } from './secret';
import { findLiveSession } from '@/lib/data/auth/sessions';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];
export const MFA_SETUP_PATH = '/de/admin/konto/zwei-faktor';

type CookieReader = { get(name: string): { value: string } | undefined };

export interface CurrentSession {
  actor: Actor;
  sessionId: string;
  hasSecondFactor: boolean;
  // A coordinator without a second factor while REQUIRE_ADMIN_MFA is on: this session may only
  // set one up (MFA_SETUP_PATH); everything else treats it as not signed in.
  mustSetUpSecondFactor: boolean;
}

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

// The session token inside the cookie (next-auth's encrypted JWT), or null.
async function readSessionToken(store: CookieReader): Promise<string | null> {
  for (const name of SESSION_COOKIES) {
    const raw = readCookie(store, name);
    if (!raw) continue;
    try {
      const token = await decode({ token: raw, secret: getAuthSecret() });
      return typeof token?.sid === 'string' ? token.sid : null;
    } catch {
      // A token from another secret or a tampered cookie: not signed in.
      return null;
    }
  }
  return null;
}

async function loadSession(sessionToken: string): Promise<CurrentSession | null> {
  const session = await findLiveSession(sessionToken);
  if (!session) return null;
  const { user } = session;
  const hasSecondFactor = Boolean(user.totpEnabledAt);
  return {
    actor: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      organizationIds: user.memberships.map((membership) => membership.organizationId),
    },
    sessionId: session.id,
    hasSecondFactor,
    mustSetUpSecondFactor: user.role === 'ADMIN' && !hasSecondFactor && isAdminMfaRequired(),
  };
}

/** @internal Exported for its tests. */
export async function readSession(store: CookieReader): Promise<CurrentSession | null> {
  const token = await readSessionToken(store);
  return token ? loadSession(token) : null;
}

// The actor of a full session (null also for a session that must set up its second factor first).
/** @internal Exported for its tests. */
export async function readSessionActor(store: CookieReader): Promise<Actor | null> {
  const session = await readSession(store);
  return session && !session.mustSetUpSecondFactor ? session.actor : null;
}

export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => readSession(await cookies()));

export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getCurrentSession();
  return session && !session.mustSetUpSecondFactor ? session.actor : null;
});

// For admin pages: send anonymous visitors (and ended sessions) to the sign-in page, and
// coordinators who still need a second factor to its set-up.
export async function requirePageUser(callbackPath: string): Promise<Actor> {
  const session = await getCurrentSession();
  if (session?.mustSetUpSecondFactor) redirect(`${MFA_SETUP_PATH}?pflicht=1`);
  if (!session) redirect(`/de/anmelden?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return session.actor;
}
