// Searches served from the full-route cache are logged per visit (lib/search/search-hits.ts): the
// proxy reports the visit, the page reports each render with its log write.
import { describe, expect, it } from 'vitest';
import { searchRendered, searchVisited } from '@/lib/search/search-hits';

describe('search hits', () => {
  it('logs a first visit once its page has rendered, with what the render showed', async () => {
    const logged: number[] = [];
    const visit = searchVisited('de', 'q=erst', 5, 2_000);
    searchRendered('de', 'q=erst', async () => void logged.push(3));
    await visit;
    expect(logged).toEqual([3]);
  });

  it('logs every visit of a cached page (no render), with the latest render’s count', async () => {
    const logged: number[] = [];
    searchRendered('ar', 'q=zwei', async () => void logged.push(7));
    await Promise.all([searchVisited('ar', 'q=zwei', 5), searchVisited('ar', 'q=zwei', 5)]);
    expect(logged).toEqual([7, 7]);
    // An edit made the page render again while the visit settled: the new count is logged.
    const visit = searchVisited('ar', 'q=zwei', 50);
    searchRendered('ar', 'q=zwei', async () => void logged.push(0));
    await visit;
    expect(logged).toEqual([7, 7, 0]);
  });

  it('keeps searches and locales apart, and logs nothing for a page that never rendered', async () => {
    const logged: string[] = [];
    searchRendered('de', 'q=drei', async () => void logged.push('de'));
    await searchVisited('en', 'q=drei', 5, 20);
    await searchVisited('de', 'q=vier', 5, 20);
    expect(logged).toEqual([]);
  });
});
