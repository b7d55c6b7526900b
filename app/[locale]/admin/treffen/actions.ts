'use server';
// Server actions of the meetings area: thin (parse, call the data function, redirect). Every
// permission check is in lib/data/meetings.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { addMeetingDocument, deleteMeetingDocument } from '@/lib/data/meetings/meeting-documents';
import { createCalendarFeed, revokeCalendarFeed } from '@/lib/data/meetings/calendar-feed';
import { createMeeting } from '@/lib/data/meetings/create-meeting';
import { createMeetingTask } from '@/lib/data/meetings/create-meeting-task';
import { decideAgendaItem } from '@/lib/data/meetings/decide-agenda-item';
import { inviteToMeeting } from '@/lib/data/meetings/invite-to-meeting';
import { proposeAgendaItem } from '@/lib/data/meetings/propose-agenda-item';
import { recordAttendance } from '@/lib/data/meetings/record-attendance';
import { saveMinutes } from '@/lib/data/meetings/save-minutes';
import { setMeetingStatus } from '@/lib/data/meetings/set-meeting-status';
import { updateMeeting } from '@/lib/data/meetings/update-meeting';
import { updateMeetingTask } from '@/lib/data/meetings/update-meeting-task';
import { formDataToObject } from '@/lib/schemas/common';
import { errorState, formVersion, getCurrentUser } from '../action-utils';

const BASE = '/de/admin/treffen';

export async function createMeetingAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  let id: string;
  try {
    ({ id } = await createMeeting({ actor: await getCurrentUser(), input: values }));
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?angelegt=1#einladen`);
}

export async function updateMeetingAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  let sent = 0;
  try {
    ({
      mailing: { sent },
    } = await updateMeeting({ actor: await getCurrentUser(), id, version: formVersion(values) ?? 0, input: values }));
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?gespeichert=1&mails=${sent}`);
}

export async function setMeetingStatusAction(id: string, version: number, status: 'CANCELLED' | 'HELD', _state: FormState): Promise<FormState> {
  let sent = 0;
  try {
    ({
      mailing: { sent },
    } = await setMeetingStatus({ actor: await getCurrentUser(), id, version, status }));
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASE}/${id}?${status === 'CANCELLED' ? 'abgesagt' : 'gespeichert'}=1&mails=${sent}`);
}

export async function inviteAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData, ['organizationIds', 'contactIds']);
  let query: string;
  try {
    const result = await inviteToMeeting({ actor: await getCurrentUser(), id, input: values });
    query = new URLSearchParams({ eingeladen: String(result.added), schon: String(result.alreadyInvited), mails: String(result.mailing.sent), fehler: String(result.mailing.failed), ohne: String(result.withoutAddress.length) }).toString();
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?${query}#antworten`);
}

export async function attendanceAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData, ['presentIds']);
  try {
    await recordAttendance({ actor: await getCurrentUser(), id, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?anwesenheit=1#anwesenheit`);
}

export async function minutesAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  try {
    await saveMinutes({ actor: await getCurrentUser(), id, version: formVersion(values) ?? 0, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?protokoll=1#protokoll`);
}

export async function createTaskAction(meetingId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  try {
    await createMeetingTask({ actor: await getCurrentUser(), meetingId, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${meetingId}?aufgabe=1#aufgaben`);
}

// `back`: the page the form was on (the meeting or the meetings overview).
export async function updateTaskAction(id: string, back: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  try {
    await updateMeetingTask({ actor: await getCurrentUser(), id, version: formVersion(values) ?? 0, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${back.startsWith(BASE) ? back : BASE}?aufgabeGespeichert=1#aufgaben`);
}

export async function proposeAgendaAction(meetingId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  try {
    await proposeAgendaItem({ actor: await getCurrentUser(), meetingId, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${meetingId}?vorschlag=1#tagesordnung`);
}

export async function decideAgendaAction(meetingId: string, itemId: string, status: 'ACCEPTED' | 'REJECTED', _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  try {
    await decideAgendaItem({ actor: await getCurrentUser(), id: itemId, input: { status, sortOrder: values.sortOrder } });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${meetingId}?gespeichert=1#tagesordnung`);
}

export async function addDocumentAction(meetingId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const upload = formData.get('file');
  try {
    const file = upload instanceof File && upload.size > 0 ? { filename: upload.name, content: Buffer.from(await upload.arrayBuffer()) } : null;
    await addMeetingDocument({ actor: await getCurrentUser(), meetingId, input: { title: values.title, url: values.url }, file });
  } catch (error) {
    return errorState(error, { title: values.title, url: values.url });
  }
  redirect(`${BASE}/${meetingId}?unterlage=1#unterlagen`);
}

export async function deleteDocumentAction(meetingId: string, documentId: string, _state: FormState): Promise<FormState> {
  try {
    await deleteMeetingDocument({ actor: await getCurrentUser(), id: documentId });
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASE}/${meetingId}?gespeichert=1#unterlagen`);
}

// The new feed URL is returned once in the form state (never stored, never in a redirect URL).
export async function createFeedAction(_state: FormState): Promise<FormState> {
  try {
    const { url } = await createCalendarFeed({ actor: await getCurrentUser() });
    return { status: 'success', message: url };
  } catch (error) {
    return errorState(error);
  }
}

export async function revokeFeedAction(_state: FormState): Promise<FormState> {
  try {
    await revokeCalendarFeed({ actor: await getCurrentUser() });
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASE}/kalender?abgeschaltet=1`);
}
