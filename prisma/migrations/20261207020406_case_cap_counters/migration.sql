-- CreateTable
CREATE TABLE "CaseCapCounter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "expiresAt" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "CaseCapCounter_expiresAt_idx" ON "CaseCapCounter"("expiresAt");

