-- CreateTable
CREATE TABLE "VisitProof" (
    "conversationId" TEXT NOT NULL PRIMARY KEY,
    "visitHash" TEXT,
    "usedAt" DATETIME NOT NULL,
    CONSTRAINT "VisitProof_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

