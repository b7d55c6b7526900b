// The key that signs and encrypts session cookies. Production sets NEXTAUTH_SECRET (lib/env.ts
// refuses to start without it); development and tests generate one once and keep it in .data/
// (git-ignored) so that sessions survive restarts.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';

let cached: string | undefined;

// Also used by `npm start` on the embedded database (scripts/serve.ts): a local installation
// gets a stable secret without configuration.
export function readOrCreateLocalSecret(dir = path.join(process.cwd(), '.data')): string {
  const file = path.join(dir, 'nextauth-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch {
    // Not created yet.
  }
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

export function getAuthSecret(): string {
  if (cached) return cached;
  const env = getEnv();
  cached = env.NEXTAUTH_SECRET ?? readOrCreateLocalSecret();
  return cached;
}
