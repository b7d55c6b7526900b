// Single-use tokens for links sent by e-mail (invitations, password resets, "still correct?"
// confirmations). Only the SHA-256 hash is stored: a database leak reveals no usable link, and a
// tampered token simply matches no row.
import { createHash, randomBytes } from 'node:crypto';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function createToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

// Tokens are 43 characters of base64url; anything else is refused before touching the database.
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
