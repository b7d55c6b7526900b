// The audit log's event kinds: which record types are audited, which actions each records, and
// the payload every row carries. lib/data/audit.ts writes them (writeAudit, the only writer; a lint
// rule refuses `auditLog.create` anywhere else). Plain types and data, usable by a presenter on the
// server and in the browser.
//
// The payload is field-level: { field: { before, after } }. A field that refers to another record
// (categoryId, parentId, serviceId, locationId, termIds, organizationIds, ...) carries the names of
// the records it names at the time (`labels`: id -> name, lib/data/audit-labels.ts), so the history
// can name them even after they were deleted (lib/audit/present.ts).
import type { AuditAction } from '@/lib/generated/prisma/enums';

interface FieldChange {
  before: unknown;
  after: unknown;
  labels?: Record<string, string>;
}

export type FieldChanges = Record<string, FieldChange>;

// What each audited record type records. The entity type is stored as AuditLog.entityType.
interface AuditEventKinds {
  Organization: 'CREATE' | 'UPDATE' | 'PUBLISH' | 'UNPUBLISH' | 'ARCHIVE' | 'DELETE' | 'RESTORE' | 'VERIFY';
  Service: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE';
  Location: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE';
  // UPDATE also records a withdrawn consent and an export of the person's data; ERASE keeps only
  // that an erasure happened.
  ContactPerson: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' | 'ERASE';
  Schedule: 'CREATE' | 'DELETE';
  ScheduleException: 'CREATE' | 'DELETE';
  // Keys "<field>.<locale>" (the text) and "<field>.<locale>.status"; entityId is the translated record's.
  Translation: 'UPDATE';
  Page: 'CREATE' | 'UPDATE' | 'DELETE';
  TaxonomyTerm: 'CREATE' | 'UPDATE' | 'DELETE';
  // entityId is the language code.
  Language: 'CREATE' | 'UPDATE' | 'DELETE';
  User: 'CREATE' | 'UPDATE' | 'LOGIN';
  // DELETE: revoked.
  Invitation: 'CREATE' | 'DELETE';
  Feedback: 'UPDATE';
  // A partner's proposal: CREATE (proposed), UPDATE (withdrawn or replaced), APPROVE, REJECT.
  ChangeRequest: 'CREATE' | 'UPDATE' | 'APPROVE' | 'REJECT';
  // Contact management and data exchange (issue 13). EXPORT: a list's addresses downloaded.
  DistributionList: 'CREATE' | 'UPDATE' | 'DELETE' | 'EXPORT';
  // SEND: queued for sending (recipient count in the payload).
  Circular: 'CREATE' | 'UPDATE' | 'DELETE' | 'SEND';
  CircularAttachment: 'CREATE' | 'DELETE';
  // entityId: a fresh id per download; the payload names format, tables, filter and row counts.
  Export: 'EXPORT';
  // entityId: the import session; the payload names the file and what was created or updated.
  Import: 'IMPORT';
  // The site explained in sign language (issue 12): upload, transcript change, removal.
  SignLanguageVideo: 'CREATE' | 'UPDATE' | 'DELETE';
  // The search vocabulary (issue 11): a concept with its words and terms. UPDATE also records a
  // word added from the report of searches without result.
  SearchConcept: 'CREATE' | 'UPDATE' | 'DELETE';
  // The network's meetings (issue 14). SEND: invitations, updates or a cancellation mailed (count
  // in the payload); PUBLISH: the minutes published.
  Meeting: 'CREATE' | 'UPDATE' | 'SEND' | 'PUBLISH';
  MeetingAgendaItem: 'CREATE' | 'UPDATE';
  MeetingDocument: 'CREATE' | 'DELETE';
  // UPDATE: an invitee's answer (actor: the invitee through the link) or attendance.
  MeetingInvitee: 'UPDATE';
  MeetingTask: 'CREATE' | 'UPDATE';
  // The personal calendar feed: CREATE (made or renewed), DELETE (revoked).
  CalendarFeed: 'CREATE' | 'DELETE';
  // Projects and public events (issue 14); organizationId = the lead organization / organizer.
  Project: 'CREATE' | 'UPDATE' | 'DELETE';
  Event: 'CREATE' | 'UPDATE' | 'DELETE';
}

type AuditEntityType = keyof AuditEventKinds;

export type AuditEvent = {
  [Entity in AuditEntityType]: {
    entityType: Entity;
    action: AuditEventKinds[Entity] & AuditAction;
    entityId: string;
    // The organization the record belongs to: its history lists the row.
    organizationId?: string | null;
    changes?: FieldChanges;
    // Set for rows about a change request, and (from lib/data/review-context.ts) for every row an
    // approved request writes.
    changeRequestId?: string;
  };
}[AuditEntityType];

// Who acted: a signed-in user, or (id null) a process acting for someone, such as a confirmation
// by e-mail link. The name is stored as it was at the time.
export interface AuditActor {
  id: string | null;
  name: string;
}
