import type { PolicySource, ShopPolicy } from "~/domain/orders";
import { adminGraphql, type AdminGraphqlOptions } from "./admin-graphql.server";
import { mapShopPolicies } from "./map-admin-order";
import { SHOP_POLICIES_QUERY } from "./queries";
import type { ShopPoliciesResult } from "./types";

// Policies change rarely and are read on many turns: one Admin call per shop every ten minutes.
const POLICY_TTL_MS = 10 * 60_000;
const policyCache = new Map<string, { at: number; policies: ShopPolicy[] }>();

/** The `PolicySource` port through the shop's Admin GraphQL API (offline access token). */
export function createAdminPolicySource(options: AdminGraphqlOptions): PolicySource {
  return {
    async listPolicies(): Promise<ShopPolicy[]> {
      const cached = policyCache.get(options.shop);
      if (cached && Date.now() - cached.at < POLICY_TTL_MS) return cached.policies;
      const policies = mapShopPolicies(await adminGraphql<ShopPoliciesResult>(options, SHOP_POLICIES_QUERY));
      policyCache.set(options.shop, { at: Date.now(), policies });
      return policies;
    },
  };
}
