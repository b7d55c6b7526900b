// next-auth configuration: Credentials provider (fields `email`, `password` and, for accounts with
// a second factor, `code`), JWT cookies. The cookie only carries a random session token; the
// session itself is a UserSession row (lib/data/auth/sessions.ts) that every request looks up, so
// sign-out, password changes and deactivation end sessions at once, copied cookies included.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { clientIp, verifyCredentials } from '@/lib/data/auth/credentials';
import { sameOriginPath, DEFAULT_AFTER_SIGN_IN } from './redirect';
import { getAuthSecret } from './secret';
import { createUserSession, endSessionByToken, findLiveSession, SESSION_MAX_AGE_SECONDS } from '@/lib/data/auth/sessions';

const SIGN_IN_PATH = '/de/anmelden';

// Error codes the sign-in form understands (next-auth hands them over as `error`).
const SIGN_IN_ERRORS = { failed: 'SignInFailed', codeRequired: 'CodeRequired', codeInvalid: 'CodeInvalid' } as const;

// next-auth builds its absolute URLs from NEXTAUTH_URL. Outside production, without it, trust the
// Host header (several dev servers on different ports); in production fall back to APP_URL.
function configureOrigin(): void {
  const env = getEnv();
  if (env.NEXTAUTH_URL) return;
  if (env.NODE_ENV === 'production') process.env.NEXTAUTH_URL = env.APP_URL;
  else process.env.AUTH_TRUST_HOST = 'true';
}

function header(headers: unknown, name: string): string | undefined {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
}

export function getAuthOptions(): NextAuthOptions {
  configureOrigin();
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH, signOut: '/de/abmelden' },
    providers: [
      CredentialsProvider({
        name: 'E-Mail und Passwort',
        credentials: {
          email: { label: 'E-Mail', type: 'email' },
          password: { label: 'Passwort', type: 'password' },
          code: { label: 'Code', type: 'text' },
        },
        async authorize(credentials, req) {
          let result: Awaited<ReturnType<typeof verifyCredentials>>;
          try {
            result = await verifyCredentials({
              email: credentials?.email ?? '',
              password: credentials?.password ?? '',
              code: credentials?.code ?? null,
              ip: clientIp(req?.headers as Record<string, string | undefined>),
            });
          } catch (error) {
            // The sign-in page turns this code into "try again at HH:MM"; no other detail leaks.
            if (isAppError(error) && error.code === 'RATE_LIMITED' && error.details.retryAt) {
              throw new Error(`RateLimited:${error.details.retryAt.getTime()}`);
            }
            throw new Error(SIGN_IN_ERRORS.failed);
          }
          if (!result) throw new Error(SIGN_IN_ERRORS.failed);
          if (result.status === 'code-required') throw new Error(SIGN_IN_ERRORS.codeRequired);
          if (result.status === 'code-invalid') throw new Error(SIGN_IN_ERRORS.codeInvalid);
          const session = await createUserSession({ userId: result.user.id, userAgent: header(req?.headers, 'user-agent') });
          return { id: result.user.id, name: result.user.name, email: result.user.email, sessionToken: session.token };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sessionToken?: string }).sessionToken;
          return token;
        }
        // next-auth's own endpoints (/api/auth/session) re-read the cookie here: an ended session
        // makes them clear it instead of answering with a user.
        if (typeof token.sid !== 'string' || !(await findLiveSession(token.sid))) throw new Error('SessionEnded');
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { name: token.name, email: token.email }, userId: token.sub };
      },
      // Only same-origin paths (lib/auth/redirect.ts); everything else goes to the admin start page.
      async redirect({ url, baseUrl }) {
        const origin = new URL(baseUrl).origin;
        return origin + (sameOriginPath(url, origin) ?? DEFAULT_AFTER_SIGN_IN);
      },
    },
    logger: {
      // An ended session reaching /api/auth/session is expected (the cookie is then cleared).
      error(code, metadata) {
        if (code === 'JWT_SESSION_ERROR' && (metadata as { message?: string })?.message === 'SessionEnded') return;
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
    events: {
      // POST /api/auth/signout: the session row goes, so a copy of the cookie is worthless too.
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await endSessionByToken(token.sid);
      },
    },
  };
}
