// The filter fields of the admin entry list (search, status, category, overdue, pending
// proposals). The list and the export use the same filter (organizationListQuerySchema), so they
// render the same fields; `idPrefix` keeps the ids unique per page.
import { ORGANIZATION_STATUSES } from '@/lib/schemas/organization';

interface Props {
  idPrefix: string;
  query: { q?: string | null; status?: string | null; categoryId?: string | null; isOutdated?: boolean; hasPendingChanges?: boolean };
  categories: { value: string; label: string }[];
  texts: { search: string; status: string; all: string; category: string; outdated: string; pending: string };
  statusLabel: (status: (typeof ORGANIZATION_STATUSES)[number]) => string;
  // The search field may span more columns in a wider grid.
  searchClassName?: string;
}

export function OrganizationFilterFields({ idPrefix, query, categories, texts, statusLabel, searchClassName = '' }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <div className={`field ${searchClassName}`.trim()}>
        <label htmlFor={id('q')} className="field-label">
          {texts.search}
        </label>
        <input id={id('q')} name="q" defaultValue={query.q ?? ''} className="input" />
      </div>
      <div className="field">
        <label htmlFor={id('status')} className="field-label">
          {texts.status}
        </label>
        <select id={id('status')} name="status" defaultValue={query.status ?? ''} className="input">
          <option value="">{texts.all}</option>
          {ORGANIZATION_STATUSES.map((value) => (
            <option key={value} value={value}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('category')} className="field-label">
          {texts.category}
        </label>
        <select id={id('category')} name="categoryId" defaultValue={query.categoryId ?? ''} className="input">
          <option value="">{texts.all}</option>
          {categories.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2">
        <input id={id('outdated')} type="checkbox" name="isOutdated" value="1" defaultChecked={query.isOutdated} className="size-5" />
        <label htmlFor={id('outdated')}>{texts.outdated}</label>
      </div>
      <div className="flex items-center gap-2">
        <input id={id('pending')} type="checkbox" name="hasPendingChanges" value="1" defaultChecked={query.hasPendingChanges} className="size-5" />
        <label htmlFor={id('pending')}>{texts.pending}</label>
      </div>
    </>
  );
}
