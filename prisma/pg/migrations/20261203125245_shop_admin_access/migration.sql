-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "adminAccessIssue" TEXT,
ADD COLUMN     "adminAccessIssueAt" TIMESTAMP(3),
ADD COLUMN     "tokenRefreshLockedUntil" TIMESTAMP(3);

