import type { Metadata } from 'next';
import { ProjectsView, projectsMetadata, type RawSearch } from './projects-view';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<RawSearch>;
};

// What proxy.ts does not send to the cached twin (projekte-liste; a parameter value no filter can
// have), rendered per request: the view ignores such values.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  return projectsMetadata(locale, await searchParams);
}

export default async function ProjectsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  return <ProjectsView locale={locale} raw={await searchParams} />;
}
