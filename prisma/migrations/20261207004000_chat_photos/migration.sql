-- CreateTable
CREATE TABLE "ChatPhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "sourceFormat" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "thumb" BLOB NOT NULL,
    "outboxId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChatPhoto_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ChatPhoto_conversationId_createdAt_idx" ON "ChatPhoto"("conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "ChatPhoto_shop_createdAt_idx" ON "ChatPhoto"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "ChatPhoto_outboxId_idx" ON "ChatPhoto"("outboxId");
