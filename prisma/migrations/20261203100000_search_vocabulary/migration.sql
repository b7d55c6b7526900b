-- Search vocabulary (issue 11): concepts, their words per language, and the taxonomy terms they mean.
-- Produced with scripts/db/schema-engine.ts (diff from the previous schema.prisma).

-- CreateTable
CREATE TABLE "SearchConcept" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchConcept_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchConceptWord" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "conceptId" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "word" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchConceptWord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchConceptTerm" (
    "conceptId" UUID NOT NULL,
    "termId" UUID NOT NULL,

    CONSTRAINT "SearchConceptTerm_pkey" PRIMARY KEY ("conceptId","termId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchConcept_slug_key" ON "SearchConcept"("slug");

-- CreateIndex
CREATE INDEX "SearchConceptWord_normalized_idx" ON "SearchConceptWord"("normalized");

-- CreateIndex
CREATE UNIQUE INDEX "SearchConceptWord_conceptId_locale_normalized_key" ON "SearchConceptWord"("conceptId", "locale", "normalized");

-- CreateIndex
CREATE INDEX "SearchConceptTerm_termId_idx" ON "SearchConceptTerm"("termId");

-- AddForeignKey
ALTER TABLE "SearchConceptWord" ADD CONSTRAINT "SearchConceptWord_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "SearchConcept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchConceptTerm" ADD CONSTRAINT "SearchConceptTerm_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "SearchConcept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchConceptTerm" ADD CONSTRAINT "SearchConceptTerm_termId_fkey" FOREIGN KEY ("termId") REFERENCES "TaxonomyTerm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

