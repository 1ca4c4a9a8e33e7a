import type { Db } from "~/db.server";

export interface AdminAccessNotice {
  issue: "refresh_rejected" | "token_expired";
  since: string;
}

/**
 * Whether Baton currently cannot use the shop's Admin API token (Shopify refused to renew it), for
 * the admin home banner. Cleared by the next successful refresh or when the merchant reinstalls /
 * reopens Baton and the library stores a new offline token (afterAuth).
 */
export async function loadAdminAccessNotice(db: Db, shop: string): Promise<AdminAccessNotice | null> {
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { adminAccessIssue: true, adminAccessIssueAt: true } });
  if (!row?.adminAccessIssue) return null;
  const issue = row.adminAccessIssue === "token_expired" ? "token_expired" : "refresh_rejected";
  return { issue, since: (row.adminAccessIssueAt ?? new Date(0)).toISOString() };
}

export async function clearAdminAccessNotice(db: Db, shop: string): Promise<void> {
  await db.shop.updateMany({ where: { domain: shop, NOT: { adminAccessIssue: null } }, data: { adminAccessIssue: null, adminAccessIssueAt: null } });
}
