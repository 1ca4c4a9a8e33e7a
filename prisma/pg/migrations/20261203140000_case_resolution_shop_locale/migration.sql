-- AlterTable
ALTER TABLE "EscalationCase" ADD COLUMN     "resolvedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "currencyCode" TEXT NOT NULL DEFAULT 'USD',
ADD COLUMN     "ianaTimezone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateIndex
CREATE INDEX "EscalationCase_shop_resolvedAt_idx" ON "EscalationCase"("shop", "resolvedAt");

