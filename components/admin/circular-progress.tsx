'use client';
// Live progress of a circular being sent: polls the progress route every two seconds until the
// send is done, then reloads the page's server data (delivery table). Without JavaScript the page
// shows the state at load time and a link to refresh.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

export interface Progress {
  status: 'DRAFT' | 'QUEUED' | 'DONE';
  recipientCount: number;
  sentCount: number;
  failedCount: number;
  skippedCount: number;
}

export function CircularProgress({ id, initial, texts }: { id: string; initial: Progress; texts: { label: string; running: string; done: string; counts: string } }) {
  const [progress, setProgress] = useState(initial);
  const router = useRouter();
  useEffect(() => {
    if (progress.status !== 'QUEUED') return;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/admin/circulars/${id}/progress`, { cache: 'no-store' });
        if (!response.ok) return;
        const next = (await response.json()) as Progress;
        setProgress(next);
        if (next.status === 'DONE') router.refresh();
      } catch {
        // Try again on the next tick.
        setProgress((current) => ({ ...current }));
      }
    }, 2000);
    return () => clearTimeout(timer);
  }, [id, progress, router]);
  const done = progress.sentCount + progress.failedCount + progress.skippedCount;
  const fill = (text: string) =>
    text
      .replace('{done}', String(done))
      .replace('{total}', String(progress.recipientCount))
      .replace('{sent}', String(progress.sentCount))
      .replace('{failed}', String(progress.failedCount))
      .replace('{skipped}', String(progress.skippedCount));
  return (
    <div className="space-y-2" data-status={progress.status}>
      <label htmlFor={`progress-${id}`} className="field-label">
        {texts.label}
      </label>
      <progress id={`progress-${id}`} max={Math.max(1, progress.recipientCount)} value={done} className="h-4 w-full max-w-xl" />
      <p role="status" aria-live="polite">
        {progress.status === 'DONE' ? texts.done : texts.running} {fill(texts.counts)}
      </p>
    </div>
  );
}
