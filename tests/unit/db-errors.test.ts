import { describe, expect, it } from 'vitest';
import { describeDatabaseError } from '@/lib/db-errors';

const URL = 'postgresql://app:geheim@db.example.org:5433/netzwerk';

// Errors shaped like the ones node-postgres and Node's net/dns modules throw.
function errorWithCode(code: string, message = code): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

describe('describeDatabaseError', () => {
  it('names the unknown host for ENOTFOUND', () => {
    const line = describeDatabaseError(errorWithCode('ENOTFOUND', 'getaddrinfo ENOTFOUND db.example.org'), URL);
    expect(line).toBe('Datenbank nicht erreichbar: Der Host db.example.org:5433 ist unbekannt. Prüfen Sie DATABASE_URL.');
  });

  it('says nobody listens for ECONNREFUSED', () => {
    expect(describeDatabaseError(errorWithCode('ECONNREFUSED'), URL)).toBe(
      'Datenbank nicht erreichbar: db.example.org:5433 nimmt keine Verbindungen an. Läuft PostgreSQL dort?',
    );
  });

  it('blames the credentials for 28P01 (wrong password)', () => {
    expect(describeDatabaseError(errorWithCode('28P01', 'password authentication failed for user "app"'), URL)).toBe(
      'Anmeldung an der Datenbank db.example.org:5433 fehlgeschlagen: Benutzername oder Passwort in DATABASE_URL ist falsch.',
    );
  });

  it('says the database is missing for 3D000', () => {
    expect(describeDatabaseError(errorWithCode('3D000', 'database "netzwerk" does not exist'), URL)).toBe(
      'Die Datenbank in DATABASE_URL gibt es auf db.example.org:5433 nicht. Legen Sie sie an oder korrigieren Sie den Namen.',
    );
  });

  it('never prints the password from the URL', () => {
    for (const code of ['ENOTFOUND', 'ECONNREFUSED', '28P01', '3D000', 'XX000']) {
      expect(describeDatabaseError(errorWithCode(code), URL)).not.toContain('geheim');
    }
  });

  it('returns one line and falls back to a neutral host name without a URL', () => {
    const line = describeDatabaseError(errorWithCode('ECONNREFUSED'));
    expect(line).toContain('der Datenbank');
    expect(line).not.toContain('\n');
  });

  it('keeps the message of an unknown error', () => {
    expect(describeDatabaseError(new Error('etwas anderes'), URL)).toBe('Datenbankfehler (db.example.org:5433): etwas anderes');
  });

  describe('errors that came through Prisma (PrismaClientKnownRequestError from @prisma/adapter-pg)', () => {
    // Shapes recorded from Prisma 7.10 with a real server (see tests/integration/db-connection-errors.test.ts).
    function prismaError(code: string, cause: Record<string, unknown>): Error {
      const message = '\nInvalid `prisma.user.findFirst()` invocation:\n\n\nSomething went wrong';
      return Object.assign(new Error(message), { code, meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });
    }

    it('tells an unknown host (no port in the cause) from a refused connection', () => {
      const unknownHost = prismaError('P1001', { kind: 'DatabaseNotReachable', host: 'db.example.org' });
      const refused = prismaError('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5433 });
      expect(describeDatabaseError(unknownHost, URL)).toContain('ist unbekannt');
      expect(describeDatabaseError(refused, URL)).toContain('nimmt keine Verbindungen an');
    });

    it('uses the original pg code of a raw query (P2010)', () => {
      const error = prismaError('P2010', { kind: 'AuthenticationFailed', originalCode: '28P01', user: 'app' });
      expect(describeDatabaseError(error, URL)).toContain('Benutzername oder Passwort');
    });

    it('maps Prisma\'s own connection codes when no adapter cause is attached', () => {
      const error = Object.assign(new Error('Database does not exist'), { code: 'P1003' });
      expect(describeDatabaseError(error, URL)).toContain('gibt es auf db.example.org:5433 nicht');
    });

    it('flattens an unknown multi-line message into one line', () => {
      const line = describeDatabaseError(prismaError('P2010', { kind: 'postgres', code: 'XX000' }), URL);
      expect(line).toBe('Datenbankfehler (db.example.org:5433): Invalid `prisma.user.findFirst()` invocation: Something went wrong');
    });
  });
});
