-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "llmFallbacks" INTEGER NOT NULL DEFAULT 0;
