'use server';
// Server actions of projects and events: parse with the shared zod schema (field errors and the
// entered values on failure), then a coordinator's direct save (and cache expiry) or a partner's
// proposal for review (nothing public changes until a coordinator approves it), then redirect.
import { redirect } from 'next/navigation';
import type { ZodError } from 'zod';
import { eventFields, projectFields } from '@/components/admin/project-event-fields';
import type { FormState } from '@/components/forms/form-state';
import { expireCache } from '@/lib/cache';
import { proposeChange } from '@/lib/data/change-requests/propose';
import { createEvent, deleteEvent, updateEvent } from '@/lib/data/events/save';
import { editsDirectly, getAdminEvent, getAdminProject } from '@/lib/data/projects/admin';
import { createProject, deleteProject, updateProject } from '@/lib/data/projects/save';
import { recordTags } from '@/lib/data/projects/tags';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { eventInputSchema } from '@/lib/schemas/event';
import { readForm } from '@/lib/schemas/form-contract';
import { projectInputSchema } from '@/lib/schemas/project';
import { errorState, formVersion, getCurrentUser, invalidState } from '../action-utils';

type Kind = 'project' | 'event';

const BASES: Record<Kind, string> = { project: '/de/admin/projekte', event: '/de/admin/veranstaltungen' };
const NONE: { value: string; label: string }[] = [];
const OPTIONS = { organizations: NONE, topics: NONE, targetGroups: NONE, contacts: NONE, locations: NONE, languages: NONE };

// The form's fields as the server reads them (the definitions the pages render; options do not matter).
function fieldsOf(kind: Kind, isCoordinator: boolean) {
  return kind === 'project' ? projectFields({ ...OPTIONS, isCoordinator }) : eventFields({ ...OPTIONS, isCoordinator });
}

function invalid(kind: Kind, values: Record<string, unknown>): FormState | null {
  const schema = kind === 'project' ? projectInputSchema : eventInputSchema;
  const parsed = schema.safeParse(values);
  return parsed.success ? null : invalidState(parsed.error as ZodError, values);
}

// The partner's organization a proposal is filed under: the lead or organizer if it is theirs,
// else (projects) a partner organization of theirs. None: the data layer refuses it.
function proposingOrganization(actor: Actor, kind: Kind, values: Record<string, unknown>): string {
  const own = new Set(actor.organizationIds);
  const main = String(values[kind === 'project' ? 'leadOrganizationId' : 'organizerId'] ?? '');
  if (own.has(main)) return main;
  const partners = Array.isArray(values.partnerOrganizationIds) ? values.partnerOrganizationIds.map(String) : [];
  return (kind === 'project' && partners.find((id) => own.has(id))) || main;
}

async function save(kind: Kind, id: string | null, formData: FormData): Promise<FormState> {
  const actor = await getCurrentUser();
  if (!actor) return errorState(new AppError('UNAUTHENTICATED'));
  const direct = editsDirectly(actor, kind);
  const values = readForm(formData, fieldsOf(kind, direct), ['version']);
  const failed = invalid(kind, values);
  if (failed) return failed;
  let target: string;
  try {
    if (direct) {
      const saved =
        kind === 'project'
          ? id
            ? await updateProject({ actor, id, version: formVersion(values) ?? 0, input: values })
            : await createProject({ actor, input: values })
          : id
            ? await updateEvent({ actor, id, version: formVersion(values) ?? 0, input: values })
            : await createEvent({ actor, input: values });
      await expireCache(recordTags(kind, saved.organizationIds));
      target = `${BASES[kind]}/${saved.id}?gespeichert=1`;
    } else {
      let organizationId = proposingOrganization(actor, kind, values);
      if (id) {
        // An update is filed under the organization the record belongs to for this partner.
        const current = kind === 'project' ? await getAdminProject({ actor, id }) : await getAdminEvent({ actor, id });
        const owner = kind === 'project' ? (current as { leadOrganizationId: string }).leadOrganizationId : (current as { organizerId: string }).organizerId;
        if (actor.organizationIds.includes(owner)) organizationId = owner;
      }
      await proposeChange({
        actor,
        organizationId,
        entityType: kind === 'project' ? 'Project' : 'Event',
        action: id ? 'UPDATE' : 'CREATE',
        entityId: id,
        baseVersion: id ? formVersion(values) : undefined,
        input: values,
      });
      target = `${id ? `${BASES[kind]}/${id}` : BASES[kind]}?vorgeschlagen=1`;
    }
  } catch (error) {
    return errorState(error, values);
  }
  redirect(target);
}

export async function createProjectAction(_state: FormState, formData: FormData): Promise<FormState> {
  return save('project', null, formData);
}

export async function updateProjectAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  return save('project', id, formData);
}

export async function createEventAction(_state: FormState, formData: FormData): Promise<FormState> {
  return save('event', null, formData);
}

export async function updateEventAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  return save('event', id, formData);
}

export async function deleteProjectAction(id: string, _state: FormState): Promise<FormState> {
  try {
    const deleted = await deleteProject({ actor: await getCurrentUser(), id });
    await expireCache(recordTags('project', deleted.organizationIds));
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASES.project}?geloescht=1`);
}

export async function deleteEventAction(id: string, _state: FormState): Promise<FormState> {
  try {
    const deleted = await deleteEvent({ actor: await getCurrentUser(), id });
    await expireCache(recordTags('event', deleted.organizationIds));
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASES.event}?geloescht=1`);
}
