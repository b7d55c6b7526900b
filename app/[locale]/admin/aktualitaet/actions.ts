'use server';
// Freshness: reminders per entry or for all overdue entries (sendVerificationReminders checks the
// permission and keeps the 14-day cooldown), and marking an entry checked directly.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/components/forms/form-state';
import { entryTags, expireCache } from '@/lib/cache';
import { markOrganizationVerified } from '@/lib/data/freshness';
import { sendVerificationReminders, type ReminderResult } from '@/lib/data/verification';
import { errorState, getCurrentUser } from '../action-utils';

const BASE = '/de/admin/aktualitaet';
const idSchema = z.uuid();

function resultQuery(result: ReminderResult): string {
  const recently = result.skipped.filter((s) => s.reason === 'recently-reminded').length;
  const noRecipient = result.skipped.filter((s) => s.reason === 'no-recipient').length;
  return `gesendet=${result.sent.length}&kuerzlich=${recently}&ohneEmpfaenger=${noRecipient}`;
}

export async function sendReminderAction(organizationId: string, _state: FormState): Promise<FormState> {
  if (!idSchema.safeParse(organizationId).success) return { status: 'error', message: 'Der Eintrag wurde nicht gefunden.' };
  let result: ReminderResult;
  try {
    result = await sendVerificationReminders({ actor: await getCurrentUser(), organizationIds: [organizationId] });
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASE}?${resultQuery(result)}`);
}

export async function sendAllRemindersAction(_state: FormState): Promise<FormState> {
  let result: ReminderResult;
  try {
    result = await sendVerificationReminders({ actor: await getCurrentUser() });
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASE}?${resultQuery(result)}`);
}

export async function markVerifiedAction(organizationId: string, _state: FormState): Promise<FormState> {
  if (!idSchema.safeParse(organizationId).success) return { status: 'error', message: 'Der Eintrag wurde nicht gefunden.' };
  try {
    await markOrganizationVerified({ actor: await getCurrentUser(), id: organizationId });
  } catch (error) {
    return errorState(error);
  }
  // The "last checked" date is public.
  await expireCache(entryTags(organizationId));
  redirect(`${BASE}?geprueft=1`);
}
