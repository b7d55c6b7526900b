import { ActionForm } from '@/components/admin/action-form';
import type { AdminT } from '@/lib/i18n/admin';
import { updateTaskAction } from '@/app/[locale]/admin/treffen/actions';

// Mark a task done and add a note (members for their organization's tasks).
export function TaskProgressForm({
  task,
  back,
  t,
}: {
  task: { id: string; title: string; status: 'OPEN' | 'DONE'; note: string; version: number };
  back: string;
  t: AdminT<'Meetings'>;
}) {
  const id = `aufgabe-${task.id}`;
  return (
    <ActionForm action={updateTaskAction.bind(null, task.id, back)} label={t('taskSave')}>
      <input type="hidden" name="version" value={task.version} />
      <div className="flex items-center gap-2">
        <input id={`${id}-done`} name="isDone" type="checkbox" defaultChecked={task.status === 'DONE'} className="size-5" />
        <label htmlFor={`${id}-done`}>
          {t('taskDone')}: {task.title}
        </label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`} className="field-label">
          {t('taskFieldNote')}
        </label>
        <textarea id={`${id}-note`} name="note" defaultValue={task.note} rows={2} className="input" />
      </div>
    </ActionForm>
  );
}
