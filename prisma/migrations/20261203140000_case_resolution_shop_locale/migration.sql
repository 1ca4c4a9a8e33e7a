-- AlterTable
ALTER TABLE "EscalationCase" ADD COLUMN "resolvedAt" DATETIME;

-- AlterTable (SQLite adds NOT NULL columns with a constant default in place; no table rebuild needed)
ALTER TABLE "Shop" ADD COLUMN "currencyCode" TEXT NOT NULL DEFAULT 'USD';
ALTER TABLE "Shop" ADD COLUMN "ianaTimezone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateIndex
CREATE INDEX "EscalationCase_shop_resolvedAt_idx" ON "EscalationCase"("shop", "resolvedAt");
