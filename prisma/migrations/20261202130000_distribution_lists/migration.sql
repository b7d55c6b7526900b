-- Distribution lists ("Verteiler") and circulars sent from the app (issue 13).
-- Produced by Prisma's schema engine (scripts/db/schema-engine.ts, diff from the previous
-- datamodel); recipients of a circular are claimed with FOR UPDATE SKIP LOCKED (no SQL needed here).

-- CreateEnum
CREATE TYPE "DistributionAddressMode" AS ENUM ('FUNCTIONAL_MAILBOX', 'ALL_CONTACTS', 'ROLE');

-- CreateEnum
CREATE TYPE "CircularStatus" AS ENUM ('DRAFT', 'QUEUED', 'DONE');

-- CreateEnum
CREATE TYPE "CircularDeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- AlterEnum

-- This migration adds more than one value to an enum.

-- With PostgreSQL versions 11 and earlier, this is not possible

-- in a single migration. This can be worked around by creating

-- multiple migrations, each migration adding only one value to

-- AlterTable
ALTER TABLE "ContactPerson" ADD COLUMN     "mailingOptOutAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DistributionList" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT,
    "useFilter" BOOLEAN NOT NULL DEFAULT true,
    "categoryIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "topicIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "municipalities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "languageCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "isMembersOnly" BOOLEAN NOT NULL DEFAULT false,
    "organizationIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "contactIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "addressMode" "DistributionAddressMode" NOT NULL DEFAULT 'FUNCTIONAL_MAILBOX',
    "role" TEXT,
    "includeInternal" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DistributionList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Circular" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "listId" UUID,
    "listName" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" "CircularStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" UUID,
    "createdByName" TEXT NOT NULL,
    "replyTo" TEXT,
    "recipientCount" INTEGER NOT NULL DEFAULT 0,
    "sentCount" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" TIMESTAMP(3),
    "queuedByName" TEXT,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Circular_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CircularAttachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "circularId" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CircularAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CircularDelivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "circularId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "organizationName" TEXT,
    "contactPersonId" UUID,
    "organizationId" UUID,
    "status" "CircularDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "CircularDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DistributionList_name_idx" ON "DistributionList"("name");

-- CreateIndex
CREATE INDEX "Circular_listId_createdAt_idx" ON "Circular"("listId", "createdAt");

-- CreateIndex
CREATE INDEX "Circular_status_idx" ON "Circular"("status");

-- CreateIndex
CREATE INDEX "CircularAttachment_circularId_idx" ON "CircularAttachment"("circularId");

-- CreateIndex
CREATE INDEX "CircularDelivery_status_claimedAt_idx" ON "CircularDelivery"("status", "claimedAt");

-- CreateIndex
CREATE INDEX "CircularDelivery_contactPersonId_idx" ON "CircularDelivery"("contactPersonId");

-- CreateIndex
CREATE INDEX "CircularDelivery_organizationId_idx" ON "CircularDelivery"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "CircularDelivery_circularId_email_key" ON "CircularDelivery"("circularId", "email");

-- AddForeignKey
ALTER TABLE "Circular" ADD CONSTRAINT "Circular_listId_fkey" FOREIGN KEY ("listId") REFERENCES "DistributionList"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircularAttachment" ADD CONSTRAINT "CircularAttachment_circularId_fkey" FOREIGN KEY ("circularId") REFERENCES "Circular"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircularDelivery" ADD CONSTRAINT "CircularDelivery_circularId_fkey" FOREIGN KEY ("circularId") REFERENCES "Circular"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircularDelivery" ADD CONSTRAINT "CircularDelivery_contactPersonId_fkey" FOREIGN KEY ("contactPersonId") REFERENCES "ContactPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircularDelivery" ADD CONSTRAINT "CircularDelivery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'SEND';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "mailingOptOutAt" TIMESTAMP(3);
