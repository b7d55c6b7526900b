// Signing a person in without the sign-in form, right after they proved who they are by other
// means (an invitation's one-time link plus the password they just chose): the same server-side
// session row and next-auth cookie as a sign-in through lib/auth/options.ts. The MFA rule still
// applies: a coordinator who must set up a second factor gets a session that may only do that
// (lib/auth/session.ts, `mustSetUpSecondFactor`), and admin pages send them there.
import 'server-only';
import { encode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { getEnv } from '@/lib/env';
import { getAuthSecret } from './secret';
import { createUserSession, SESSION_MAX_AGE_SECONDS } from '@/lib/data/auth/sessions';

// next-auth names its cookie __Secure-… when its base URL is https (NEXTAUTH_URL, or APP_URL in
// production, lib/auth/options.ts configureOrigin); the proxy's getToken reads the same name.
function usesSecureCookie(): boolean {
  const env = getEnv();
  const base = env.NEXTAUTH_URL ?? (env.NODE_ENV === 'production' ? env.APP_URL : '');
  return base.startsWith('https://');
}

export async function startSession(user: { id: string; name: string; email: string }): Promise<void> {
  const session = await createUserSession({ userId: user.id, userAgent: (await headers()).get('user-agent') });
  const secure = usesSecureCookie();
  const value = await encode({
    token: { sub: user.id, sid: session.token, name: user.name, email: user.email },
    secret: getAuthSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token', value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
