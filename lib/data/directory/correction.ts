// "Meinten Sie …?" for a search that found nothing (or little).
import 'server-only';
import { db } from '@/lib/db';
import { tokenizeQuery } from '@/lib/search/query';

// "Meinten Sie …?": each word of the query replaced by the most similar word (trigram similarity,
// any script) from the public entries' names, the taxonomy's labels in every language and the
// search vocabulary; null when nothing is similar enough or nothing would change.
export async function suggestCorrection(q: string): Promise<string | null> {
  const tokens = tokenizeQuery(q);
  if (tokens.length === 0) return null;
  const rows = await db.$queryRaw<{ token: string; word: string }[]>`
    WITH words AS (
      SELECT DISTINCT w AS word FROM (
        SELECT regexp_split_to_table(lower(o."name"), '[^[:alnum:]]+') AS w FROM "Organization" o WHERE is_public_organization(o)
        UNION ALL SELECT regexp_split_to_table(lower(o."shortName"), '[^[:alnum:]]+') FROM "Organization" o WHERE is_public_organization(o)
        UNION ALL SELECT regexp_split_to_table(lower(t."label"), '[^[:alnum:]]+') FROM "TaxonomyTerm" t
        UNION ALL SELECT regexp_split_to_table(lower(l.value), '[^[:alnum:]]+') FROM "TaxonomyTerm" t, jsonb_each_text(t."labels") l
        UNION ALL SELECT lower(v."word") FROM "SearchConceptWord" v WHERE v."word" !~ '\s'
      ) x WHERE length(w) >= 3
    ), tokens AS (SELECT unnest(${tokens.map((token) => token.text)}::text[]) AS token)
    SELECT DISTINCT ON (tk.token) tk.token, w.word
      FROM tokens tk JOIN words w ON similarity(search_normalize(w.word), search_normalize(tk.token)) >= 0.3
     ORDER BY tk.token, similarity(search_normalize(w.word), search_normalize(tk.token)) DESC, w.word`;
  const best = new Map(rows.map((row) => [row.token, row.word]));
  // Words with no similar word anywhere are left out: kept, they would find nothing again.
  const corrected = tokens.flatMap((token) => best.get(token.text) ?? []);
  const changed = corrected.length > 0 && corrected.join(' ') !== tokens.map((token) => token.text).join(' ');
  return changed ? corrected.join(' ') : null;
}
