// Who sees which requests (coordinators every one, partners those of their organizations), and
// the audit row of a request's own life (proposed, withdrawn, approved, rejected).
import 'server-only';
import type { FieldChanges } from '@/lib/audit/events';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/permissions';
import { organizationScope } from '../access';
import { writeAudit } from '../audit';

export function requestScope(actor: Actor | null): Prisma.ChangeRequestWhereInput {
  const scope = organizationScope(actor, 'organization.propose');
  return Object.keys(scope).length ? { organization: { is: scope } } : {};
}

export function writeRequestAudit(
  tx: Prisma.TransactionClient,
  actor: Actor,
  request: { id: string; organizationId: string },
  action: 'CREATE' | 'UPDATE' | 'APPROVE' | 'REJECT',
  changes: FieldChanges,
) {
  return writeAudit(tx, {
    actor,
    action,
    entityType: 'ChangeRequest',
    entityId: request.id,
    organizationId: request.organizationId,
    changeRequestId: request.id,
    changes,
  });
}
