// Progress of a circular for the page's live display (polled every few seconds). A circular that
// is still queued also starts the background sender here, so a send interrupted by a restart
// resumes as soon as someone looks at it.
import { getCurrentUser } from '@/lib/auth/session';
import { getCircularProgress } from '@/lib/data/circulars/get-circular';
import { kickCircularQueue } from '@/lib/data/circulars/kick-circular-queue';
import { refusal } from '@/lib/http/download';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    const progress = await getCircularProgress({ actor: await getCurrentUser(), id });
    if (progress.status === 'QUEUED') kickCircularQueue();
    return Response.json(progress, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return refusal(error);
  }
}
