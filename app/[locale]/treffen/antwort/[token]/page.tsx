import '../../../admin/admin.css';
import type { Metadata } from 'next';
import { MeetingAnswerForm } from '@/components/admin/meeting-answer-form';
import { getInvitationByToken } from '@/lib/data/meetings/answer-invitation';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { answerMeetingAction } from './actions';

type Search = { gespeichert?: string; lang?: string };

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale((await searchParams).lang), 'MeetingAnswer')('title'), referrer: 'no-referrer', robots: { index: false } };
}

// The personal answer link of a meeting invitation: no account needed. An unknown, replaced or
// malformed token, a cancelled or past meeting each get a clear page (never an error page).
export default async function MeetingAnswerPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Search> }) {
  const { token } = await params;
  const { gespeichert, lang } = await searchParams;
  const locale = await getAdminLocale(lang);
  const t = adminTranslator(locale, 'MeetingAnswer');
  const m = adminTranslator(locale, 'Meetings');
  const view = await getInvitationByToken({ token });
  const langAttribute = locale === 'de' ? undefined : locale;
  if (view.state === 'invalid') {
    return (
      <div className="max-w-xl space-y-4" lang={langAttribute}>
        <h1 className="admin-h1">{t('title')}</h1>
        <p className="alert-error" role="alert">
          {t('invalid')}
        </p>
      </div>
    );
  }
  const current = view.answer ? (view.peopleCount ? t('currentPeople', { answer: m(`answer${view.answer}`), count: view.peopleCount }) : m(`answer${view.answer}`)) : null;
  return (
    <div className="max-w-xl space-y-4" lang={langAttribute}>
      <h1 className="admin-h1">{t('title')}</h1>
      {gespeichert && view.state === 'open' ? (
        <p className="alert-success" role="status">
          {t('thanks')}
        </p>
      ) : null}
      <p>{t('intro')}</p>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{view.kindLabel}</dt>
        <dd>{view.title}</dd>
        <dt className="font-semibold">{m('when')}</dt>
        <dd>{view.when}</dd>
        {view.place ? (
          <>
            <dt className="font-semibold">{m('where')}</dt>
            <dd>{view.place}</dd>
          </>
        ) : null}
        {view.accessibilityNote ? (
          <>
            <dt className="font-semibold">{m('accessibility')}</dt>
            <dd>{view.accessibilityNote}</dd>
          </>
        ) : null}
        {view.name || view.organizationName ? (
          <>
            <dt className="font-semibold">{m('columnInvitee')}</dt>
            <dd>{[view.name, view.organizationName].filter(Boolean).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {current ? <p data-testid="current-answer">{t('current', { answer: current })}</p> : null}
      {view.state === 'cancelled' ? (
        <p className="alert-error" role="alert">
          {t('cancelled')}
        </p>
      ) : view.state === 'expired' ? (
        <p className="alert-error" role="alert">
          {t('expired')}
        </p>
      ) : (
        <MeetingAnswerForm
          action={answerMeetingAction.bind(null, token)}
          initial={{ answer: view.answer ?? '', peopleCount: view.peopleCount ? String(view.peopleCount) : '', note: view.note ?? '' }}
          texts={{ question: t('question'), answerYES: t('answerYES'), answerNO: t('answerNO'), answerMAYBE: t('answerMAYBE'), people: t('people'), peopleHint: t('peopleHint'), note: t('note'), submit: t('submit') }}
        />
      )}
    </div>
  );
}
