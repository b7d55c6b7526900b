import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { OrganizationView } from '@/components/directory/organization-view';
import { OrganizationActivities } from '@/components/network/organization-activities';
import { getPublicOrganizationPage, resolveSlugRedirect } from '@/lib/data/organizations';
import { localeAlternates } from '@/lib/i18n/routing';

type Params = Promise<{ locale: string; slug: string }>;

// Rendered on its first request and then served from the full-route cache until an edit expires
// one of the tags its reads reported (lib/next-cache-handler.mjs); nothing is read at build time.
export function generateStaticParams(): { slug: string }[] {
  return [];
}
// The "open now" line depends on the time: a cached page is rendered again in the background
// at most a minute after it was stored (one definition of opening hours, on the server).
export const revalidate = 60;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, slug } = await params;
  const organization = await getPublicOrganizationPage({ slug, locale });
  if (!organization) return {};
  const description = organization.description.value.slice(0, 160);
  return {
    title: organization.name.value,
    description,
    alternates: localeAlternates(`/akteure/${organization.slug}`, locale),
    openGraph: { title: organization.name.value, description, url: `/${locale}/akteure/${organization.slug}` },
  };
}

export default async function OrganizationPage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const organization = await getPublicOrganizationPage({ slug, locale });
  if (!organization) {
    const target = await resolveSlugRedirect({ slug });
    if (target) permanentRedirect(`/${locale}/akteure/${target}`);
    notFound();
  }
  return <OrganizationView organization={organization} locale={locale} activities={<OrganizationActivities organizationId={organization.id} locale={locale} />} />;
}
