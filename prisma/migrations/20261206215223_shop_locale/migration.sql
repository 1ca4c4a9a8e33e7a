-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "domain" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "plan" TEXT NOT NULL DEFAULT 'free',
    "routing" JSONB,
    "triggers" JSONB,
    "assistant" JSONB,
    "contact" JSONB,
    "abuse" JSONB,
    "retentionDays" INTEGER NOT NULL DEFAULT 90,
    "testEmailSentAt" DATETIME,
    "tokenRefreshLockedUntil" DATETIME,
    "adminAccessIssue" TEXT,
    "adminAccessIssueAt" DATETIME,
    "currencyCode" TEXT NOT NULL DEFAULT 'USD',
    "ianaTimezone" TEXT NOT NULL DEFAULT 'UTC',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Shop" ("abuse", "adminAccessIssue", "adminAccessIssueAt", "assistant", "contact", "currencyCode", "domain", "ianaTimezone", "installedAt", "name", "plan", "retentionDays", "routing", "testEmailSentAt", "tokenRefreshLockedUntil", "triggers", "uninstalledAt", "updatedAt") SELECT "abuse", "adminAccessIssue", "adminAccessIssueAt", "assistant", "contact", "currencyCode", "domain", "ianaTimezone", "installedAt", "name", "plan", "retentionDays", "routing", "testEmailSentAt", "tokenRefreshLockedUntil", "triggers", "uninstalledAt", "updatedAt" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

