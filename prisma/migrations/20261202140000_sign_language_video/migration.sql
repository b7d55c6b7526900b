-- German Sign Language video (issue 12, BITV 2.0 §4): produced with the WebAssembly schema engine
-- (diff from the previous schema.prisma), plus the storage setting at the end (hand-written).

-- CreateTable
CREATE TABLE "SignLanguageVideo" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "chunkSize" INTEGER NOT NULL,
    "transcript" TEXT NOT NULL,
    "isComplete" BOOLEAN NOT NULL DEFAULT false,
    "uploadedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignLanguageVideo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignLanguageVideoChunk" (
    "videoId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "SignLanguageVideoChunk_pkey" PRIMARY KEY ("videoId","seq")
);

-- CreateIndex
CREATE INDEX "SignLanguageVideo_isComplete_createdAt_idx" ON "SignLanguageVideo"("isComplete", "createdAt");

-- AddForeignKey
ALTER TABLE "SignLanguageVideoChunk" ADD CONSTRAINT "SignLanguageVideoChunk_videoId_fkey" FOREIGN KEY ("videoId") REFERENCES "SignLanguageVideo"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: video is already compressed; EXTERNAL keeps the chunks out of line without a
-- pointless compression attempt (cheaper writes and reads).
ALTER TABLE "SignLanguageVideoChunk" ALTER COLUMN "data" SET STORAGE EXTERNAL;
