import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/admin/action-form';
import { meetingFields } from '@/components/admin/meeting-fields';
import { TaskProgressForm } from '@/components/admin/meeting-task-form';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getMeeting } from '@/lib/data/meetings/get-meeting';
import { listMeetingAnswers } from '@/lib/data/meetings/list-meeting-answers';
import { listMeetingOptions } from '@/lib/data/meetings/list-meeting-options';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { Markdown } from '@/lib/markdown/markdown';
import { formatBerlinDate, formatMeetingTime } from '@/lib/meetings/berlin-time';
import type { Actor } from '@/lib/permissions';
import { orNotFound, type AdminPageProps } from '../../page-utils';
import {
  addDocumentAction,
  attendanceAction,
  createTaskAction,
  decideAgendaAction,
  deleteDocumentAction,
  inviteAction,
  minutesAction,
  proposeAgendaAction,
  setMeetingStatusAction,
  updateMeetingAction,
} from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Meetings'))('title') };
}

type T = ReturnType<typeof adminTranslator<'Meetings'>>;

function TextField({ id, name, label, type = 'text', isRequired, rows, defaultValue }: { id: string; name: string; label: string; type?: string; isRequired?: boolean; rows?: number; defaultValue?: string }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
        {isRequired ? <span aria-hidden="true"> *</span> : null}
      </label>
      {rows ? (
        <textarea id={id} name={name} rows={rows} defaultValue={defaultValue} className="input" />
      ) : (
        <input id={id} name={name} type={type} required={isRequired} defaultValue={defaultValue} className="input" />
      )}
    </div>
  );
}

function Select({ id, name, label, options, isMultiple, emptyLabel }: { id: string; name: string; label: string; options: { value: string; label: string }[]; isMultiple?: boolean; emptyLabel?: string }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} name={name} multiple={isMultiple} size={isMultiple ? Math.min(8, Math.max(3, options.length)) : undefined} className="input">
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

async function CoordinatorSections({ actor, meeting, t, search }: { actor: Actor; meeting: Awaited<ReturnType<typeof getMeeting>>; t: T; search: Record<string, string | undefined> }) {
  const [options, answers] = await Promise.all([listMeetingOptions({ actor }), listMeetingAnswers({ actor, id: meeting.id })]);
  const id = meeting.id;
  const isPlanned = meeting.status === 'PLANNED';
  const c = answers.counts;
  const invitedOrganizations = new Map<string, string>();
  for (const invitee of answers.invitees) if (invitee.organization) invitedOrganizations.set(invitee.organization.id, invitee.organization.name);
  const taskOrganizations = invitedOrganizations.size ? [...invitedOrganizations].map(([value, label]) => ({ value, label })) : options.organizations;
  return (
    <>
      {isPlanned ? (
        <section aria-labelledby="einladen">
          <h2 id="einladen" className="admin-h2">
            {t('inviteHeading')}
          </h2>
          <p className="mb-3 max-w-3xl">{t('inviteHint')}</p>
          {search.eingeladen !== undefined ? (
            <p className="alert-success mb-3" role="status">
              {t('invited', { added: Number(search.eingeladen), already: Number(search.schon ?? 0), sent: Number(search.mails ?? 0), failed: Number(search.fehler ?? 0) })}
            </p>
          ) : null}
          <ActionForm action={inviteAction.bind(null, id)} label={t('invite')}>
            <Select id="einladen-verteiler" name="listId" label={t('inviteList')} options={options.lists} emptyLabel={t('inviteListNone')} />
            <Select id="einladen-organisationen" name="organizationIds" label={t('inviteOrganizations')} options={options.organizations} isMultiple />
            <Select id="einladen-kontakte" name="contactIds" label={t('inviteContacts')} options={options.contacts} isMultiple />
          </ActionForm>
        </section>
      ) : null}

      <section aria-labelledby="antworten">
        <h2 id="antworten" className="admin-h2">
          {t('answersHeading')}
        </h2>
        {answers.invitees.length ? (
          <>
            <p className="mb-2" data-testid="answer-counts">
              {t('answersCounts', { invited: c.invited, yes: c.yes, people: c.people, maybe: c.maybe, no: c.no, open: c.open })}
            </p>
            <div className="overflow-x-auto">
              <table className="admin-table">
                <caption className="sr-only">{t('answersHeading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('columnInvitee')}</th>
                    <th scope="col">{t('columnOrganization')}</th>
                    <th scope="col">{t('columnAnswer')}</th>
                    <th scope="col">{t('columnPeople')}</th>
                    <th scope="col">{t('columnNote')}</th>
                  </tr>
                </thead>
                <tbody>
                  {answers.invitees.map((i) => (
                    <tr key={i.id}>
                      <td>
                        {i.name ? `${i.name} ` : ''}&lt;{i.email}&gt;
                      </td>
                      <td>{i.organization?.name ?? '–'}</td>
                      <td>{i.answer ? t(`answer${i.answer}`) : t('answerNone')}</td>
                      <td>{i.peopleCount ?? '–'}</td>
                      <td>{i.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p>{t('noInvitees')}</p>
        )}
      </section>

      {answers.invitees.length && meeting.status !== 'CANCELLED' ? (
        <section aria-labelledby="anwesenheit">
          <h2 id="anwesenheit" className="admin-h2">
            {t('attendanceHeading')}
          </h2>
          {search.anwesenheit ? (
            <p className="alert-success mb-3" role="status">
              {t('attendanceSaved')}
            </p>
          ) : null}
          <p className="mb-2">{t('attendanceCounts', { present: c.present, organizations: c.presentOrganizations })}</p>
          <ActionForm action={attendanceAction.bind(null, id)} label={t('attendanceSave')}>
            <fieldset>
              <legend className="field-label">{t('attendanceHint')}</legend>
              <div className="grid gap-1 sm:grid-cols-2">
                {answers.invitees.map((i) => (
                  <div key={i.id} className="flex items-center gap-2">
                    <input id={`anwesend-${i.id}`} type="checkbox" name="presentIds" value={i.id} defaultChecked={i.isPresent} className="size-5" />
                    <label htmlFor={`anwesend-${i.id}`}>
                      {i.organization?.name ?? '–'}: {i.name ?? i.email}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </ActionForm>
        </section>
      ) : null}

      {meeting.status !== 'CANCELLED' ? (
        <>
          <section aria-labelledby="protokoll-bearbeiten">
            <h2 id="protokoll-bearbeiten" className="admin-h2">
              {t('minutesHeading')}
            </h2>
            {search.protokoll ? (
              <p className="alert-success mb-3" role="status">
                {t('minutesSaved')}
              </p>
            ) : null}
            <p className="mb-2">{meeting.minutes?.publishedAt ? t('minutesPublishedAt', { date: formatBerlinDate(meeting.minutes.publishedAt) }) : t('minutesDraft')}</p>
            <EntityForm
              action={minutesAction.bind(null, id)}
              fields={[
                { name: 'minutesReports', label: t('minutesReports'), type: 'textarea', hint: t('minutesHint') },
                { name: 'minutesProblems', label: t('minutesProblems'), type: 'textarea' },
                { name: 'minutesDecisions', label: t('minutesDecisions'), type: 'textarea' },
                ...(meeting.minutes?.publishedAt ? [] : [{ name: 'publish', label: t('minutesPublish'), type: 'checkbox' as const, isWide: true }]),
              ]}
              initialValues={{ minutesReports: meeting.minutes?.reports ?? '', minutesProblems: meeting.minutes?.problems ?? '', minutesDecisions: meeting.minutes?.decisions ?? '' }}
              hidden={{ version: String(meeting.version) }}
              submitLabel={t('minutesSave')}
              formId="protokoll"
            />
          </section>
          <section aria-labelledby="aufgabe-neu">
            <h2 id="aufgabe-neu" className="admin-h2">
              {t('taskAdd')}
            </h2>
            {search.aufgabe ? (
              <p className="alert-success mb-3" role="status">
                {t('taskAdded')}
              </p>
            ) : null}
            <EntityForm
              action={createTaskAction.bind(null, id)}
              fields={[
                { name: 'title', label: t('taskFieldTitle'), isRequired: true, isWide: true },
                { name: 'organizationId', label: t('taskFieldOrganization'), type: 'select', isRequired: true, options: [{ value: '', label: '–' }, ...taskOrganizations] },
                { name: 'dueDate', label: t('taskFieldDue'), type: 'date', isRequired: true },
                { name: 'note', label: t('taskFieldNote'), type: 'textarea' },
              ]}
              initialValues={{}}
              submitLabel={t('taskAdd')}
              formId="aufgabe"
            />
          </section>
        </>
      ) : null}

      <section aria-labelledby="unterlage-neu">
        <h2 id="unterlage-neu" className="admin-h2">
          {t('documentAdd')}
        </h2>
        {search.unterlage ? (
          <p className="alert-success mb-3" role="status">
            {t('documentAdded')}
          </p>
        ) : null}
        <ActionForm action={addDocumentAction.bind(null, id)} label={t('documentAdd')}>
          <TextField id="unterlage-titel" name="title" label={t('documentFieldTitle')} isRequired />
          <TextField id="unterlage-link" name="url" type="url" label={t('documentFieldUrl')} />
          <div className="field">
            <label htmlFor="unterlage-datei" className="field-label">
              {t('documentFieldFile')}
            </label>
            <input id="unterlage-datei" name="file" type="file" className="input" accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt,.csv,.png,.jpg,.jpeg" />
          </div>
        </ActionForm>
      </section>

      {isPlanned ? (
        <section aria-labelledby="bearbeiten">
          <h2 id="bearbeiten" className="admin-h2">
            {t('editHeading')}
          </h2>
          <p className="mb-3 max-w-3xl">{t('editHint')}</p>
          <EntityForm action={updateMeetingAction.bind(null, id)} fields={meetingFields(t, options.locations)} initialValues={meeting.formValues ?? {}} hidden={{ version: String(meeting.version) }} submitLabel={t('save')} formId="treffen" />
        </section>
      ) : null}

      {meeting.status !== 'CANCELLED' ? (
        <section aria-labelledby="status" className="mt-6">
          <h2 id="status" className="admin-h2">
            {t('statusHeading')}
          </h2>
          <div className="flex flex-wrap gap-3">
            {isPlanned ? <ActionButton action={setMeetingStatusAction.bind(null, id, meeting.version, 'HELD')} label={t('markHeld')} /> : null}
            <ActionButton action={setMeetingStatusAction.bind(null, id, meeting.version, 'CANCELLED')} label={t('cancel')} variant="danger" confirm={t('cancelConfirm')} />
          </div>
        </section>
      ) : null}
    </>
  );
}

export default async function MeetingPage({ params, searchParams }: AdminPageProps<{ id: string }>) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/treffen/${id}`);
  const meeting = await orNotFound(getMeeting({ actor, id }));
  const t = adminTranslator(await getAdminLocale(), 'Meetings');
  const back = `/de/admin/treffen/${id}`;
  const accepted = meeting.agendaItems.filter((item) => item.status === 'ACCEPTED');
  const others = meeting.agendaItems.filter((item) => item.status !== 'ACCEPTED');
  return (
    <div>
      <p>
        <Link href="/de/admin/treffen" className="admin-link">
          {t('backToList')}
        </Link>
      </p>
      <h1 className="admin-h1">{meeting.title}</h1>
      <div role="status">
        {search.angelegt ? <p className="alert-success mb-4">{t('created')}</p> : null}
        {search.gespeichert ? <p className="alert-success mb-4">{Number(search.mails) > 0 ? t('savedAndMailed', { sent: Number(search.mails) }) : t('saved')}</p> : null}
        {search.abgesagt ? <p className="alert-success mb-4">{t('cancelled', { sent: Number(search.mails ?? 0) })}</p> : null}
        {search.vorschlag ? <p className="alert-success mb-4">{meeting.isCoordinator ? t('agendaAdded') : t('agendaProposed')}</p> : null}
        {search.aufgabeGespeichert ? <p className="alert-success mb-4">{t('taskSaved')}</p> : null}
      </div>
      <section aria-labelledby="angaben">
        <h2 id="angaben" className="admin-h2">
          {t('detailsHeading')}
        </h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t('fieldKind')}</dt>
          <dd>{t(`kind${meeting.kind}`)}</dd>
          <dt className="font-semibold">{t('when')}</dt>
          <dd>{formatMeetingTime(meeting.startsAt, meeting.endsAt)}</dd>
          {meeting.place ? (
            <>
              <dt className="font-semibold">{t('where')}</dt>
              <dd>{meeting.place}</dd>
            </>
          ) : null}
          {meeting.accessibility ? (
            <>
              <dt className="font-semibold">{t('accessibility')}</dt>
              <dd>{meeting.accessibility}</dd>
            </>
          ) : null}
          {meeting.onlineUrl ? (
            <>
              <dt className="font-semibold">{t('online')}</dt>
              <dd>
                <a href={meeting.onlineUrl} className="admin-link break-all">
                  {meeting.onlineUrl}
                </a>
              </dd>
            </>
          ) : null}
          <dt className="font-semibold">{t('columnStatus')}</dt>
          <dd>{t(`status${meeting.status}`)}</dd>
        </dl>
        {meeting.description ? <p className="mt-3 max-w-3xl whitespace-pre-line">{meeting.description}</p> : null}
      </section>

      <section aria-labelledby="tagesordnung">
        <h2 id="tagesordnung" className="admin-h2">
          {t('agendaHeading')}
        </h2>
        {accepted.length ? (
          <ol className="mb-3 list-decimal space-y-1 ps-6">
            {accepted.map((item) => (
              <li key={item.id}>
                <strong>{item.title}</strong>
                {item.description ? ` – ${item.description}` : ''}
                {item.organization ? ` (${item.organization.name})` : ''}
              </li>
            ))}
          </ol>
        ) : (
          <p className="mb-3">{t('agendaEmpty')}</p>
        )}
        {others.length ? (
          <ul className="mb-3 space-y-2">
            {others.map((item) => (
              <li key={item.id} className="rounded border border-slate-300 p-2">
                <p>
                  <strong>{item.title}</strong> – {t(`agendaStatus${item.status}`)}
                  {item.proposedByName ? `, ${t('agendaProposedBy', { name: [item.proposedByName, item.organization?.name].filter(Boolean).join(', ') })}` : ''}
                </p>
                {item.description ? <p>{item.description}</p> : null}
                {meeting.isCoordinator ? (
                  <div className="mt-2 flex flex-wrap gap-3">
                    <ActionButton action={decideAgendaAction.bind(null, meeting.id, item.id, 'ACCEPTED')} hidden={{ sortOrder: String(accepted.length) }} label={`${t('agendaAccept')}: ${item.title}`} />
                    {item.status !== 'REJECTED' ? <ActionButton action={decideAgendaAction.bind(null, meeting.id, item.id, 'REJECTED')} hidden={{ sortOrder: String(item.sortOrder) }} label={`${t('agendaReject')}: ${item.title}`} /> : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {meeting.isAgendaOpen || (meeting.isCoordinator && meeting.status === 'PLANNED') ? (
          <>
            <h3 className="mt-4 mb-2 text-lg font-semibold">{meeting.isCoordinator ? t('agendaAddHeading') : t('agendaProposeHeading')}</h3>
            {meeting.agendaDeadline ? <p className="mb-2">{t('agendaDeadline', { date: formatBerlinDate(meeting.agendaDeadline) })}</p> : null}
            <EntityForm
              action={proposeAgendaAction.bind(null, meeting.id)}
              fields={[
                { name: 'title', label: t('agendaFieldTitle'), isRequired: true, isWide: true },
                { name: 'description', label: t('agendaFieldDescription'), type: 'textarea' },
              ]}
              initialValues={{}}
              submitLabel={t('agendaPropose')}
              formId="vorschlag"
            />
          </>
        ) : meeting.status === 'PLANNED' ? (
          <p>{t('agendaClosed')}</p>
        ) : null}
      </section>

      <section aria-labelledby="unterlagen">
        <h2 id="unterlagen" className="admin-h2">
          {t('documentsHeading')}
        </h2>
        {meeting.documents.length ? (
          <ul className="space-y-2">
            {meeting.documents.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-3">
                <a href={d.url ?? `/api/admin/meetings/documents/${d.id}`} className="admin-link">
                  {d.title}
                </a>
                {d.filename ? <span>({d.filename})</span> : null}
                {meeting.isCoordinator ? <ActionButton action={deleteDocumentAction.bind(null, meeting.id, d.id)} label={t('documentRemove', { title: d.title })} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('documentsEmpty')}</p>
        )}
      </section>

      <section aria-labelledby="protokoll">
        <h2 id="protokoll" className="admin-h2">
          {t('minutesHeading')}
        </h2>
        {meeting.minutes && (meeting.minutes.reports || meeting.minutes.problems || meeting.minutes.decisions) ? (
          <div className="space-y-4" data-testid="minutes">
            {meeting.isCoordinator && !meeting.minutes.publishedAt ? <p className="font-semibold">{t('minutesDraft')}</p> : null}
            {(
              [
                ['minutesReports', meeting.minutes.reports],
                ['minutesProblems', meeting.minutes.problems],
                ['minutesDecisions', meeting.minutes.decisions],
              ] as const
            ).map(([key, text]) =>
              text ? (
                <div key={key}>
                  <h3 className="mt-4 mb-2 text-lg font-semibold">{t(key)}</h3>
                  <Markdown text={text} topHeadingLevel={4} />
                </div>
              ) : null,
            )}
          </div>
        ) : (
          <p>{t('minutesNotYet')}</p>
        )}
      </section>

      <section aria-labelledby="aufgaben">
        <h2 id="aufgaben" className="admin-h2">
          {t('tasksHeading')}
        </h2>
        {meeting.tasks.length ? (
          <ul className="space-y-3">
            {meeting.tasks.map((task) => (
              <li key={task.id} className="rounded border border-slate-300 p-3">
                <p>
                  <strong>{task.title}</strong> – {task.organization.name}, {t('taskDue', { date: formatBerlinDate(task.dueDate) })}, {t(`taskStatus${task.status}`)}
                </p>
                {task.note ? <p>{task.note}</p> : null}
                <TaskProgressForm task={task} back={back} t={t} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('tasksEmpty')}</p>
        )}
      </section>

      {meeting.isCoordinator ? <CoordinatorSections actor={actor} meeting={meeting} t={t} search={search} /> : null}
    </div>
  );
}
