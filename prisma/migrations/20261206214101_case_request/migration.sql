-- AlterTable
ALTER TABLE "EscalationCase" ADD COLUMN "request" TEXT;

