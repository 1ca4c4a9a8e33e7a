-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "widget" JSONB;

-- CreateTable
CREATE TABLE "ChatRating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ChatRating_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChatRating_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ChatRating_shop_createdAt_idx" ON "ChatRating"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChatRating_conversationId_kind_key" ON "ChatRating"("conversationId", "kind");

