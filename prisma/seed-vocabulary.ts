// Loads the search vocabulary (prisma/seed-data/search-vocabulary.ts). Idempotent: a concept that
// exists is left as coordinators edited it (seeding runs at every start); new concepts of the file
// are added with their words and terms. Terms that the taxonomy lacks are skipped.
import type { PrismaClient, TaxonomyKind } from '../lib/generated/prisma/client.ts';
import { foldWord } from '../lib/search/normalize.ts';
import { type ConceptSeed, searchVocabulary } from './seed-data/search-vocabulary.ts';

const KIND: Record<string, TaxonomyKind> = { topic: 'TOPIC', category: 'CATEGORY', target: 'TARGET_GROUP' };

function conceptWords(concept: ConceptSeed) {
  const seen = new Set<string>();
  return Object.entries(concept.words).flatMap(([locale, words]) =>
    (words ?? []).flatMap((word) => {
      const normalized = foldWord(word);
      const key = `${locale}:${normalized}`;
      if (!normalized || seen.has(key)) return [];
      seen.add(key);
      return [{ locale, word, normalized }];
    }),
  );
}

export async function seedSearchVocabulary(db: PrismaClient, concepts: ConceptSeed[] = searchVocabulary): Promise<number> {
  const terms = await db.taxonomyTerm.findMany({ select: { id: true, kind: true, slug: true } });
  const termId = new Map(terms.map((term) => [`${term.kind}:${term.slug}`, term.id]));
  const existing = new Set((await db.searchConcept.findMany({ select: { slug: true } })).map((c) => c.slug));
  let created = 0;
  for (const concept of concepts) {
    if (existing.has(concept.slug)) continue;
    const ids = concept.terms.flatMap((ref) => {
      const [kind, slug] = ref.split(':');
      const id = termId.get(`${KIND[kind]}:${slug}`);
      return id ? [id] : [];
    });
    await db.searchConcept.create({
      data: {
        slug: concept.slug,
        label: concept.label,
        words: { create: conceptWords(concept) },
        terms: { create: ids.map((id) => ({ termId: id })) },
      },
    });
    created += 1;
  }
  return created;
}
