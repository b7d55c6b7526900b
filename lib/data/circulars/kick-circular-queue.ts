// Starts the background sender after the current response (next/server `after`): sending never
// holds up the request. One run per process at a time; other instances coordinate through the
// row locks. Outside a request (tests, scripts) `after` is unavailable and nothing starts: those
// callers run processCircularQueue() themselves.
import 'server-only';
import { after } from 'next/server';
import { processCircularQueue } from './process-circular-queue';

let running: Promise<unknown> | null = null;

function runOnce(): Promise<unknown> {
  running ??= processCircularQueue()
    .catch((error: unknown) => console.error('Rundschreiben-Versand:', (error as Error)?.message ?? error))
    .finally(() => {
      running = null;
    });
  return running;
}

export function kickCircularQueue(): void {
  try {
    after(runOnce);
  } catch {
    // Not inside a Next.js request.
  }
}
