-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "teamReplies" JSONB;

-- CreateTable
CREATE TABLE "TeamMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "authorName" TEXT,
    "authorEmail" TEXT,
    "text" TEXT NOT NULL,
    "messageId" TEXT,
    "auth" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TeamMessage_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamMessage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EscalationCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RefusedInboundEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT,
    "caseId" TEXT,
    "reason" TEXT NOT NULL,
    "fromAddress" TEXT,
    "toAddress" TEXT,
    "subject" TEXT,
    "sizeBytes" INTEGER NOT NULL,
    "auth" JSONB,
    "excerpt" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RefusedInboundEmail_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RefusedInboundEmail_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EscalationCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TeamMessage_conversationId_createdAt_idx" ON "TeamMessage"("conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "TeamMessage_shop_createdAt_idx" ON "TeamMessage"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMessage_caseId_messageId_key" ON "TeamMessage"("caseId", "messageId");

-- CreateIndex
CREATE INDEX "RefusedInboundEmail_shop_receivedAt_idx" ON "RefusedInboundEmail"("shop", "receivedAt");

-- CreateIndex
CREATE INDEX "RefusedInboundEmail_caseId_idx" ON "RefusedInboundEmail"("caseId");

-- CreateIndex
CREATE INDEX "RefusedInboundEmail_receivedAt_idx" ON "RefusedInboundEmail"("receivedAt");

