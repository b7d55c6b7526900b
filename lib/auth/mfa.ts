// The second factor: TOTP (RFC 6238, 6 digits, 30 s, SHA-1 as every authenticator app expects)
// plus one-time recovery codes. The TOTP secret must be readable to check a code, so it is stored
// encrypted (AES-256-GCM, key derived from NEXTAUTH_SECRET with HKDF); recovery codes are only
// stored as SHA-256 (80 random bits each, so the hash cannot be brute-forced).
// Rotating NEXTAUTH_SECRET makes stored TOTP secrets unreadable: users then sign in with a
// recovery code and set the app up again (or a coordinator resets their second factor).
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { getAuthSecret } from './secret';

const TOTP_ISSUER = 'Netzwerk Integration Stendal';
/** @internal Exported for its tests. */
export const TOTP_PERIOD_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
// One time step either side: a phone clock a little off still works.
const EPOCH_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

const ENCRYPTION_VERSION = 'v1';

function encryptionKey(secret = getAuthSecret()): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'netzwerk-integration-stendal', 'totp-secret', 32));
}

export function encryptTotpSecret(plain: string, authSecret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(authSecret), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [ENCRYPTION_VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

// Null when the value cannot be decrypted (another NEXTAUTH_SECRET, or tampered).
export function decryptTotpSecret(stored: string | null | undefined, authSecret?: string): string | null {
  if (!stored) return null;
  const [version, iv, tag, data] = stored.split('.');
  if (version !== ENCRYPTION_VERSION || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey(authSecret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret, period: TOTP_PERIOD_SECONDS });
}

// The QR code as SVG markup, rendered on the server (no script, no external image).
export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

// "123 456" and "123456" are the same code.
function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, '').toLowerCase();
}

export function isTotpCodeShape(input: string): boolean {
  return /^\d{6}$/.test(normalizeCode(input));
}

// For tests and the e2e sign-in helper: the code of the time step containing `epochSeconds`.
/** @internal Exported for its tests. */
export function totpCodeAt(secret: string, epochSeconds: number): Promise<string> {
  return generate({ secret, epoch: epochSeconds, period: TOTP_PERIOD_SECONDS });
}

/** @internal Exported for its tests. */
export function timeStepOf(epochSeconds: number): number {
  return Math.floor(epochSeconds / TOTP_PERIOD_SECONDS);
}

// The time step the code belongs to, or null. A step at or before `afterStep` (the last one used)
// is refused, so a code seen over someone's shoulder cannot be used a second time.
export async function checkTotp({
  secret,
  code,
  afterStep,
  now = Date.now(),
}: {
  secret: string;
  code: string;
  afterStep?: number | null;
  now?: number;
}): Promise<number | null> {
  const token = normalizeCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(now / 1000),
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
      ...(afterStep !== null && afterStep !== undefined ? { afterTimeStep: afterStep } : {}),
    });
    return result.valid ? ((result as { timeStep?: number }).timeStep ?? null) : null;
  } catch {
    return null;
  }
}

// Recovery codes: 16 characters of an alphabet without look-alikes (0/o, 1/l), shown in groups of four.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(16);
    const chars = [...bytes].map((byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

export function isRecoveryCodeShape(input: string): boolean {
  return new RegExp(`^[${RECOVERY_ALPHABET}]{16}$`).test(normalizeCode(input));
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(`recovery:${normalizeCode(code)}`).digest('hex');
}
