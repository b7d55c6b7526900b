// vCard download for one public contact (text/vcard, UTF-8). Internal contacts, contacts without
// consent and contacts of unpublished organizations get 404, exactly like the page.
import { getPublicContactCard } from '@/lib/data/organizations';
import { getEnv } from '@/lib/env';
import { toVcard } from '@/lib/format/vcard';
import { CONSENT_BOUND_CACHE_CONTROL } from '@/lib/http/cache-control';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; slug: string; contactId: string }> },
) {
  const { locale, slug, contactId } = await params;
  const contact = await getPublicContactCard({ slug, contactId });
  if (!contact) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const body = toVcard({
    name: contact.name,
    role: contact.role,
    organization: contact.organization.name,
    email: contact.email,
    phone: contact.phone,
    mobile: contact.mobile,
    website: contact.organization.website,
    address: contact.organization.locations[0] ?? null,
    languages: contact.languageOffers.map((offer) => offer.languageCode),
    url: `${getEnv().APP_URL}/${locale}/akteure/${slug}`,
  });
  const base = (contact.name ?? contact.role)
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase() || 'kontakt';
  return new Response(body, {
    headers: {
      'Content-Type': 'text/vcard; charset=utf-8',
      'Content-Disposition': `attachment; filename="${base}.vcf"`,
      // A withdrawn consent must reach every cache within 10 s.
      'Cache-Control': CONSENT_BOUND_CACHE_CONTROL,
    },
  });
}
