-- CreateTable
CREATE TABLE "VisitProof" (
    "conversationId" TEXT NOT NULL,
    "visitHash" TEXT,
    "usedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitProof_pkey" PRIMARY KEY ("conversationId")
);

-- AddForeignKey
ALTER TABLE "VisitProof" ADD CONSTRAINT "VisitProof_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
