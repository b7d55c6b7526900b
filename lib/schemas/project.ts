// Projects and measures (issue 14 point 3): one schema for the coordinators' form, the partners'
// proposal and the data function. Topics and target groups are taxonomy term ids.
import { z } from 'zod';
import { checkbox, idList, optionalDate, optionalId, optionalText, requiredText } from './common';

export const PROJECT_STATUSES = ['PLANNED', 'RUNNING', 'COMPLETED'] as const;
export type ProjectStatusName = (typeof PROJECT_STATUSES)[number];

const projectFields = {
  title: requiredText(200),
  summary: optionalText(4000),
  leadOrganizationId: z.uuid({ error: 'Bitte wählen Sie die federführende Organisation.' }),
  partnerOrganizationIds: idList(),
  termIds: idList(),
  startsOn: optionalDate(),
  endsOn: optionalDate(),
  status: z.enum(PROJECT_STATUSES, { error: 'Bitte wählen Sie einen Stand aus der Liste.' }),
  funding: optionalText(1000),
  results: optionalText(4000),
  contactPersonId: optionalId(),
  // Coordinators only: a partner's proposal never carries it (approval publishes).
  isPublished: checkbox(),
};

const endAfterStart = (value: { startsOn?: Date | null; endsOn?: Date | null }) =>
  !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;
const END_MESSAGE = { message: 'Das Ende darf nicht vor dem Beginn liegen.', path: ['endsOn'] };

export const projectInputSchema = z.object(projectFields).refine(endAfterStart, END_MESSAGE);
export const projectPartialSchema = z.object(projectFields).partial().refine(endAfterStart, END_MESSAGE);
export type ProjectInput = z.infer<typeof projectInputSchema>;

export const PROJECT_ARRAY_FIELDS = ['partnerOrganizationIds', 'termIds'] as const;
export const projectShape = projectFields;
