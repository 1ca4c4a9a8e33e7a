-- CreateTable
CREATE TABLE "CaseCapCounter" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "expiresAt" BIGINT NOT NULL,

    CONSTRAINT "CaseCapCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "CaseCapCounter_expiresAt_idx" ON "CaseCapCounter"("expiresAt");
