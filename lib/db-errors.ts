// Turns a failed connection or query into one line a person can act on. Pure: unit-tested.

interface PgLikeError {
  code?: string;
  message?: string;
  hostname?: string;
  address?: string;
  port?: number;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: AdapterErrorCause } };
}

// What @prisma/adapter-pg makes of a pg error (DriverAdapterError.cause); the app sees it inside
// PrismaClientKnownRequestError.meta, with no `code` of pg's own.
interface AdapterErrorCause {
  kind?: string;
  originalCode?: string;
  port?: number;
}

const PRISMA_CODES: Record<string, string> = {
  P1000: '28P01', // authentication failed
  P1002: 'ETIMEDOUT',
  P1003: '3D000', // database does not exist
  P1008: 'ETIMEDOUT',
};

// The pg or Node error code behind an error, also when it came through Prisma's driver adapter.
function codeOf(err: PgLikeError): string | undefined {
  const cause =
    err.meta?.driverAdapterError?.cause ??
    (typeof err.cause === 'object' && err.cause && 'kind' in err.cause ? (err.cause as AdapterErrorCause) : undefined);
  if (cause?.originalCode) return cause.originalCode;
  switch (cause?.kind) {
    case 'DatabaseNotReachable':
      // The adapter folds ENOTFOUND and ECONNREFUSED into one kind; only a refused connection
      // carries the port (adapter-pg's mapSocketError).
      return cause.port === undefined ? 'ENOTFOUND' : 'ECONNREFUSED';
    case 'AuthenticationFailed':
      return '28P01';
    case 'DatabaseDoesNotExist':
      return '3D000';
    case 'SocketTimeout':
      return 'ETIMEDOUT';
    case 'ConnectionClosed':
      return 'ECONNRESET';
  }
  return (err.code && PRISMA_CODES[err.code]) ?? err.code;
}

function hostOf(url: string | undefined): string {
  if (!url) return 'der Datenbank';
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
  } catch {
    return 'der Datenbank';
  }
}

export function describeDatabaseError(error: unknown, url?: string): string {
  const err = (error ?? {}) as PgLikeError;
  const host = hostOf(url);
  switch (codeOf(err)) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Datenbank nicht erreichbar: Der Host ${host} ist unbekannt. Prüfen Sie DATABASE_URL.`;
    case 'ECONNREFUSED':
      return `Datenbank nicht erreichbar: ${host} nimmt keine Verbindungen an. Läuft PostgreSQL dort?`;
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return `Datenbank nicht erreichbar: Zeitüberschreitung bei der Verbindung zu ${host}.`;
    case '28P01':
    case '28000':
      return `Anmeldung an der Datenbank ${host} fehlgeschlagen: Benutzername oder Passwort in DATABASE_URL ist falsch.`;
    case '3D000':
      return `Die Datenbank in DATABASE_URL gibt es auf ${host} nicht. Legen Sie sie an oder korrigieren Sie den Namen.`;
    case 'ERR_INVALID_URL':
      return 'DATABASE_URL ist keine gültige Adresse (erwartet: postgresql://benutzer:passwort@host:5432/datenbank).';
    default:
      if (err.message?.includes('timeout')) {
        return `Datenbank nicht erreichbar: Zeitüberschreitung bei der Verbindung zu ${host}.`;
      }
      // One line: Prisma's messages span several.
      return `Datenbankfehler (${host}): ${(err.message ?? String(error)).replace(/\s+/g, ' ').trim()}`;
  }
}

// Errors that mean "the database cannot answer now" (down, stalled, restarting, overloaded), as
// opposed to a bad query: the app answers 503 for these and fails fast for a moment (lib/db.ts).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout hit
]);
const UNAVAILABLE_MESSAGES = /connection terminated|timeout expired|timeout exceeded when trying to connect|query read timeout|connection timeout|server closed the connection|connection refused|Client has encountered a connection error|database system is (starting up|shutting down|in recovery)/i;

export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const err = error as PgLikeError & { kind?: string };
  const code = codeOf(err);
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (err.kind && ['DatabaseNotReachable', 'SocketTimeout', 'ConnectionClosed', 'TooManyConnections'].includes(err.kind)) return true;
  if (typeof err.message === 'string' && UNAVAILABLE_MESSAGES.test(err.message)) return true;
  return isDatabaseUnavailableError(err.cause, depth + 1);
}
