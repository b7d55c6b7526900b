// Vitest globalSetup of the integration project: one server and one migrated template per run.
import type { TestProject } from 'vitest/node';
import { acquireTestServer, releaseTestServer } from './postgres.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await acquireTestServer();
  project.provide('testDatabaseAdminUrl', server.adminUrl);
  project.provide('testTemplateDatabase', server.templateDatabase);
  return releaseTestServer;
}
