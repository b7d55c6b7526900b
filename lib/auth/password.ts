// argon2id with the library defaults (OWASP's recommended minimums or stronger).
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the library exports it as a const enum, which isolatedModules cannot read.
const ARGON2ID = 2;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
