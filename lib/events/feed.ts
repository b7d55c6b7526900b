// The iCal feeds' common answer: which events (all upcoming, one topic, or one event), in which
// language (?lang=, German by default), as text/calendar. Used by the route handlers of
// /veranstaltungen.ics, /veranstaltungen/thema/<slug>.ics and /veranstaltungen/<slug>.ics.
import 'server-only';
import { createTranslator } from 'next-intl';
import { z } from 'zod';
import { getPublicEvent, listFeedEvents } from '@/lib/data/events/public';
import { getEnv } from '@/lib/env';
import { isLocale } from '@/lib/i18n/routing';
import ar from '@/messages/ar.json';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';
import uk from '@/messages/uk.json';
import { eventsCalendar } from './ics';

const MESSAGES = { de, en, ar, uk, ru };

// A topic is named by its taxonomy slug; anything else (other scripts, spaces, control characters)
// names no topic and gets 404 instead of reaching a header or a query.
const topicSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);

const notFound = () => new Response('Nicht gefunden', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function feedResponse(request: Request, scope: { topic?: string | null; eventSlug?: string }): Promise<Response> {
  const url = new URL(request.url);
  const asked = url.searchParams.get('lang') ?? 'de';
  const locale = isLocale(asked) ? asked : 'de';
  const rawTopic = scope.topic ?? (url.searchParams.get('thema') || null);
  const parsedTopic = rawTopic === null ? null : topicSchema.safeParse(rawTopic);
  if (parsedTopic && !parsedTopic.success) return notFound();
  const topic = parsedTopic ? parsedTopic.data : null;
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'Events' });
  let events;
  let name = t('feedName');
  if (scope.eventSlug) {
    const { event } = await getPublicEvent({ slug: scope.eventSlug, locale });
    if (!event) return notFound();
    events = [event];
    name = event.title.value;
  } else {
    const all = await listFeedEvents({ locale });
    events = topic ? all.filter((event) => event.topics.some((term) => term.slug === topic)) : all;
    const label = topic ? all.flatMap((e) => e.topics).find((term) => term.slug === topic)?.label : undefined;
    if (topic && label) name = t('feedNameTopic', { topic: label });
  }
  const body = eventsCalendar({ events, name, baseUrl: getEnv().APP_URL.replace(/\/$/, ''), locale });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      // Slugs are ASCII, but the header must never carry what a visitor typed: encode it anyway.
      'Content-Disposition': `inline; filename="${encodeURIComponent(scope.eventSlug ?? (topic ? `veranstaltungen-${topic}` : 'veranstaltungen'))}.ics"`,
      // Calendar apps poll; an hour's copy is fine, edits reach the feed's next read anyway.
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600',
    },
  });
}
