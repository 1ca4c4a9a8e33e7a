-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
