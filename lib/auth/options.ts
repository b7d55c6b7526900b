// next-auth configuration: Credentials provider (fields `email` and `password`), JWT sessions.
// The token only names the user and the session version; every request re-reads the user from the
// database (lib/auth/session.ts), so deactivation, role changes and password changes act at once.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { clientIp, verifyCredentials } from './credentials';
import { getAuthSecret } from './secret';

const SIGN_IN_PATH = '/de/anmelden';
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

// next-auth builds its absolute URLs from NEXTAUTH_URL. Outside production, without it, trust the
// Host header (several dev servers on different ports); in production fall back to APP_URL.
function configureOrigin(): void {
  const env = getEnv();
  if (env.NEXTAUTH_URL) return;
  if (env.NODE_ENV === 'production') process.env.NEXTAUTH_URL = env.APP_URL;
  else process.env.AUTH_TRUST_HOST = 'true';
}

export function getAuthOptions(): NextAuthOptions {
  configureOrigin();
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      CredentialsProvider({
        name: 'E-Mail und Passwort',
        credentials: {
          email: { label: 'E-Mail', type: 'email' },
          password: { label: 'Passwort', type: 'password' },
        },
        async authorize(credentials, req) {
          try {
            const user = await verifyCredentials({
              email: credentials?.email ?? '',
              password: credentials?.password ?? '',
              ip: clientIp(req?.headers as Record<string, string | undefined>),
            });
            return user ? { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } : null;
          } catch (error) {
            // The sign-in page turns this code into "try again at HH:MM"; no other detail leaks.
            if (isAppError(error) && error.code === 'RATE_LIMITED' && error.details.retryAt) {
              throw new Error(`RateLimited:${error.details.retryAt.getTime()}`);
            }
            throw new Error('SignInFailed');
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { name: token.name, email: token.email }, userId: token.sub };
      },
      // Only same-site targets: relative paths, or absolute URLs on our own origin.
      async redirect({ url, baseUrl }) {
        if (url.startsWith('/') && !url.startsWith('//')) return url;
        try {
          const target = new URL(url);
          if (target.origin === new URL(baseUrl).origin) return target.pathname + target.search;
        } catch {
          // fall through
        }
        return '/de/admin';
      },
    },
  };
}
