-- Import (CSV/XLSX) and export of the directory (issue 13): import sessions, the column mapping
-- remembered per file layout, an external id to match organizations, audit actions.
-- Produced by Prisma's schema engine (duplicate warnings use the existing trigram index on searchName).

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADED', 'IMPORTED');

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'EXPORT';
ALTER TYPE "AuditAction" ADD VALUE 'IMPORT';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "externalId" TEXT;

-- CreateTable
CREATE TABLE "ImportSession" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "createdById" UUID,
    "filename" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "encoding" TEXT,
    "delimiter" TEXT,
    "headers" JSONB NOT NULL,
    "rows" JSONB NOT NULL,
    "firstRow" INTEGER NOT NULL DEFAULT 2,
    "layoutKey" TEXT NOT NULL,
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importedAt" TIMESTAMP(3),

    CONSTRAINT "ImportSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportLayout" (
    "layoutKey" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportLayout_pkey" PRIMARY KEY ("layoutKey")
);

-- CreateIndex
CREATE INDEX "ImportSession_createdAt_idx" ON "ImportSession"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_externalId_key" ON "Organization"("externalId");
