import 'server-only';
import type { Actor } from '@/lib/permissions';
import { buildImportPlan } from './build-import-plan';
import { getImportSession } from './import-sessions';

// What the import would do, row by row. Nothing is written.
export async function previewImport({ actor, id }: { actor: Actor | null; id: string }) {
  const session = await getImportSession({ actor, id });
  const plan = await buildImportPlan({ headers: session.headers, rows: session.rows, firstRow: session.firstRow, mapping: session.mapping });
  return { session, plan };
}
