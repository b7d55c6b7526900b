// Turns a failed connection or query into one line a person can act on. Pure: unit-tested.

interface PgLikeError {
  code?: string;
  message?: string;
  hostname?: string;
  address?: string;
  port?: number;
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
  switch (err.code) {
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
      return `Datenbankfehler (${host}): ${err.message ?? String(error)}`;
  }
}
