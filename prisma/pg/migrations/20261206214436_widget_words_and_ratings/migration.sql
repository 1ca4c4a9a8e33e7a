-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "widget" JSONB;

-- CreateTable
CREATE TABLE "ChatRating" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChatRating_shop_createdAt_idx" ON "ChatRating"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChatRating_conversationId_kind_key" ON "ChatRating"("conversationId", "kind");

-- AddForeignKey
ALTER TABLE "ChatRating" ADD CONSTRAINT "ChatRating_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatRating" ADD CONSTRAINT "ChatRating_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

