-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "adminAccessIssue" TEXT;
ALTER TABLE "Shop" ADD COLUMN "adminAccessIssueAt" DATETIME;
ALTER TABLE "Shop" ADD COLUMN "tokenRefreshLockedUntil" DATETIME;

