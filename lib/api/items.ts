// The JSON API's objects (/api/v1): English field names in snake_case, texts in the requested
// language where a translation exists (`content_language` says which), absolute URLs.
import type { OrganizationCard } from '@/lib/data/directory/cards';
import type { PublicServiceItem } from '@/lib/data/directory/service-list';

export function organizationItem(
  card: OrganizationCard & { distanceKm?: number },
  { locale, baseUrl, withDistance = false }: { locale: string; baseUrl: string; withDistance?: boolean },
) {
  return {
    slug: card.slug,
    name: card.name.value,
    short_name: card.shortName,
    description: card.description.value,
    content_language: card.description.lang,
    category: card.category,
    topics: card.topics,
    towns: card.municipalities,
    languages: card.languageCodes,
    wheelchair_accessible: card.hasWheelchairAccess,
    url: `${baseUrl}/${locale}/akteure/${card.slug}`,
    // Only with `near`: km (one decimal, straight line) of the nearest place; null without coordinates.
    ...(withDistance ? { distance_km: card.distanceKm === undefined ? null : Math.round(card.distanceKm * 10) / 10 } : {}),
  };
}

export function serviceItem(service: PublicServiceItem, { locale, baseUrl }: { locale: string; baseUrl: string }) {
  return {
    id: service.id,
    name: service.name.value,
    description: service.description.value,
    content_language: service.name.lang,
    organization: { ...service.organization, url: `${baseUrl}/${locale}/akteure/${service.organization.slug}` },
    status: service.status,
    minimum_age: service.minAge,
    maximum_age: service.maxAge,
    appointment_required: service.appointmentRequired,
    interpretation_offered: service.interpretationOffered,
    topics: service.topics,
    target_groups: service.targetGroups,
    languages: service.languages,
    towns: service.towns,
  };
}
