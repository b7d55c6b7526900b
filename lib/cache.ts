// Public pages and public reads are cached and tagged; every write that a visitor could see
// expires the tag so that the change is public at once.
import { revalidateTag, updateTag } from 'next/cache';

export const DIRECTORY_TAG = 'directory';
export const PAGES_TAG = 'pages';

export type CacheTag = typeof DIRECTORY_TAG | typeof PAGES_TAG;

// updateTag is only allowed inside server actions (read-your-own-writes); route handlers and
// scripts use revalidateTag with immediate expiry. Outside a Next.js request (tests, scripts)
// there is no cache to expire, which Next reports by throwing: that case is ignored on purpose.
export function expireCache(tags: CacheTag[] = [DIRECTORY_TAG], { isServerAction = true } = {}): void {
  for (const tag of tags) {
    try {
      if (isServerAction) updateTag(tag);
      else revalidateTag(tag, { expire: 0 });
    } catch {
      // Not inside a Next.js request.
    }
  }
}
