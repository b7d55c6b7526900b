import { getLocale, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/icons';
import type { OrganizationCard as Card } from '@/lib/data/directory/cards';
import { Link } from '@/lib/i18n/navigation';
import { langProps } from './localized';
import { OpenStatus } from './open-status';

export async function OrganizationCard({
  card,
  languageNames,
  headingLevel = 'h2',
  distance,
}: {
  card: Card;
  languageNames: Record<string, { name: string; native: string }>;
  headingLevel?: 'h2' | 'h3';
  // With the "near" filter: the rounded distance of the nearest place from the chosen town.
  distance?: { km: number; town: string };
}) {
  const t = await getTranslations('Directory');
  const tn = await getTranslations('Nearby');
  const locale = await getLocale();
  const Heading = headingLevel;
  const excerpt = card.description.value.length > 220 ? `${card.description.value.slice(0, 217).trimEnd()} …` : card.description.value;
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-slate-300 p-4" data-slug={card.slug}>
      <Heading className="text-lg font-semibold">
        <Link href={`/akteure/${card.slug}`} className="inline-flex min-h-11 items-center text-brand-800 underline" {...langProps(card.name, locale)}>
          {card.name.value}
        </Link>
      </Heading>
      {card.category ? <p className="text-sm text-slate-700">{card.category.label}</p> : null}
      {excerpt ? <p {...langProps(card.description, locale)}>{excerpt}</p> : null}
      <OpenStatus schedules={card.schedules} exceptions={card.exceptions} compact />
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {distance ? (
          <div className="flex gap-1" data-distance-km={distance.km}>
            <dt className="font-semibold">{tn('distanceFrom', { town: distance.town })}:</dt>
            <dd>{tn('distance', { km: distance.km })}</dd>
          </div>
        ) : null}
        {card.municipalities.length > 0 ? (
          <div className="flex gap-1">
            <dt className="font-semibold">{t('places')}:</dt>
            <dd>{card.municipalities.join(', ')}</dd>
          </div>
        ) : null}
        {card.languageCodes.length > 0 ? (
          <div className="flex gap-1">
            <dt className="font-semibold">{t('languagesOffered')}:</dt>
            <dd>{card.languageCodes.map((code) => languageNames[code]?.name ?? code).join(', ')}</dd>
          </div>
        ) : null}
        {card.hasWheelchairAccess ? (
          <div>
            <dt className="sr-only">{t('wheelchair')}</dt>
            <dd className="inline-flex items-center gap-1">
              <Icon name="Accessibility" className="size-4" />
              {t('wheelchair')}
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
