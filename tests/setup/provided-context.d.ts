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
    // Port the e2e server sends mail to (SMTP_PORT); tests start tests/support/smtp-capture.ts there.
    E2E_SMTP_PORT: number;
  }
}
