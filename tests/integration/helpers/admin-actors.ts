// Actors for admin tests: a coordinator, a partner of given organizations, and their sessions.
import { encode } from 'next-auth/jwt';
import type { Actor } from '@/lib/permissions';
import { getAuthSecret } from '@/lib/auth/secret';
import { createUserSession } from '@/lib/data/auth/sessions';
import { createUser } from '../../factories/index.ts';
import { getTestDb } from '../../setup/db.ts';

export async function createAdminActor(overrides: { password?: string } = {}): Promise<Actor> {
  const user = await createUser({ role: 'ADMIN', ...overrides });
  return { id: user.id, name: user.name, email: user.email, role: 'ADMIN', organizationIds: [] };
}

export async function createPartnerActor(organizationIds: string[], overrides: { password?: string } = {}): Promise<Actor> {
  const user = await createUser({ role: 'PARTNER', ...overrides });
  if (organizationIds.length) {
    await getTestDb().membership.createMany({ data: organizationIds.map((organizationId) => ({ userId: user.id, organizationId })) });
  }
  return { id: user.id, name: user.name, email: user.email, role: 'PARTNER', organizationIds };
}

// A session cookie exactly as next-auth sets it after sign-in: a new server-side session
// (UserSession row) whose token the encrypted cookie carries.
export async function sessionCookieFor(actor: { id: string; name: string; email: string }): Promise<string> {
  const { token } = await createUserSession({ userId: actor.id });
  return encode({ token: { sub: actor.id, name: actor.name, email: actor.email, sid: token }, secret: getAuthSecret() });
}

// A stand-in for next/headers' cookie store.
export function cookieStore(values: Record<string, string>) {
  return {
    get: (name: string) => (name in values ? { name, value: values[name] } : undefined),
    getAll: () => Object.entries(values).map(([name, value]) => ({ name, value })),
    has: (name: string) => name in values,
  };
}
