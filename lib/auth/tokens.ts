// Single-use tokens for e-mailed links: only the SHA-256 is stored, the token is only in the link.
import { createHash, randomBytes } from 'node:crypto';

export function createToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Tokens are 43 characters of base64url; anything else is refused before touching the database.
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
