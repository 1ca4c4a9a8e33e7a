-- AlterTable
ALTER TABLE "EscalationCase" ADD COLUMN "clientHash" TEXT;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "abuse" JSONB;

-- CreateIndex
CREATE INDEX "EscalationCase_shop_clientHash_createdAt_idx" ON "EscalationCase"("shop", "clientHash", "createdAt");

-- CreateIndex
CREATE INDEX "EscalationCase_shop_shopperEmail_createdAt_idx" ON "EscalationCase"("shop", "shopperEmail", "createdAt");

