// Every signed-in user's own account: display name and admin language (User.locale). Nobody
// changes another person's account here; that is user management (users.ts).
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { accountInputSchema } from '@/lib/schemas/account';
import { assertActor } from './access';
import { diffChanges, writeAudit } from './audit';
import { parseInput } from './versioning';

export async function getOwnAccount({ actor }: { actor: Actor | null }) {
  assertActor(actor);
  const self = actor;
  const user = await db.user.findUnique({ where: { id: self.id }, select: { id: true, name: true, email: true, locale: true } });
  if (!user) throw new AppError('NOT_FOUND');
  return { ...user, locale: user.locale === 'en' ? 'en' : 'de' };
}

export async function updateOwnAccount({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertActor(actor);
  const self = actor;
  const data = parseInput(accountInputSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: self.id }, select: { name: true, locale: true } });
    if (!before) throw new AppError('NOT_FOUND');
    const changes = diffChanges(before, data);
    if (Object.keys(changes).length === 0) return { changed: false };
    await tx.user.update({ where: { id: self.id }, data: { name: data.name, locale: data.locale } });
    await writeAudit(tx, { actor: self, action: 'UPDATE', entityType: 'User', entityId: self.id, changes });
    return { changed: true };
  });
}
