// Values that global setups hand to test workers with `project.provide()` / `inject()`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    // A URL with rights to create and drop databases on the test PostgreSQL server.
    testDatabaseAdminUrl: string;
    // Database migrated once per run; every test file clones it.
    testTemplateDatabase: string;
    // Set by the e2e global setup (tests/e2e/support/server.ts).
    E2E_BASE_URL: string;
    E2E_DATABASE_URL: string;
    // Directory with the mails the e2e server sent (tests/e2e/support/mail.ts).
    E2E_MAIL_DIR: string;
    // The e2e server's NEXTAUTH_SECRET: a second instance on the same database needs the same one
    // to read the stored (encrypted) TOTP secrets.
    E2E_AUTH_SECRET: string;
  }
}
