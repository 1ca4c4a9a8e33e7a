-- CreateTable
CREATE TABLE "ChatPhoto" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "sourceFormat" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "thumb" BYTEA NOT NULL,
    "outboxId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChatPhoto_conversationId_createdAt_idx" ON "ChatPhoto"("conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "ChatPhoto_shop_createdAt_idx" ON "ChatPhoto"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "ChatPhoto_outboxId_idx" ON "ChatPhoto"("outboxId");

-- AddForeignKey
ALTER TABLE "ChatPhoto" ADD CONSTRAINT "ChatPhoto_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
