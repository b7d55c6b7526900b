import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LocalizedBlock, langProps } from '@/components/directory/localized';
import { projectPeriod } from '@/components/network/project-card';
import { EmailAddress, PhoneNumber, WebAddress } from '@/components/ui/contact-values';
import { Icon } from '@/components/ui/icons';
import { getPublicProject } from '@/lib/data/projects/public';
import { toTelHref } from '@/lib/format/phone';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';

type Params = Promise<{ locale: string; slug: string }>;

const linkClass = 'inline-flex min-h-11 max-w-full items-center text-brand-800 underline';
const h2Class = 'text-2xl font-semibold text-brand-900';

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, slug } = await params;
  const project = await getPublicProject({ slug, locale });
  if (!project) return {};
  return { title: project.title.value, description: project.summary.value.slice(0, 160), alternates: localeAlternates(`/projekte/${project.slug}`, locale) };
}

// Rendered per request from the tagged data cache (lib/data/public-cache.ts): no database access
// at build time, and no full-page copies that could outlive a database restore.
export const dynamic = 'force-dynamic';

export default async function ProjectPage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const project = await getPublicProject({ slug, locale });
  if (!project) notFound();
  const t = await getTranslations('Projects');
  const period = await projectPeriod(project);
  const contact = project.contact;
  const lead = project.lead;
  return (
    <article className="space-y-6">
      <p className="print:hidden">
        <Link href="/projekte" className={linkClass}>
          <Icon name="ArrowLeft" className="me-1 size-5 rtl:rotate-180" />
          {t('backToList')}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900" {...langProps(project.title, locale)}>
          {project.title.value}
        </h1>
        <p className="text-slate-700">
          {t(`status_${project.status}`)}
          {period ? ` · ${period}` : null}
        </p>
      </header>
      <LocalizedBlock text={project.summary} />
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('lead')}</dt>
        <dd>
          <Link href={`/akteure/${lead.slug}`} className={linkClass} lang="de">
            {lead.name}
          </Link>
        </dd>
        {project.partners.length ? (
          <>
            <dt className="font-semibold">{t('partners')}</dt>
            <dd>
              <ul>
                {project.partners.map((partner) => (
                  <li key={partner.id}>
                    <Link href={`/akteure/${partner.slug}`} className={linkClass} lang="de">
                      {partner.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {project.topics.length ? (
          <>
            <dt className="font-semibold">{t('topics')}</dt>
            <dd>
              {project.topics.map((topic, index) => (
                <span key={topic.slug}>
                  {index > 0 ? ', ' : null}
                  <Link href={`/projekte?thema=${topic.slug}`} className="text-brand-800 underline">
                    {topic.label}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {project.targetGroups.length ? (
          <>
            <dt className="font-semibold">{t('targetGroups')}</dt>
            <dd>
              {project.targetGroups.map((group, index) => (
                <span key={group.slug}>
                  {index > 0 ? ', ' : null}
                  <Link href={`/projekte?zielgruppe=${group.slug}`} className="text-brand-800 underline">
                    {group.label}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {project.funding ? (
          <>
            <dt className="font-semibold">{t('funding')}</dt>
            <dd {...langProps(project.funding, locale)}>{project.funding.value}</dd>
          </>
        ) : null}
      </dl>
      {project.results ? (
        <section aria-labelledby="results-title" className="space-y-2">
          <h2 id="results-title" className={h2Class}>
            {t('results')}
          </h2>
          <LocalizedBlock text={project.results} />
        </section>
      ) : null}
      <section aria-labelledby="contact-title" className="space-y-2">
        <h2 id="contact-title" className={h2Class}>
          {t('contact')}
        </h2>
        {contact ? (
          <ul className="space-y-1">
            <li {...langProps(contact.role, locale)}>{contact.name ? `${contact.name} (${contact.role.value})` : contact.role.value}</li>
            {contact.email ? (
              <li>
                <a href={`mailto:${contact.email}`} className={linkClass}><EmailAddress value={contact.email} /></a>
              </li>
            ) : null}
            {contact.phone && toTelHref(contact.phone) ? (
              <li>
                <a href={toTelHref(contact.phone)!} className={linkClass}><PhoneNumber value={contact.phone} /></a>
              </li>
            ) : null}
          </ul>
        ) : (
          <ul className="space-y-1">
            <li lang="de">{lead.name}</li>
            {lead.email ? (
              <li>
                <a href={`mailto:${lead.email}`} className={linkClass}><EmailAddress value={lead.email} /></a>
              </li>
            ) : null}
            {lead.phone && toTelHref(lead.phone) ? (
              <li>
                <a href={toTelHref(lead.phone)!} className={linkClass}><PhoneNumber value={lead.phone} /></a>
              </li>
            ) : null}
            {lead.website ? (
              <li>
                <a href={lead.website} className={linkClass}><WebAddress url={lead.website} /></a>
              </li>
            ) : null}
          </ul>
        )}
      </section>
    </article>
  );
}
