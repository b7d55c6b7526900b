import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';
import { assertUuid } from '../versioning';
import { resolveRecipients } from './resolve-recipients';
import { distributionListSelect, toDefinition } from './shared';

export async function getDistributionList({ actor, id }: { actor: Actor | null; id: string }) {
  requireScopeAll(actor, 'distributionList.manage');
  assertUuid(id);
  const list = await db.distributionList.findUnique({ where: { id }, select: distributionListSelect });
  if (!list) throw new AppError('NOT_FOUND');
  return list;
}

// The list with the recipients it reaches now.
export async function getDistributionListWithRecipients({ actor, id }: { actor: Actor | null; id: string }) {
  const list = await getDistributionList({ actor, id });
  return { list, resolution: await resolveRecipients(toDefinition(list)) };
}
