// Filters as plain links (no JavaScript, keyboard and screen reader friendly): each option carries
// its count, the chosen one is marked, and every link's URL holds only the parameters in use.
import { Link } from '@/lib/i18n/navigation';

export interface Facet {
  param: string;
  label: string;
  options: { value: string; label: string; count: number }[];
}

/** "?a=1&b=2" with only the non-empty parameters, in a fixed order. */
export function searchString(params: Record<string, string | undefined>, order: readonly string[]): string {
  const search = new URLSearchParams();
  for (const key of order) if (params[key]) search.set(key, params[key]!);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function FacetLinks({ path, facets, current, order, allLabel }: { path: string; facets: Facet[]; current: Record<string, string | undefined>; order: readonly string[]; allLabel: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {facets
        .filter((facet) => facet.options.length > 0)
        .map((facet) => (
          <nav key={facet.param} aria-labelledby={`facet-${facet.param}`}>
            <h3 id={`facet-${facet.param}`} className="font-semibold text-brand-900">
              {facet.label}
            </h3>
            <ul className="mt-1 space-y-1">
              <li>
                <Link
                  href={`${path}${searchString({ ...current, [facet.param]: undefined }, order)}`}
                  className="inline-flex min-h-11 items-center text-brand-800 underline"
                  aria-current={current[facet.param] ? undefined : 'true'}
                >
                  {current[facet.param] ? allLabel : <strong>{allLabel}</strong>}
                </Link>
              </li>
              {facet.options.map((option) => {
                const isCurrent = current[facet.param] === option.value;
                return (
                  <li key={option.value}>
                    <Link
                      href={`${path}${searchString({ ...current, [facet.param]: option.value }, order)}`}
                      className="inline-flex min-h-11 items-center text-brand-800 underline"
                      aria-current={isCurrent ? 'true' : undefined}
                    >
                      {isCurrent ? <strong>{option.label}</strong> : option.label}
                      <span className="ms-1 text-slate-700">({option.count})</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        ))}
    </div>
  );
}
